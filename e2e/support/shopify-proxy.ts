/**
 * A stand-in for a Shopify storefront (`https://{shop}.myshopify.com`) and Shopify's app proxy
 * in front of Parley. `GET /` is the theme's page; every `/apps/parley/<path>?<query>` request
 * is forwarded to `${parley}/shopify/proxy/<path>?<query>` the way Shopify documents it: the
 * visitor's own query first, then `shop`, `logged_in_customer_id`, `path_prefix`, `timestamp`
 * and `signature` (hex HMAC-SHA256 with the app's shared secret), cookies dropped, bodies
 * piped through and responses streamed back unbuffered (the widget's live stream is SSE).
 */
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import { appProxySignature } from '../../packages/server/src/channels/shopify/app-proxy.js';

export const APP_PROXY_PATH_PREFIX = '/apps/parley';

export interface StorefrontOptions {
  /** Parley's base URL, e.g. `http://127.0.0.1:3000`. */
  parleyUrl: string;
  /** `{shop}.myshopify.com` */
  shop: string;
  /** The app's shared secret, as entered when the store was connected in Parley. */
  appSecret: string;
  /** The shopper logged in to the storefront, if any (Shopify sends the parameter blank otherwise). */
  loggedInCustomerId: string | null;
  /** The theme's page, given the storefront's origin. */
  page: (origin: string) => string;
}

export interface ProxiedRequest {
  method: string;
  /** The storefront path the browser asked for, e.g. `/apps/parley/api/widget/session`. */
  path: string;
  status: number;
}

export interface Storefront {
  /** The storefront's origin (`http://127.0.0.1:<port>`). */
  origin: string;
  /** Every request forwarded through the app proxy, in order. */
  proxied: ProxiedRequest[];
  close(): Promise<void>;
}

/** The query Shopify would send to the proxy URL for `search` from the storefront. */
export function signedProxyQuery(
  search: string,
  options: {
    shop: string;
    appSecret: string;
    loggedInCustomerId: string | null;
    pathPrefix?: string;
    /** Seconds since the epoch; defaults to now. */
    timestamp?: number;
  },
): URLSearchParams {
  const params = new URLSearchParams(search);
  params.append('shop', options.shop);
  params.append('logged_in_customer_id', options.loggedInCustomerId ?? '');
  params.append('path_prefix', options.pathPrefix ?? APP_PROXY_PATH_PREFIX);
  params.append('timestamp', String(options.timestamp ?? Math.floor(Date.now() / 1000)));
  params.append('signature', appProxySignature(params, options.appSecret));
  return params;
}

/** Request headers Shopify passes on; cookies and the storefront's host stay behind. */
const FORWARDED_HEADERS = [
  'accept',
  'accept-language',
  'content-type',
  'content-length',
  'last-event-id',
  'user-agent',
];

function forwardedHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const name of FORWARDED_HEADERS) {
    const value = headers[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

export async function serveShopifyStorefront(options: StorefrontOptions): Promise<Storefront> {
  const proxied: ProxiedRequest[] = [];
  const upstream = new URL(options.parleyUrl);
  let origin = '';

  function proxy(request: IncomingMessage, response: ServerResponse, url: URL): void {
    const path = url.pathname.slice(APP_PROXY_PATH_PREFIX.length) || '/';
    const query = signedProxyQuery(url.search, options);
    const entry: ProxiedRequest = {
      method: request.method ?? 'GET',
      path: url.pathname,
      status: 0,
    };
    proxied.push(entry);
    const outgoing = httpRequest(
      {
        protocol: upstream.protocol,
        hostname: upstream.hostname,
        port: upstream.port,
        method: request.method,
        path: `/shopify/proxy${path}?${query}`,
        headers: forwardedHeaders(request.headers),
      },
      (answer) => {
        entry.status = answer.statusCode ?? 0;
        const headers = { ...answer.headers };
        delete headers.connection;
        delete headers['keep-alive'];
        delete headers['transfer-encoding'];
        response.writeHead(entry.status, headers);
        // Write each chunk as it comes: an SSE stream must reach the browser event by event.
        response.flushHeaders();
        answer.pipe(response);
      },
    );
    outgoing.on('error', () => {
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
      response.end('Bad gateway');
    });
    // The browser left mid-response (e.g. an EventSource closed): let go of the upstream too.
    response.on('close', () => {
      if (!response.writableFinished) outgoing.destroy();
    });
    request.pipe(outgoing);
  }

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname.startsWith(`${APP_PROXY_PATH_PREFIX}/`)) {
      proxy(request, response, url);
      return;
    }
    if (request.method === 'GET' && url.pathname === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(options.page(origin));
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('Not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    proxied,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
