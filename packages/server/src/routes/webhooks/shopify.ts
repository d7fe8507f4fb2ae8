/**
 * `POST /webhooks/shopify` — the webhooks every Shopify app must answer: the store uninstalled
 * the app, and the privacy (GDPR) requests — erase a customer, erase a shop, report a
 * customer's data. Verified by `X-Shopify-Hmac-Sha256` over the raw body, with the app secret
 * of a channel connected to the shop (a shop may be connected in several workspaces: only
 * those whose secret signed the body are acted on).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import type { ChannelRecord } from '../../channels/connector.js';
import { SHOP_DOMAIN } from '../../channels/shopify/connect.js';
import { SHOPIFY_HMAC_HEADER, shopifyWebhookSignedWith } from '../../channels/shopify/webhook.js';
import type { Context } from '../../context.js';
import { findSigningSecret } from '../../lib/signing.js';
import { findChannelsByAccount } from '../../store/channels.js';
import { WEBHOOK_RATE_LIMIT } from './rate-limits.js';

export const SHOPIFY_WEBHOOK_PATH = '/webhooks/shopify';

const customerRedactSchema = z.object({
  customer: z.object({ id: z.union([z.number(), z.string()]) }),
});

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function refuse(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.status(status).send({ error: { code, message } });
}

/** Carries out one verified webhook, its payload checked, for one channel. */
async function apply(ctx: Context, channel: ChannelRecord, topic: string, payload: unknown) {
  switch (topic) {
    case 'customers/redact': {
      const { customer } = customerRedactSchema.parse(payload);
      // Deleting the contact deletes their conversations and messages with it.
      const erased = await ctx.db
        .deleteFrom('contacts')
        .where('channel_id', '=', channel.id)
        .where(sql<string>`attributes->>'shopifyCustomerId'`, '=', String(customer.id))
        .executeTakeFirst();
      ctx.log.info('shopify customer erased', {
        channelId: channel.id,
        contacts: Number(erased.numDeletedRows),
      });
      return;
    }
    case 'shop/redact':
      // Everything of the shop goes: its conversations (with the contacts) and the channel
      // with its credentials.
      await ctx.db.deleteFrom('contacts').where('channel_id', '=', channel.id).execute();
      await ctx.db.deleteFrom('channels').where('id', '=', channel.id).execute();
      ctx.log.info('shopify shop data erased', { channelId: channel.id });
      return;
    case 'app/uninstalled':
      // Stop serving the store, but keep it (and the secret that verifies Shopify) until
      // Shopify asks for `shop/redact`, 48 hours later.
      await ctx.db
        .updateTable('channels')
        .set({ config: sql`config || '{"uninstalled": true}'::jsonb` })
        .where('id', '=', channel.id)
        .execute();
      return;
    default:
      // `customers/data_request`: the merchant exports the customer's conversations from the
      // inbox; other topics are not subscribed. Either way, acknowledged.
      ctx.log.info('shopify webhook acknowledged', { topic, channelId: channel.id });
  }
}

export async function shopifyWebhookRoutes(app: FastifyInstance, ctx: Context) {
  // The HMAC covers the exact bytes Shopify sent: bodies stay raw in this plugin only.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: 1024 * 1024 },
    (_request, body, done) => done(null, body),
  );

  app.post(
    SHOPIFY_WEBHOOK_PATH,
    { schema: { hide: true }, config: { rateLimit: WEBHOOK_RATE_LIMIT } },
    async (request, reply) => {
      const hmac = header(request.headers[SHOPIFY_HMAC_HEADER]);
      if (!hmac) {
        return refuse(reply, 401, 'invalid_signature', 'The webhook carries no HMAC header.');
      }
      const shop = header(request.headers['x-shopify-shop-domain'])?.toLowerCase() ?? '';
      const topic = header(request.headers['x-shopify-topic']) ?? '';
      const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const candidates = SHOP_DOMAIN.test(shop)
        ? await findChannelsByAccount(ctx.db, ctx.secretBox, ['shopify_widget'], [shop])
        : [];
      const signer = findSigningSecret(
        candidates.map((channel) => channel.secrets.appSecret),
        (secret) => shopifyWebhookSignedWith(rawBody, hmac, secret),
      );
      const verified = candidates.filter((channel) => channel.secrets.appSecret === signer);
      if (verified.length === 0) {
        // A shop connected nowhere here gets the answer a wrong HMAC gets, so this route does
        // not tell which shops are connected. (Shopify's app review expects 401 for a bad HMAC.)
        ctx.log.warn('shopify webhook not verified', { topic, channels: candidates.length });
        return refuse(reply, 401, 'invalid_signature', 'The webhook HMAC does not match.');
      }
      let payload: unknown;
      try {
        payload = JSON.parse(rawBody.toString('utf8'));
      } catch {
        return refuse(reply, 400, 'bad_request', 'The body is not JSON.');
      }
      if (topic === 'customers/redact' && !customerRedactSchema.safeParse(payload).success) {
        return refuse(reply, 400, 'bad_request', 'No customer id to erase.');
      }
      for (const channel of verified) await apply(ctx, channel, topic, payload);
      return reply.status(200).send();
    },
  );
}
