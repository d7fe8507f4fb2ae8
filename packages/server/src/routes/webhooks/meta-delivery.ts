/**
 * One signed POST from Meta, end to end: find the channels its entries name (without trusting
 * them yet), find the app secret that signed the body, parse each verified channel's entries
 * with its connector and ingest them. Resolves only after every ingest has committed.
 *
 * Anyone can post here, so the work done before the signature is checked stays small and
 * bounded whatever the body says: the header's form first, then one parse of at most 1 MB (in
 * turns), at most `MAX_ENTRIES` entries naming at most `MAX_ACCOUNTS` accounts, looked up in one
 * query, each distinct app secret tried once, and log lines of a fixed size.
 */
import type { RawRequest } from '../../channels/connector.js';
import {
  KINDS_BY_OBJECT,
  type MetaChannelKind,
  type MetaEnvelope,
  metaEnvelopeSchema,
} from '../../channels/meta/envelope.js';
import {
  isSignatureHeader,
  SIGNATURE_HEADER,
  signatureMatches,
} from '../../channels/meta/signature.js';
import { afterCustomerMessage } from '../../commands/automation.js';
import { ingest } from '../../commands/ingest.js';
import type { Context } from '../../context.js';
import { findSigningSecret } from '../../lib/signing.js';
import { takeTurns } from '../../lib/turns.js';
import { type AccountChannel, findAccountChannels } from '../../store/channels.js';
import { META_CONNECTORS } from './meta-connectors.js';

/** Meta batches at most 1,000 updates into one delivery; a longer list is not from Meta. */
export const MAX_ENTRIES = 1000;
/** Distinct Pages or Instagram accounts one delivery may name. Meta batches per app, and one
 * Parley serves a team's accounts, not hundreds; more is refused rather than half-read. */
export const MAX_ACCOUNTS = 100;
/** How many account ids a log line names (with the total), and how much of each claimed value
 * it keeps: enough to debug, never the body. */
const LOGGED_IDS = 3;
const LOGGED_LENGTH = 40;
/** Meta's Page and Instagram account ids are numeric (as `channels/meta/connect.ts` requires):
 * anything else cannot be a connected account and is not looked up. */
const ACCOUNT_ID = /^\d{5,30}$/;

/** Parsing up to 1 MB of JSON is the costliest step before the signature is checked: bodies
 * are parsed one per event-loop turn, so a burst of them leaves other requests served. */
const parsingInTurn = takeTurns();

type Refusal = { ok: false; status: 400 | 401 | 413; code: string; message: string };

export type MetaDeliveryOutcome = { ok: true; received: number } | Refusal;

type DeliveryContext = Pick<Context, 'db' | 'secretBox' | 'log'>;

function refuse(status: Refusal['status'], code: string, message: string): Refusal {
  return { ok: false, status, code, message };
}

function readBody(rawBody: Buffer): { ok: true; envelope: MetaEnvelope } | Refusal {
  let json: unknown;
  try {
    json = JSON.parse(rawBody.toString('utf8'));
  } catch {
    return refuse(400, 'malformed_json', 'The body is not valid JSON.');
  }
  // Counted before the schema walks every entry.
  const entries = (json as { entry?: unknown } | null)?.entry;
  if (Array.isArray(entries) && entries.length > MAX_ENTRIES) {
    return refuse(
      413,
      'too_many_entries',
      `A Meta delivery carries at most ${MAX_ENTRIES} entries; this one has ${entries.length}.`,
    );
  }
  const envelope = metaEnvelopeSchema.safeParse(json);
  if (!envelope.success) {
    return refuse(
      400,
      'malformed_payload',
      'The body is not a Meta webhook ({ object, entry: [{ id, ... }] }).',
    );
  }
  return { ok: true, envelope: envelope.data };
}

/** The entry ids are only claims until a signature checks out; here they just pick candidates. */
function findCandidates(
  ctx: DeliveryContext,
  kinds: readonly MetaChannelKind[],
  accountIds: string[],
): Promise<AccountChannel[]> {
  const possible = accountIds.filter((id) => ACCOUNT_ID.test(id));
  return findAccountChannels(ctx.db, ctx.secretBox, [...kinds], possible);
}

const clip = (value: string) =>
  value.length > LOGGED_LENGTH ? `${value.slice(0, LOGGED_LENGTH)}…` : value;

function logUnverified(
  ctx: DeliveryContext,
  accountIds: string[],
  rejected: readonly AccountChannel[],
) {
  if (accountIds.length === 0) return;
  ctx.log.warn('meta webhook signature rejected', {
    accounts: accountIds.length,
    accountSample: accountIds.slice(0, LOGGED_IDS).map(clip),
    channels: rejected.length,
    channelSample: rejected.slice(0, LOGGED_IDS).map(({ channel }) => channel.id),
  });
}

export async function receiveMetaDelivery(
  ctx: DeliveryContext,
  request: RawRequest,
): Promise<MetaDeliveryOutcome> {
  const signature = request.headers[SIGNATURE_HEADER];
  if (!signature) {
    return refuse(401, 'missing_signature', `The ${SIGNATURE_HEADER} header is missing.`);
  }
  if (!isSignatureHeader(signature)) {
    return refuse(
      401,
      'malformed_signature',
      `The ${SIGNATURE_HEADER} header must be sha256= followed by 64 hex digits.`,
    );
  }
  const body = await parsingInTurn(() => readBody(request.rawBody));
  if (!body.ok) return body;
  const { envelope } = body;
  const kinds = KINDS_BY_OBJECT[envelope.object];
  if (!kinds) {
    ctx.log.info('meta webhook for an object Parley does not handle', {
      object: clip(envelope.object),
    });
    return { ok: true, received: 0 };
  }
  const accountIds = [...new Set(envelope.entry.map((entry) => entry.id))];
  if (accountIds.length > MAX_ACCOUNTS) {
    return refuse(
      413,
      'too_many_accounts',
      `A Meta delivery may name at most ${MAX_ACCOUNTS} accounts; this one names ${accountIds.length}.`,
    );
  }

  const candidates = await findCandidates(ctx, kinds, accountIds);
  // One Meta app signs a delivery: the channels holding its secret are the verified ones, in
  // whichever workspaces they are. Another workspace that connected the same account with
  // another app secret receives nothing of it.
  const signer = findSigningSecret(
    candidates.map(({ channel }) => channel.secrets.appSecret),
    (secret) => signatureMatches(request.rawBody, signature, secret),
  );
  const verified = candidates.filter(({ channel }) => channel.secrets.appSecret === signer);
  const unverifiedIds = accountIds.filter(
    (id) => !verified.some((found) => found.accountId === id),
  );
  logUnverified(
    ctx,
    unverifiedIds,
    candidates.filter((candidate) => !verified.includes(candidate)),
  );
  // Nothing verified (an unknown account, or a wrong signature for a known one) is answered
  // exactly like a verified delivery with nothing new: a different answer would tell anyone
  // which accounts are connected here. Acknowledging also keeps Meta from retrying, for hours,
  // the events of a Page disconnected here. Nothing unverified is stored.
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
