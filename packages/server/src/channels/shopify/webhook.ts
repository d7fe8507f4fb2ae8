/**
 * Shopify webhooks carry `X-Shopify-Hmac-Sha256`: the base64 HMAC-SHA256 of the raw request
 * body, keyed with the app's shared secret. It is checked over the bytes as received, before
 * any JSON parsing, in constant time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SHOPIFY_HMAC_HEADER = 'x-shopify-hmac-sha256';

export function shopifyWebhookHmac(rawBody: Buffer, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64');
}

/** Whether `hmacHeader` is Shopify's HMAC of the body with `secret`, in constant time. */
export function shopifyWebhookSignedWith(
  rawBody: Buffer,
  hmacHeader: string,
  secret: string,
): boolean {
  const expected = Buffer.from(shopifyWebhookHmac(rawBody, secret), 'base64');
  const given = Buffer.from(hmacHeader.trim(), 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
