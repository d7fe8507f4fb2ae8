import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { shopifyWebhookSignedWith } from './webhook.js';

const SECRET = 'shpss_0123456789abcdef';
// Spacing and a non-ASCII character: a re-serialized body would have other bytes.
const rawBody = Buffer.from(
  '{"id": 820982911946154508,  "email": "jon@example.com", "note": "café"}',
);
const sign = (body: Buffer, secret = SECRET) =>
  createHmac('sha256', secret).update(body).digest('base64');

describe('X-Shopify-Hmac-Sha256 verification', () => {
  it('accepts the base64 HMAC-SHA256 of the raw body keyed with the app secret', () => {
    expect(shopifyWebhookSignedWith(rawBody, sign(rawBody), SECRET)).toBe(true);
  });

  it('rejects an HMAC of re-serialized JSON, of another secret, a truncated one and garbage', () => {
    const reserialized = Buffer.from(JSON.stringify(JSON.parse(rawBody.toString('utf8'))));
    expect(shopifyWebhookSignedWith(rawBody, sign(reserialized), SECRET)).toBe(false);
    expect(shopifyWebhookSignedWith(rawBody, sign(rawBody, 'other'), SECRET)).toBe(false);
    expect(shopifyWebhookSignedWith(rawBody, sign(rawBody).slice(0, 20), SECRET)).toBe(false);
    expect(shopifyWebhookSignedWith(rawBody, '%%%', SECRET)).toBe(false);
  });
});
