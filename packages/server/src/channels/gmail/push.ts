/**
 * Gmail push notifications arrive as Cloud Pub/Sub push requests:
 * `{message: {data: base64(JSON {emailAddress, historyId}), messageId, publishTime}, subscription}`.
 *
 * Authentication: Pub/Sub can sign each push with a Google OIDC JWT, but checking that
 * signature needs Google's public certificates fetched over the network. Parley instead uses
 * the documented alternative: a secret token in the push endpoint URL (`?token=`), chosen by
 * the admin, stored encrypted with the channel and compared in constant time. It works
 * offline and behind any proxy; the push URL must be kept as secret as a password.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { MalformedPayloadError, type RawRequest, type VerifyResult } from '../connector.js';

export interface GmailPushNotification {
  emailAddress: string;
  /** The mailbox's historyId after the change; a decimal uint64 string. */
  historyId: string;
  /** Pub/Sub's id of the delivery, useful in logs. */
  pubsubMessageId: string | null;
}

export class MalformedGmailPushError extends MalformedPayloadError {}

/** Equal-length digests make the comparison constant-time whatever the token lengths. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export function verifyGmailPush(
  request: Pick<RawRequest, 'query'>,
  expectedToken: string | undefined,
): VerifyResult {
  // No token configured means push is not set up: fail closed rather than accept anyone.
  if (!expectedToken)
    return { ok: false, status: 403, reason: 'Gmail push is not configured for this channel.' };
  const given = request.query.token;
  if (!given) return { ok: false, status: 401, reason: 'The push URL carries no token.' };
  if (!sameSecret(given, expectedToken)) {
    return { ok: false, status: 403, reason: 'The push token does not match.' };
  }
  return { ok: true };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function decodeGmailPush(body: unknown): GmailPushNotification {
  if (!isRecord(body) || !isRecord(body.message)) {
    throw new MalformedGmailPushError('A Pub/Sub push body has a `message` object.');
  }
  const { data, messageId } = body.message;
  if (typeof data !== 'string' || data === '') {
    throw new MalformedGmailPushError('The Pub/Sub message carries no data.');
  }
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(data, 'base64').toString('utf8'));
  } catch {
    throw new MalformedGmailPushError('The Pub/Sub message data is not base64-encoded JSON.');
  }
  if (!isRecord(decoded) || typeof decoded.emailAddress !== 'string') {
    throw new MalformedGmailPushError('The Gmail notification names no emailAddress.');
  }
  const historyId =
    typeof decoded.historyId === 'number' && Number.isSafeInteger(decoded.historyId)
      ? String(decoded.historyId)
      : decoded.historyId;
  if (typeof historyId !== 'string' || !/^\d+$/.test(historyId)) {
    throw new MalformedGmailPushError('The Gmail notification has no valid historyId.');
  }
  return {
    emailAddress: decoded.emailAddress.toLowerCase(),
    historyId,
    pubsubMessageId: typeof messageId === 'string' ? messageId : null,
  };
}
