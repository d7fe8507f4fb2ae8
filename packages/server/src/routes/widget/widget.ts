/**
 * The public widget API used by the embed script and the share-link page. No cookies: the
 * assistant's public key, an allowed-origins list and per-IP rate limits guard it; the
 * visitor id (random, kept in the visitor's browser) is the visitor's only credential.
 */

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  assertOriginAllowed,
  findAssistantByKey,
  openVisitorSession,
  postVisitorMessage,
  type Visitor,
  widgetConfig,
} from '../../commands/widget.js';
import type { Context } from '../../context.js';
import type { LiveHub } from '../../live/hub.js';
import { configQuery, messageBody, sessionBody, streamQuery } from './schema.js';
import { streamVisitorConversation } from './visitor-stream.js';

export interface WidgetRouteContext extends Context {
  hub: LiveHub;
  /** This server's public origin; the share page calls from it without CORS. */
  publicOrigin: string | null;
}

const rateLimit = { max: 60, timeWindow: '1 minute' };

function allowCors(request: FastifyRequest, reply: FastifyReply) {
  const origin = request.headers.origin;
  if (origin) {
    reply.header('access-control-allow-origin', origin);
    reply.header('vary', 'Origin');
  }
}

export async function widgetRoutes(app: FastifyInstance, ctx: WidgetRouteContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['widget'];

  const visitorFor = async (
    request: FastifyRequest,
    body: { key: string; visitorId: string; channel: Visitor['kind'] },
  ): Promise<Visitor> => {
    const assistant = await findAssistantByKey(ctx, body.key);
    assertOriginAllowed(assistant, request.headers.origin, ctx.publicOrigin);
    return { assistant, kind: body.channel, visitorId: body.visitorId };
  };

  // Preflight for JSON POSTs from other sites; the real check happens on the request itself.
  app.options('/api/widget/*', async (request, reply) => {
    allowCors(request, reply);
    reply.header('access-control-allow-methods', 'GET, POST, OPTIONS');
    reply.header('access-control-allow-headers', 'content-type, last-event-id');
    reply.header('access-control-max-age', '600');
    return reply.status(204).send();
  });

  api.get(
    '/api/widget/config',
    { schema: { querystring: configQuery, tags }, config: { rateLimit } },
    async (request, reply) => {
      const assistant = await findAssistantByKey(ctx, request.query.key);
      assertOriginAllowed(assistant, request.headers.origin, ctx.publicOrigin);
      allowCors(request, reply);
      return widgetConfig(assistant);
    },
  );

  api.post(
    '/api/widget/session',
    { schema: { body: sessionBody, tags }, config: { rateLimit } },
    async (request, reply) => {
      const visitor = await visitorFor(request, request.body);
      allowCors(request, reply);
      return openVisitorSession(ctx, visitor);
    },
  );

  api.post(
    '/api/widget/messages',
    { schema: { body: messageBody, tags }, config: { rateLimit } },
    async (request, reply) => {
      const visitor = await visitorFor(request, request.body);
      allowCors(request, reply);
      const message = await postVisitorMessage(ctx, visitor, request.body);
      return reply.status(201).send(message);
    },
  );

  api.get(
    '/api/widget/stream',
    { schema: { querystring: streamQuery, tags }, config: { rateLimit } },
    async (request, reply) => {
      const query = request.query;
      const visitor = await visitorFor(request, { ...query, channel: 'website_widget' });
      allowCors(request, reply);
      await streamVisitorConversation(ctx, request, reply, visitor, query.conversationId);
    },
  );
}
