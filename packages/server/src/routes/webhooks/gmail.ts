/**
 * `POST /webhooks/gmail/:channelId?token=…` — Cloud Pub/Sub pushes Gmail's "mailbox changed"
 * notices here. The route stays thin: verify the push, record the announced historyId and
 * enqueue a sync in one transaction, and answer 204 only once that has committed; Pub/Sub
 * redelivers anything not acknowledged, and the sync itself runs as a durable job.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ChannelRecord } from '../../channels/connector.js';
import {
  decodeGmailPush,
  MalformedGmailPushError,
  verifyGmailPush,
} from '../../channels/gmail/push.js';
import { recordNotifiedHistoryId } from '../../channels/gmail/sync-state.js';
import type { Db } from '../../store/store.js';
import { WEBHOOK_RATE_LIMIT } from './rate-limits.js';

export interface GmailWebhookDeps {
  db: Db;
  /** The channel with its secrets opened (the push token is one). */
  loadChannel(channelId: string): Promise<ChannelRecord | null>;
  /** Enqueues the durable sync job inside the transaction given (sync-job.ts `enqueueGmailSync`). */
  enqueueGmailSync(trx: Db, channel: ChannelRecord): Promise<void>;
}

const params = z.object({ channelId: z.string() });
const querystring = z.object({ token: z.string().optional() });
/** A Gmail notice is a few hundred bytes of JSON ({ emailAddress, historyId }, base64). */
const PUSH_BODY_LIMIT = 64 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function fail(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.status(status).send({ error: { code, message } });
}

/** Pub/Sub posts JSON; a body left unparsed by the app's own parsers is read here. */
function jsonBody(body: unknown): unknown {
  if (Buffer.isBuffer(body) || typeof body === 'string') {
    try {
      return JSON.parse(body.toString());
    } catch {
      return null;
    }
  }
  return body;
}

export async function gmailWebhookRoutes(app: FastifyInstance, deps: GmailWebhookDeps) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/webhooks/gmail/:channelId',
    {
      schema: { params, querystring, hide: true },
      // Parsed before the token is checked: kept to what a Pub/Sub notice needs.
      bodyLimit: PUSH_BODY_LIMIT,
      config: { rateLimit: WEBHOOK_RATE_LIMIT },
    },
    async (request, reply) => {
      const { channelId } = request.params;
      const channel = UUID.test(channelId) ? await deps.loadChannel(channelId) : null;
      if (channel?.kind !== 'gmail') {
        return fail(reply, 404, 'not_found', 'No Gmail channel answers at this URL.');
      }
      const verified = verifyGmailPush({ query: request.query }, channel.secrets.pushToken);
      if (!verified.ok) return fail(reply, verified.status, 'unauthorized', verified.reason);

      let notice: ReturnType<typeof decodeGmailPush>;
      try {
        notice = decodeGmailPush(jsonBody(request.body));
      } catch (error) {
        if (error instanceof MalformedGmailPushError)
          return fail(reply, 400, 'bad_request', error.message);
        throw error;
      }
      const mailbox =
        typeof channel.config.emailAddress === 'string' ? channel.config.emailAddress : null;
      if (mailbox && mailbox.toLowerCase() !== notice.emailAddress) {
        // A mis-routed notice: redelivering it cannot help, so it is acknowledged and dropped.
        request.log.warn(
          { channelId, emailAddress: notice.emailAddress },
          'gmail push for another mailbox',
        );
        return reply.status(204).send();
      }
      await deps.db.transaction().execute(async (trx) => {
        await recordNotifiedHistoryId(trx, channel.id, notice.historyId);
        await deps.enqueueGmailSync(trx, channel);
      });
      return reply.status(204).send();
    },
  );
}
