import { describe, expect, it } from 'vitest';
import {
  appProxyContactAttributes,
  appProxySignature,
  appProxySignedMessage,
  SIGNATURE_MISMATCH,
  verifyAppProxyRequest,
} from './app-proxy.js';

// Shopify's documented example: shared secret "hush", a proxied request with a repeated
// parameter, and the signature Shopify computed for it.
const DOCUMENTED_SECRET = 'hush';
const DOCUMENTED_QUERY =
  'extra=1&extra=2&shop=shop-name.myshopify.com&logged_in_customer_id=1' +
  '&path_prefix=%2Fapps%2Fawesome_reviews&timestamp=1317327555' +
  '&signature=4c68c8624d737112c91818c11017d24d334b524cb5c2b8ba08daa056f7395ddb';
const DOCUMENTED_TIME = () => new Date(1317327555 * 1000 + 30_000);

const SECRET = 'shpss_0123456789abcdef';

function signedQuery(params: [string, string][], secret = SECRET): string {
  const search = new URLSearchParams(params);
  search.append('signature', appProxySignature(search, secret));
  return search.toString();
}

describe('Shopify app proxy signature', () => {
  it("matches Shopify's documented example, repeated parameter included", () => {
    expect(appProxySignedMessage(new URLSearchParams(DOCUMENTED_QUERY))).toBe(
      'extra=1,2logged_in_customer_id=1path_prefix=/apps/awesome_reviewsshop=shop-name.myshopify.comtimestamp=1317327555',
    );
    expect(
      verifyAppProxyRequest(`?${DOCUMENTED_QUERY}`, [DOCUMENTED_SECRET], { now: DOCUMENTED_TIME }),
    ).toEqual({
      ok: true,
      secret: DOCUMENTED_SECRET,
      context: {
        shop: 'shop-name.myshopify.com',
        loggedInCustomerId: '1',
        pathPrefix: '/apps/awesome_reviews',
      },
    });
  });

  it('rejects a request whose parameters were changed after signing', () => {
    const tampered = DOCUMENTED_QUERY.replace('logged_in_customer_id=1', 'logged_in_customer_id=2');
    expect(
      verifyAppProxyRequest(tampered, [DOCUMENTED_SECRET], { now: DOCUMENTED_TIME }),
    ).toMatchObject({
      ok: false,
      status: 401,
    });
  });

  it('rejects a repeated parameter whose values were reordered', () => {
    const reordered = DOCUMENTED_QUERY.replace('extra=1&extra=2', 'extra=2&extra=1');
    expect(verifyAppProxyRequest(reordered, [DOCUMENTED_SECRET], { now: DOCUMENTED_TIME }).ok).toBe(
      false,
    );
  });

  it('rejects a signature made with another secret, and a missing or malformed one', () => {
    expect(verifyAppProxyRequest(DOCUMENTED_QUERY, ['not-hush'], { now: DOCUMENTED_TIME }).ok).toBe(
      false,
    );
    const unsigned = DOCUMENTED_QUERY.replace(/&signature=.*$/, '');
    expect(verifyAppProxyRequest(unsigned, [DOCUMENTED_SECRET], { now: DOCUMENTED_TIME }).ok).toBe(
      false,
    );
    expect(
      verifyAppProxyRequest(`${unsigned}&signature=zz`, [DOCUMENTED_SECRET], {
        now: DOCUMENTED_TIME,
      }).ok,
    ).toBe(false);
  });

  it('rejects a correctly signed request older than five minutes, or from the future', () => {
    const now = new Date('2024-06-03T10:00:00Z');
    const at = (offsetSeconds: number) =>
      signedQuery([
        ['shop', 'parley-demo.myshopify.com'],
        ['logged_in_customer_id', ''],
        ['path_prefix', '/apps/parley'],
        ['timestamp', String(now.getTime() / 1000 + offsetSeconds)],
      ]);
    expect(verifyAppProxyRequest(at(-299), [SECRET], { now: () => now })).toEqual({
      ok: true,
      secret: SECRET,
      context: {
        shop: 'parley-demo.myshopify.com',
        loggedInCustomerId: null,
        pathPrefix: '/apps/parley',
      },
    });
    expect(verifyAppProxyRequest(at(-301), [SECRET], { now: () => now })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/too old/),
    });
    expect(verifyAppProxyRequest(at(600), [SECRET], { now: () => now }).ok).toBe(false);
  });

  it("rejects a visitor's own copy of Shopify's parameters, even though the signature holds", () => {
    const now = new Date('2026-11-25T12:00:00Z');
    const forged = signedQuery([
      ['logged_in_customer_id', '123'],
      ['shop', 'acme.myshopify.com'],
      ['logged_in_customer_id', ''],
      ['path_prefix', '/apps/parley'],
      ['timestamp', String(Math.floor(now.getTime() / 1000))],
    ]);
    expect(verifyAppProxyRequest(forged, [SECRET], { now: () => now })).toEqual({
      ok: false,
      status: 401,
      reason: 'The app proxy request repeats the logged_in_customer_id parameter.',
    });
  });

  it('names which of several candidate secrets signed, and answers an unknown shop like a wrong signature', () => {
    const other = 'shpss_another_workspace_secret';
    expect(
      verifyAppProxyRequest(DOCUMENTED_QUERY, [other, DOCUMENTED_SECRET, other], {
        now: DOCUMENTED_TIME,
      }),
    ).toMatchObject({ ok: true, secret: DOCUMENTED_SECRET });
    const wrong = verifyAppProxyRequest(DOCUMENTED_QUERY, [other], { now: DOCUMENTED_TIME });
    const unknown = verifyAppProxyRequest(DOCUMENTED_QUERY, [], { now: DOCUMENTED_TIME });
    expect(wrong).toEqual({ ok: false, status: 401, reason: SIGNATURE_MISMATCH });
    expect(unknown).toEqual(wrong);
  });

  it('rejects a signed request that names no shop', () => {
    const now = new Date('2024-06-03T10:00:00Z');
    const query = signedQuery([['timestamp', String(now.getTime() / 1000)]]);
    expect(verifyAppProxyRequest(query, [SECRET], { now: () => now }).ok).toBe(false);
  });

  it('reads the query of a full proxied URL, and names shop and customer for the contact', () => {
    const verified = verifyAppProxyRequest(
      `/proxy/extra/path/components?${DOCUMENTED_QUERY}`,
      [DOCUMENTED_SECRET],
      { now: DOCUMENTED_TIME },
    );
    if (!verified.ok) throw new Error(verified.reason);
    expect(appProxyContactAttributes(verified.context)).toEqual({
      shop: 'shop-name.myshopify.com',
      shopifyCustomerId: '1',
    });
    expect(
      appProxyContactAttributes({
        shop: 'a.myshopify.com',
        loggedInCustomerId: null,
        pathPrefix: null,
      }),
    ).toEqual({ shop: 'a.myshopify.com' });
  });
});
