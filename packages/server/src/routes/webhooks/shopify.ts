/**
 * `POST /webhooks/shopify` — the webhooks every Shopify app must answer: the store uninstalled
 * the app, and the privacy (GDPR) requests — erase a customer, erase a shop, report a
 * customer's data. Verified by `X-Shopify-Hmac-Sha256` over the raw body, with the connected
 * store's app secret.
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import { SHOPIFY_HMAC_HEADER, verifyShopifyWebhook } from '../../channels/shopify/webhook.js';
import type { Context } from '../../context.js';
import { findChannelsByAccount } from '../../store/channels.js';

export const SHOPIFY_WEBHOOK_PATH = '/webhooks/shopify';

const customerRedactSchema = z.object({
  customer: z.object({ id: z.union([z.number(), z.string()]) }),
});

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function shopifyWebhookRoutes(app: FastifyInstance, ctx: Context) {
  // The HMAC covers the exact bytes Shopify sent: bodies stay raw in this plugin only.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: 1024 * 1024 },
    (_request, body, done) => done(null, body),
  );

  app.post(SHOPIFY_WEBHOOK_PATH, { schema: { hide: true } }, async (request, reply) => {
    const shop = header(request.headers['x-shopify-shop-domain'])?.toLowerCase() ?? '';
    const topic = header(request.headers['x-shopify-topic']) ?? '';
    const [channel] = await findChannelsByAccount(
      ctx.db,
      ctx.secretBox,
      ['shopify_widget'],
      [shop],
    );
    if (!channel) {
      // Nothing of this shop is kept here (any more): acknowledged, so Shopify stops retrying.
      ctx.log.warn('shopify webhook for a shop with no connected channel', { topic });
      return reply.status(200).send();
    }
    const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const verified = verifyShopifyWebhook(
      rawBody,
      header(request.headers[SHOPIFY_HMAC_HEADER]),
      channel.secrets.appSecret ?? '',
    );
    if (!verified.ok) {
      return reply
        .status(verified.status)
        .send({ error: { code: 'invalid_signature', message: verified.reason } });
    }
    let payload: unknown;
    try {
      payload = JSON.parse(rawBody.toString('utf8'));
    } catch {
      return reply
        .status(400)
        .send({ error: { code: 'bad_request', message: 'The body is not JSON.' } });
    }

    switch (topic) {
      case 'customers/redact': {
        const parsed = customerRedactSchema.safeParse(payload);
        if (!parsed.success) {
          return reply
            .status(400)
            .send({ error: { code: 'bad_request', message: 'No customer id to erase.' } });
        }
        // Deleting the contact deletes their conversations and messages with it.
        const erased = await ctx.db
          .deleteFrom('contacts')
          .where('channel_id', '=', channel.id)
          .where(
            sql<string>`attributes->>'shopifyCustomerId'`,
            '=',
            String(parsed.data.customer.id),
          )
          .executeTakeFirst();
        ctx.log.info('shopify customer erased', {
          channelId: channel.id,
          contacts: Number(erased.numDeletedRows),
        });
        break;
      }
      case 'shop/redact':
        // Everything of the shop goes: its conversations (with the contacts) and the channel
        // with its credentials.
        await ctx.db.deleteFrom('contacts').where('channel_id', '=', channel.id).execute();
        await ctx.db.deleteFrom('channels').where('id', '=', channel.id).execute();
        ctx.log.info('shopify shop data erased', { channelId: channel.id });
        break;
      case 'app/uninstalled':
        // Stop serving the store, but keep it (and the secret that verifies Shopify) until
        // Shopify asks for `shop/redact`, 48 hours later.
        await ctx.db
          .updateTable('channels')
          .set({ config: sql`config || '{"uninstalled": true}'::jsonb` })
          .where('id', '=', channel.id)
          .execute();
        break;
      default:
        // `customers/data_request`: the merchant exports the customer's conversations from the
        // inbox; other topics are not subscribed. Either way, acknowledged.
        ctx.log.info('shopify webhook acknowledged', { topic });
    }
    return reply.status(200).send();
  });
}
