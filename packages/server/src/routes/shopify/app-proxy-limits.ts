/**
 * Rate limits of the Shopify widget. Shoppers reach Parley through Shopify's servers and the
 * visitor id in a body is whatever the browser says, so a shopper is told apart only by what
 * Shopify signed: the logged-in customer id, or for an anonymous shopper the client address
 * within the shop. A ceiling per shop sits on top, so many shoppers (or many addresses) cannot
 * flood one store. Both run after the signature is checked: only then are their keys true.
 */
import { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppProxyContext } from '../../channels/shopify/app-proxy.js';
import { AppError } from '../../lib/errors.js';

export const PER_SHOPPER_LIMIT = { max: 60, timeWindow: 60_000 };
export const PER_SHOP_LIMIT = { max: 1200, timeWindow: 60_000 };

/** Whom a verified request counts against; `ip` is Fastify's client address (TRUST_PROXY). */
export function shopperKey(context: AppProxyContext, ip: string): string {
  return context.loggedInCustomerId
    ? `${context.shop}|customer|${context.loggedInCustomerId}`
    : `${context.shop}|address|${normalizeIP(ip)}`;
}

function tooMany(reply: FastifyReply, seconds: number, message: string): AppError {
  reply.header('retry-after', String(seconds));
  return new AppError(429, 'rate_limited', `${message} Try again in ${seconds} s.`);
}

/** Returns the check each verified app proxy request goes through; it throws a 429 (with
 * Retry-After) once the shopper or the shop is over its limit. */
export function appProxyLimits(app: FastifyInstance) {
  const keys = new WeakMap<FastifyRequest, { shopper: string; shop: string }>();
  const perShopper = app.createRateLimit({
    ...PER_SHOPPER_LIMIT,
    keyGenerator: (request) => keys.get(request)?.shopper ?? '',
  });
  const perShop = app.createRateLimit({
    ...PER_SHOP_LIMIT,
    keyGenerator: (request) => keys.get(request)?.shop ?? '',
  });

  return async (request: FastifyRequest, reply: FastifyReply, context: AppProxyContext) => {
    keys.set(request, { shopper: shopperKey(context, request.ip), shop: context.shop });
    // The shopper first: requests refused to one shopper do not use up the shop's ceiling.
    const shopper = await perShopper(request);
    if (!shopper.isAllowed && shopper.isExceeded) {
      throw tooMany(reply, shopper.ttlInSeconds, 'Too many requests from this shopper.');
    }
    const shop = await perShop(request);
    if (!shop.isAllowed && shop.isExceeded) {
      throw tooMany(reply, shop.ttlInSeconds, 'This store is receiving too many chat requests.');
    }
  };
}
