import { describe, expect, it } from 'vitest';
import { type RouteClass, routeClassOf, securityHeaders } from './security-headers.js';

const directivesOf = (routeClass: RouteClass, https = false) => {
  const policy = securityHeaders(routeClass, { https }).contentSecurityPolicy;
  if (typeof policy !== 'object') throw new Error('every response has a CSP');
  return policy.directives ?? {};
};

describe('route classes', () => {
  it.each([
    ['/', 'inbox'],
    ['/settings/team', 'inbox'],
    ['/assets/index-abc.js', 'inbox'],
    ['/c/ava-1a2b3c', 'share-page'],
    ['/widget.js', 'embed-script'],
    ['/share.js?v=2', 'embed-script'],
    ['/api/widget/config?key=pk_1', 'widget-api'],
    ['/shopify/proxy/api/widget/session?shop=a.myshopify.com', 'widget-api'],
    ['/api/conversations', 'api'],
    ['/webhooks/meta', 'api'],
  ] as const)('%s is %s', (url, routeClass) => {
    expect(routeClassOf(url)).toBe(routeClass);
  });
});

describe('security headers', () => {
  it('lets the inbox run only its own scripts and talk only to its own server', () => {
    expect(directivesOf('inbox')).toMatchObject({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'connect-src': ["'self'"],
      'img-src': ["'self'", 'data:', 'https:'],
      'object-src': ["'none'"],
      'frame-src': ["'none'"],
    });
  });

  it('never lets another site frame the inbox or the share page', () => {
    for (const routeClass of ['inbox', 'share-page', 'api'] as const) {
      expect(directivesOf(routeClass)['frame-ancestors']).toEqual(["'none'"]);
      expect(securityHeaders(routeClass, { https: false }).frameguard).toEqual({ action: 'deny' });
    }
  });

  it('keeps widget.js and the widget API loadable from any site', () => {
    for (const routeClass of ['embed-script', 'widget-api'] as const) {
      expect(securityHeaders(routeClass, { https: false }).crossOriginResourcePolicy).toEqual({
        policy: 'cross-origin',
      });
    }
    for (const routeClass of ['inbox', 'share-page', 'api'] as const) {
      expect(securityHeaders(routeClass, { https: false }).crossOriginResourcePolicy).toEqual({
        policy: 'same-origin',
      });
    }
  });

  it('gives JSON and scripts a policy that loads nothing', () => {
    expect(directivesOf('api')).toEqual({
      'default-src': ["'none'"],
      'frame-ancestors': ["'none'"],
    });
  });

  it('asks for https (HSTS, upgraded requests) only when Parley is served over https', () => {
    expect(securityHeaders('inbox', { https: false }).strictTransportSecurity).toBe(false);
    expect(directivesOf('inbox')).not.toHaveProperty('upgrade-insecure-requests');
    expect(securityHeaders('inbox', { https: true }).strictTransportSecurity).toMatchObject({
      maxAge: 31_536_000,
    });
    expect(directivesOf('inbox', true)).toHaveProperty('upgrade-insecure-requests');
    expect(directivesOf('api', true)).not.toHaveProperty('upgrade-insecure-requests');
  });

  it('sends no referrer and forbids content sniffing everywhere', () => {
    for (const routeClass of [
      'inbox',
      'share-page',
      'embed-script',
      'widget-api',
      'api',
    ] as const) {
      const policy = securityHeaders(routeClass, { https: false });
      expect(policy.referrerPolicy).toEqual({ policy: 'no-referrer' });
      expect(policy.xContentTypeOptions).toBe(true);
    }
  });
});
