/**
 * The Shopify widget's API, reached through the store's app proxy
 * (`https://{shop}/apps/parley/...` → `/shopify/proxy/...`). Shopify signs every forwarded
 * request; only a verified request is served, and the shop and logged-in customer it names
 * are attached to the visitor — never values the browser could make up.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  appProxyContactAttributes,
  verifyAppProxyRequest,
} from '../../channels/shopify/app-proxy.js';
import {
  openVisitorSession,
  postVisitorMessage,
  type Visitor,
  widgetConfig,
} from '../../commands/widget.js';
import type { Context } from '../../context.js';
import { AppError, notFound } from '../../lib/errors.js';
import type { LiveHub } from '../../live/hub.js';
import { findChannelsByAccount } from '../../store/channels.js';
import { streamVisitorConversation } from '../widget/visitor-stream.js';

export const APP_PROXY_PREFIX = '/shopify/proxy';

const visitorId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,64}$/, 'visitorId must be 16–64 letters, digits, - or _');
const shopQuery = z.object({ shop: z.string().min(1) });
const sessionBody = z.object({ visitorId });
const messageBody = z.object({
  visitorId,
  text: z.string().min(1).max(4000),
  clientMessageId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
});
const streamQuery = shopQuery.extend({
  visitorId,
  conversationId: z.string().uuid(),
  lastEventId: z.string().optional(),
});

/** Every shopper reaches us from Shopify's servers, so limits count per shop and visitor; as
 * a preHandler, so the visitor id in a POST body has been parsed. */
const perVisitorLimit = {
  max: 60,
  timeWindow: '1 minute',
  keyGenerator: (request: FastifyRequest) => {
    const query = request.query as Record<string, string | undefined>;
    const body = (request.body ?? {}) as Record<string, unknown>;
    return `shopify:${query.shop ?? ''}:${String(body.visitorId ?? query.visitorId ?? request.ip)}`;
  },
};

export async function shopifyAppProxyRoutes(app: FastifyInstance, ctx: Context & { hub: LiveHub }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['shopify'];
  // Per visitor, and a ceiling per shop so rotating visitor ids cannot flood a store.
  const preHandler = [
    app.rateLimit(perVisitorLimit),
    app.rateLimit({
      max: 1200,
      timeWindow: '1 minute',
      keyGenerator: (request: FastifyRequest) =>
        `shopify:${(request.query as Record<string, string | undefined>).shop ?? ''}`,
    }),
  ];

  /** Finds the store by the `shop` it names, then checks the signature with that store's secret. */
  async function verifiedVisitor(
    request: FastifyRequest,
    shop: string,
    id?: string,
  ): Promise<Visitor> {
    const [channel] = await findChannelsByAccount(
      ctx.db,
      ctx.secretBox,
      ['shopify_widget'],
      [shop],
    );
    if (!channel || channel.config.uninstalled === true) {
      throw notFound('A connected Shopify store for this shop');
    }
    const verification = verifyAppProxyRequest(request.url, channel.secrets.appSecret ?? '');
    if (!verification.ok) throw new AppError(401, 'invalid_signature', verification.reason);
    if (!channel.assistantId) {
      throw new AppError(
        409,
        'no_assistant',
        'Choose an assistant for this Shopify store in Parley.',
      );
    }
    const assistant = await ctx.db
      .selectFrom('assistants')
      .selectAll()
      .where('id', '=', channel.assistantId)
      .executeTakeFirstOrThrow();
    return {
      assistant,
      kind: 'shopify_widget',
      visitorId: id ?? '',
      attributes: appProxyContactAttributes(verification.context),
      channel: {
        id: channel.id,
        workspaceId: channel.workspaceId,
        kind: 'shopify_widget',
        assistantId: channel.assistantId,
      },
    };
  }

  api.get(
    `${APP_PROXY_PREFIX}/api/widget/config`,
    { schema: { querystring: shopQuery, tags }, preHandler },
    async (request) => widgetConfig((await verifiedVisitor(request, request.query.shop)).assistant),
  );

  api.post(
    `${APP_PROXY_PREFIX}/api/widget/session`,
    { schema: { querystring: shopQuery, body: sessionBody, tags }, preHandler },
    async (request) => {
      const visitor = await verifiedVisitor(request, request.query.shop, request.body.visitorId);
      return openVisitorSession(ctx, visitor);
    },
  );

  api.post(
    `${APP_PROXY_PREFIX}/api/widget/messages`,
    { schema: { querystring: shopQuery, body: messageBody, tags }, preHandler },
    async (request, reply) => {
      const visitor = await verifiedVisitor(request, request.query.shop, request.body.visitorId);
      return reply.status(201).send(await postVisitorMessage(ctx, visitor, request.body));
    },
  );

  api.get(
    `${APP_PROXY_PREFIX}/api/widget/stream`,
    { schema: { querystring: streamQuery, tags }, preHandler },
    async (request, reply) => {
      const visitor = await verifiedVisitor(request, request.query.shop, request.query.visitorId);
      await streamVisitorConversation(ctx, request, reply, visitor, request.query.conversationId);
    },
  );
}
