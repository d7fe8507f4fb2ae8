/**
 * Shopify app proxy requests (the widget on a storefront talks to Parley through the shop's
 * own domain). Shopify signs each forwarded request: `signature` is the hex HMAC-SHA256,
 * keyed with the app's shared secret, of the other query parameters sorted by key, each as
 * `key=value` (repeated keys' values joined with ","), concatenated without separators.
 * A signed URL replayed later is refused by its `timestamp`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { findSigningSecret } from '../../lib/signing.js';

export interface AppProxyContext {
  /** `{shop}.myshopify.com` */
  shop: string;
  /** The shopper's customer id when logged in to the storefront, else null. */
  loggedInCustomerId: string | null;
  pathPrefix: string | null;
}

export type AppProxyVerification =
  | {
      ok: true;
      context: AppProxyContext;
      /** Which of the candidate secrets signed the request. */
      secret: string;
    }
  | { ok: false; status: 401; reason: string };

export interface AppProxyOptions {
  /** How old (or how far in the future) a signed timestamp may be. */
  maxAgeMs?: number;
  now?: () => Date;
}

export const DEFAULT_APP_PROXY_MAX_AGE_MS = 5 * 60 * 1000;

const SHOPIFY_PARAMETERS = [
  'shop',
  'logged_in_customer_id',
  'path_prefix',
  'timestamp',
  'signature',
];

/** The message Shopify signs; parameters must come from the raw query to keep repeats. */
export function appProxySignedMessage(params: URLSearchParams): string {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of params) {
    if (key === 'signature') continue;
    grouped.set(key, [...(grouped.get(key) ?? []), value]);
  }
  return [...grouped.keys()]
    .sort()
    .map((key) => `${key}=${(grouped.get(key) ?? []).join(',')}`)
    .join('');
}

export function appProxySignature(params: URLSearchParams, secret: string): string {
  return createHmac('sha256', secret).update(appProxySignedMessage(params), 'utf8').digest('hex');
}

function reject(reason: string): AppProxyVerification {
  return { ok: false, status: 401, reason };
}

/** The message a wrong signature and an unknown shop both get: the same answer for both, so
 * the app proxy does not tell which shops are connected. */
export const SIGNATURE_MISMATCH = 'The app proxy signature does not match.';

/** `url` is the request URL as received (`/proxy/path?shop=…`) or just its query string; it
 * must be the raw one, since a parsed query object loses repeated parameters. `secrets` are
 * those of the channels connected to the shop the request names (several workspaces may have
 * connected it): each distinct one is tried once. */
export function verifyAppProxyRequest(
  url: string,
  secrets: readonly (string | undefined)[],
  options: AppProxyOptions = {},
): AppProxyVerification {
  const queryStart = url.indexOf('?');
  const params = new URLSearchParams(queryStart >= 0 ? url.slice(queryStart + 1) : url);
  const given = params.get('signature') ?? '';
  if (!/^[0-9a-f]{64}$/i.test(given))
    return reject('The request carries no valid app proxy signature.');
  const givenBytes = Buffer.from(given, 'hex');
  const secret = findSigningSecret(secrets, (candidate) =>
    timingSafeEqual(Buffer.from(appProxySignature(params, candidate), 'hex'), givenBytes),
  );
  if (secret === null) return reject(SIGNATURE_MISMATCH);
  // The visitor's own query is forwarded too, and repeated keys are signed joined by ",": a
  // forged `logged_in_customer_id=123` next to Shopify's empty one would still verify. Shopify's
  // parameters must each appear exactly once.
  const repeated = SHOPIFY_PARAMETERS.find((key) => params.getAll(key).length > 1);
  if (repeated) return reject(`The app proxy request repeats the ${repeated} parameter.`);
  const timestamp = Number(params.get('timestamp'));
  const now = (options.now ?? (() => new Date()))().getTime();
  const maxAgeMs = options.maxAgeMs ?? DEFAULT_APP_PROXY_MAX_AGE_MS;
  if (!Number.isFinite(timestamp) || Math.abs(now - timestamp * 1000) > maxAgeMs) {
    return reject('The app proxy request is too old; reload the storefront page.');
  }
  const shop = params.get('shop');
  if (!shop) return reject('The app proxy request names no shop.');
  return {
    ok: true,
    secret,
    context: {
      shop,
      loggedInCustomerId: params.get('logged_in_customer_id') || null,
      pathPrefix: params.get('path_prefix'),
    },
  };
}

/** What the inbox shows about a storefront visitor: the shop, and the customer when logged in. */
export function appProxyContactAttributes(context: AppProxyContext): Record<string, string> {
  return {
    shop: context.shop,
    ...(context.loggedInCustomerId ? { shopifyCustomerId: context.loggedInCustomerId } : {}),
  };
}
