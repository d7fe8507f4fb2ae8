/**
 * Meta's webhook endpoint, shared by Messenger, Instagram DMs and comments, and Page comments:
 * one Meta app posts every event of a Page or Instagram account to one callback URL.
 * `GET` answers the subscription handshake; `POST` verifies, ingests, then acknowledges.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RawRequest } from '../../channels/connector.js';
import { META_KINDS } from '../../channels/meta/envelope.js';
import { answerHandshake } from '../../channels/meta/handshake.js';
import type { Context } from '../../context.js';
import { findChannelsByKind } from '../../store/channels.js';
import { receiveMetaDelivery } from './meta-delivery.js';
import { HANDSHAKE_RATE_LIMIT, WEBHOOK_RATE_LIMIT } from './rate-limits.js';

export const META_WEBHOOK_PATH = '/webhooks/meta';
export const META_WEBHOOK_BODY_LIMIT = 1024 * 1024;

type Query = Record<string, string | undefined>;

function flatHeaders(request: FastifyRequest): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    headers[name] = Array.isArray(value) ? value[0] : value;
  }
  return headers;
}

function sendError(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).send({ error: { code, message } });
}

export async function metaWebhookRoutes(app: FastifyInstance, ctx: Context) {
  // Signatures cover the exact bytes Meta sent, so bodies stay raw in this plugin (only here:
  // the parser is scoped to this encapsulated plugin).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: META_WEBHOOK_BODY_LIMIT },
    (_request, body, done) => {
      done(null, body);
    },
  );

  app.get(
    META_WEBHOOK_PATH,
    { schema: { hide: true }, config: { rateLimit: HANDSHAKE_RATE_LIMIT } },
    async (request, reply) => {
      const channels = await findChannelsByKind(ctx.db, ctx.secretBox, [...META_KINDS]);
      const answer = answerHandshake(request.query as Query, channels);
      if (!answer.ok) return sendError(reply, answer.status, 'handshake_refused', answer.reason);
      ctx.log.info('meta webhook subscription confirmed', { channelId: answer.channel.id });
      return reply.type('text/plain').send(answer.challenge);
    },
  );

  app.post(
    META_WEBHOOK_PATH,
    {
      bodyLimit: META_WEBHOOK_BODY_LIMIT,
      schema: { hide: true },
      config: { rateLimit: WEBHOOK_RATE_LIMIT },
    },
    async (request, reply) => {
      const rawRequest: RawRequest = {
        method: request.method,
        url: request.url,
        headers: flatHeaders(request),
        query: request.query as Query,
        rawBody: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
      };
      const outcome = await receiveMetaDelivery(ctx, rawRequest);
      if (!outcome.ok) return sendError(reply, outcome.status, outcome.code, outcome.message);
      return reply.code(200).send({ received: outcome.received });
    },
  );
}
