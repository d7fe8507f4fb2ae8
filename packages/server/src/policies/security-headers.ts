/**
 * Which security headers each kind of response carries. The inbox and the share page get a
 * strict Content-Security-Policy and may not be framed; the embeddable parts (widget.js, the
 * widget API, the Shopify app proxy) stay loadable from any site.
 */
// For its declaration of `reply.helmet`, whose options are the policy's type.
import type {} from '@fastify/helmet';
import type { FastifyReply } from 'fastify';

/** Helmet's options, as `reply.helmet` (from @fastify/helmet) takes them. */
export type HelmetPolicy = NonNullable<Parameters<FastifyReply['helmet']>[0]>;

export type RouteClass =
  /** The inbox app: its pages, bundles and anything not matched elsewhere. */
  | 'inbox'
  /** The hosted chat page of an assistant, `/c/<slug>`. */
  | 'share-page'
  /** Scripts other sites load with `<script src>`. */
  | 'embed-script'
  /** The public widget API, called cross-origin by the embed and through Shopify's app proxy. */
  | 'widget-api'
  /** The operator API and platform webhooks: JSON only. */
  | 'api';

const EMBED_SCRIPTS = new Set(['/widget.js', '/share.js']);

export function routeClassOf(url: string): RouteClass {
  const path = url.split('?')[0] ?? '';
  if (EMBED_SCRIPTS.has(path)) return 'embed-script';
  if (path.startsWith('/c/')) return 'share-page';
  if (path.startsWith('/api/widget/') || path.startsWith('/shopify/proxy/')) return 'widget-api';
  if (path.startsWith('/api/') || path.startsWith('/webhooks/')) return 'api';
  return 'inbox';
}

type Directives = Record<string, string[]>;

/** JSON and scripts render nothing themselves: they may load nothing and be framed by no one. */
const NOTHING: Directives = {
  'default-src': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/** A page of ours: only our own scripts, only our own API, never inside another site's frame. */
const PAGE: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // Inline styles are allowed, scripts are not: the share page has a <style> block, and the
  // original-email frame (srcdoc, which inherits this policy) carries the email's own styles.
  'style-src': ["'self'", "'unsafe-inline'"],
  // Avatars and attachments come from the platforms' CDNs.
  'img-src': ["'self'", 'data:', 'https:'],
  'connect-src': ["'self'"],
  // The original-email frame is srcdoc, which frame-src does not govern; nothing else is framed.
  'frame-src': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

const DIRECTIVES: Record<RouteClass, Directives> = {
  inbox: PAGE,
  'share-page': PAGE,
  'embed-script': NOTHING,
  'widget-api': NOTHING,
  api: NOTHING,
};

/** Readable by pages on other origins: any site may embed the widget. */
const CROSS_ORIGIN: ReadonlySet<RouteClass> = new Set(['embed-script', 'widget-api']);

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

export function securityHeaders(routeClass: RouteClass, options: { https: boolean }): HelmetPolicy {
  const directives: Directives = { ...DIRECTIVES[routeClass] };
  // Over plain http (a local install) upgrading would break every request of the page.
  if (options.https && DIRECTIVES[routeClass] === PAGE)
    directives['upgrade-insecure-requests'] = [];
  return {
    contentSecurityPolicy: { useDefaults: false, directives },
    crossOriginResourcePolicy: {
      policy: CROSS_ORIGIN.has(routeClass) ? 'cross-origin' : 'same-origin',
    },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Only an https deployment can promise https; the parent domain's other hosts are not ours.
    strictTransportSecurity: options.https
      ? { maxAge: ONE_YEAR_SECONDS, includeSubDomains: false }
      : false,
    xContentTypeOptions: true,
  };
}
