/**
 * One signed POST from Meta, end to end: find the channels its entries name (without trusting
 * them yet), verify the signature with each channel's app secret, parse each channel's entries
 * with its connector and ingest them. Resolves only after every ingest has committed.
 */
import type { ChannelRecord, RawRequest } from '../../channels/connector.js';
import {
  KINDS_BY_OBJECT,
  type MetaChannelKind,
  type MetaEnvelope,
  metaEnvelopeSchema,
} from '../../channels/meta/envelope.js';
import { SIGNATURE_HEADER } from '../../channels/meta/signature.js';
import { afterCustomerMessage } from '../../commands/automation.js';
import { ingest } from '../../commands/ingest.js';
import type { Context } from '../../context.js';
import { findChannelsByAccount } from '../../store/channels.js';
import { META_CONNECTORS } from './meta-connectors.js';

export type MetaDeliveryOutcome =
  | { ok: true; received: number }
  | { ok: false; status: 400 | 401 | 403; code: string; message: string };

type DeliveryContext = Pick<Context, 'db' | 'secretBox' | 'log'>;

interface Candidate {
  accountId: string;
  channel: ChannelRecord;
}

function readBody(
  rawBody: Buffer,
): { ok: true; envelope: MetaEnvelope } | { ok: false; code: string; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(rawBody.toString('utf8'));
  } catch {
    return { ok: false, code: 'malformed_json', message: 'The body is not valid JSON.' };
  }
  const envelope = metaEnvelopeSchema.safeParse(json);
  if (!envelope.success) {
    return {
      ok: false,
      code: 'malformed_payload',
      message: 'The body is not a Meta webhook ({ object, entry: [{ id, ... }] }).',
    };
  }
  return { ok: true, envelope: envelope.data };
}

/** The entry ids are only claims until a signature checks out; here they just pick candidates. */
async function findCandidates(
  ctx: DeliveryContext,
  kinds: readonly MetaChannelKind[],
  accountIds: string[],
): Promise<Candidate[]> {
  const found = await Promise.all(
    accountIds.map(async (accountId) => {
      const channels = await findChannelsByAccount(ctx.db, ctx.secretBox, [...kinds], [accountId]);
      return channels.map((channel) => ({ accountId, channel }));
    }),
  );
  return found.flat();
}

export async function receiveMetaDelivery(
  ctx: DeliveryContext,
  request: RawRequest,
): Promise<MetaDeliveryOutcome> {
  if (!request.headers[SIGNATURE_HEADER]) {
    return {
      ok: false,
      status: 401,
      code: 'missing_signature',
      message: `The ${SIGNATURE_HEADER} header is missing.`,
    };
  }
  const body = readBody(request.rawBody);
  if (!body.ok) return { ok: false, status: 400, code: body.code, message: body.message };
  const { envelope } = body;
  const kinds = KINDS_BY_OBJECT[envelope.object];
  if (!kinds) {
    ctx.log.info('meta webhook for an object Parley does not handle', { object: envelope.object });
    return { ok: true, received: 0 };
  }
  const accountIds = [...new Set(envelope.entry.map((entry) => entry.id))];
  const candidates = await findCandidates(ctx, kinds, accountIds);
  if (candidates.length === 0) {
    // Acknowledged, so Meta stops retrying events of a disconnected Page; saying nothing about
    // which accounts exist, and storing nothing.
    ctx.log.warn('meta webhook for an account with no connected channel', { accountIds });
    return { ok: true, received: 0 };
  }

  const verified: Candidate[] = [];
  for (const candidate of candidates) {
    const result = META_CONNECTORS[candidate.channel.kind as MetaChannelKind].verify(
      request,
      candidate.channel,
    );
    if (result.ok) verified.push(candidate);
    else
      ctx.log.warn('meta webhook signature rejected', {
        channelId: candidate.channel.id,
        reason: result.reason,
      });
  }
  if (verified.length === 0) {
    return {
      ok: false,
      status: 403,
      code: 'invalid_signature',
      message: 'The signature does not match the body.',
    };
  }

  let received = 0;
  for (const { accountId, channel } of verified) {
    const connector = META_CONNECTORS[channel.kind as MetaChannelKind];
    const own = {
      object: envelope.object,
      entry: envelope.entry.filter((entry) => entry.id === accountId),
    };
    const batch = connector.parseBatch(own, channel);
    if (batch.skipped.length > 0) {
      ctx.log.info('meta webhook events left out', {
        channelId: channel.id,
        skipped: batch.skipped,
      });
    }
    if (batch.events.length === 0) continue;
    await ingest(ctx.db, channel, batch.events, afterCustomerMessage);
    received += batch.events.length;
  }
  return { ok: true, received };
}
