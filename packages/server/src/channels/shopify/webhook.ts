/**
 * Shopify webhooks carry `X-Shopify-Hmac-Sha256`: the base64 HMAC-SHA256 of the raw request
 * body, keyed with the app's shared secret. It is checked over the bytes as received, before
 * any JSON parsing, in constant time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { VerifyResult } from '../connector.js';

export const SHOPIFY_HMAC_HEADER = 'x-shopify-hmac-sha256';

export function shopifyWebhookHmac(rawBody: Buffer, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64');
}

export function verifyShopifyWebhook(
  rawBody: Buffer,
  hmacHeader: string | undefined,
  secret: string,
): VerifyResult {
  if (!hmacHeader) return { ok: false, status: 401, reason: 'The webhook carries no HMAC header.' };
  const expected = Buffer.from(shopifyWebhookHmac(rawBody, secret), 'base64');
  const given = Buffer.from(hmacHeader.trim(), 'base64');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, status: 401, reason: 'The webhook HMAC does not match.' };
  }
  return { ok: true };
}
