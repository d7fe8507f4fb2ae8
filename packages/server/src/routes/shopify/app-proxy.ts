/**
 * The Shopify widget's API, reached through the store's app proxy
 * (`https://{shop}/apps/parley/...` → `/shopify/proxy/...`). Shopify signs every forwarded
 * request; only a verified request is served, and the shop and logged-in customer it names
 * are attached to the visitor — never values the browser could make up.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  appProxyContactAttributes,
  verifyAppProxyRequest,
} from '../../channels/shopify/app-proxy.js';
import { SHOP_DOMAIN } from '../../channels/shopify/connect.js';
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
import { appProxyLimits } from './app-proxy-limits.js';

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

export async function shopifyAppProxyRoutes(app: FastifyInstance, ctx: Context & { hub: LiveHub }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['shopify'];
  const enforceLimits = appProxyLimits(app);

  /** Finds the stores connected for the `shop` the request names (in any workspace), keeps
   * those whose secret signed it, then counts the request against the shopper and the shop. */
  async function verifiedVisitor(
    request: FastifyRequest,
    reply: FastifyReply,
    shop: string,
    id?: string,
  ): Promise<Visitor> {
    const candidates = SHOP_DOMAIN.test(shop)
      ? await findChannelsByAccount(ctx.db, ctx.secretBox, ['shopify_widget'], [shop])
      : [];
    // With no store for the shop there is no secret, and the answer is that of a wrong
    // signature: this route does not tell which shops are connected.
    const verification = verifyAppProxyRequest(
      request.url,
      candidates.map((candidate) => candidate.secrets.appSecret),
    );
    if (!verification.ok) throw new AppError(401, 'invalid_signature', verification.reason);
    const signers = candidates.filter(
      (candidate) => candidate.secrets.appSecret === verification.secret,
    );
    // Two workspaces holding the same app secret both may serve the shop: the oldest does.
    const channel = signers.find((signer) => signer.config.uninstalled !== true);
    if (!channel) throw notFound('A connected Shopify store for this shop');
    await enforceLimits(request, reply, verification.context);
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
    { schema: { querystring: shopQuery, tags } },
    async (request, reply) =>
      widgetConfig((await verifiedVisitor(request, reply, request.query.shop)).assistant),
  );

  api.post(
    `${APP_PROXY_PREFIX}/api/widget/session`,
    { schema: { querystring: shopQuery, body: sessionBody, tags } },
    async (request, reply) => {
      const visitor = await verifiedVisitor(
        request,
        reply,
        request.query.shop,
        request.body.visitorId,
      );
      return openVisitorSession(ctx, visitor);
    },
  );

  api.post(
    `${APP_PROXY_PREFIX}/api/widget/messages`,
    { schema: { querystring: shopQuery, body: messageBody, tags } },
    async (request, reply) => {
      const visitor = await verifiedVisitor(
        request,
        reply,
        request.query.shop,
        request.body.visitorId,
      );
      return reply.status(201).send(await postVisitorMessage(ctx, visitor, request.body));
    },
  );

  api.get(
    `${APP_PROXY_PREFIX}/api/widget/stream`,
    { schema: { querystring: streamQuery, tags } },
    async (request, reply) => {
      const visitor = await verifiedVisitor(
        request,
        reply,
        request.query.shop,
        request.query.visitorId,
      );
      await streamVisitorConversation(ctx, request, reply, visitor, request.query.conversationId);
    },
  );
}
