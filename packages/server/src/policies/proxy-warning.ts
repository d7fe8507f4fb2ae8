/**
 * Behind a reverse proxy without TRUST_PROXY, every client arrives from the proxy's address,
 * so all of them share one rate-limit bucket and one attacker can lock everyone out of
 * logging in. A forwarded request is the sign; say so once.
 */
import type { FastifyInstance } from 'fastify';

export const UNTRUSTED_PROXY_WARNING =
  'Requests carry X-Forwarded-For but TRUST_PROXY is off: all clients behind the proxy share ' +
  "its IP address for rate limits. Set TRUST_PROXY to the proxy's addresses (or true).";

export function warnOnceAboutUntrustedProxy(app: FastifyInstance): void {
  let warned = false;
  app.addHook('onRequest', async (request) => {
    if (warned || request.headers['x-forwarded-for'] === undefined) return;
    warned = true;
    app.log.warn({ remoteAddress: request.ip }, UNTRUSTED_PROXY_WARNING);
  });
}
