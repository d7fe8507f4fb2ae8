/**
 * The public widget API used by the embed script and the share-link page. No cookies: the
 * assistant's public key, an allowed-origins list and per-IP rate limits guard it; the
 * visitor id (random, kept in the visitor's browser) is the visitor's only credential.
 */

import type { MessageView } from '@parley/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  assertOriginAllowed,
  findAssistantByKey,
  findVisitorConversation,
  openVisitorSession,
  postVisitorMessage,
  presentForVisitor,
  type Visitor,
} from '../../commands/widget.js';
import type { Context } from '../../context.js';
import type { LiveHub } from '../../live/hub.js';
import { resumeCursor, streamEvents } from '../../live/sse.js';
import { latestSeq } from '../../store/events.js';
import { configQuery, messageBody, sessionBody, streamQuery } from './schema.js';

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
      return {
        assistant: {
          name: assistant.name,
          greeting: assistant.greeting,
          suggestedQuestions: assistant.suggested_questions,
        },
        theme: { color: '#4f46e5' },
      };
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
      const conversation = await findVisitorConversation(ctx, visitor, query.conversationId);
      allowCors(request, reply);
      for (const [name, value] of Object.entries(reply.getHeaders())) {
        if (value !== undefined) reply.raw.setHeader(name, value as string);
      }
      const afterSeq =
        resumeCursor(request) ?? (await latestSeq(ctx.db, conversation.workspace_id));
      streamEvents(request, reply, ctx.hub, {
        workspaceId: conversation.workspace_id,
        conversationId: conversation.id,
        afterSeq,
        accept: (event) => event.type === 'message.created' || event.type === 'message.updated',
        present: (event) => presentForVisitor(event.payload as MessageView),
      });
    },
  );
}
