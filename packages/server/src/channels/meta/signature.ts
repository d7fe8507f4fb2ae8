/**
 * `X-Hub-Signature-256`: Meta signs every webhook POST with HMAC-SHA256 of the raw body, keyed
 * with the app secret. Checked over the exact bytes received, before any JSON parsing.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ChannelRecord, RawRequest, VerifyResult } from '../connector.js';

export const SIGNATURE_HEADER = 'x-hub-signature-256';

const SIGNATURE_FORMAT = /^sha256=([0-9a-f]{64})$/i;

/** Whether a header has the form Meta sends: checked before anything is looked up. */
export function isSignatureHeader(header: string | undefined): header is string {
  return header !== undefined && SIGNATURE_FORMAT.test(header.trim());
}

export function signatureMatches(rawBody: Buffer, header: string, appSecret: string): boolean {
  const received = SIGNATURE_FORMAT.exec(header.trim())?.[1];
  if (!received) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  // Both are 32 bytes here, so the constant-time compare cannot throw on a length mismatch.
  return timingSafeEqual(expected, Buffer.from(received, 'hex'));
}

export function verifyMetaSignature(request: RawRequest, channel: ChannelRecord): VerifyResult {
  const header = request.headers[SIGNATURE_HEADER];
  if (!header)
    return { ok: false, status: 401, reason: `The ${SIGNATURE_HEADER} header is missing.` };
  const appSecret = channel.secrets.appSecret;
  if (!appSecret) {
    return {
      ok: false,
      status: 403,
      reason: 'The channel has no app secret to check the signature.',
    };
  }
  if (!signatureMatches(request.rawBody, header, appSecret)) {
    return { ok: false, status: 403, reason: 'The signature does not match the body.' };
  }
  return { ok: true };
}
