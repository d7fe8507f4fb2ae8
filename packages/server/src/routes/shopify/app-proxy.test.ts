import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appProxySignature } from '../../channels/shopify/app-proxy.js';
import { startTestServer, type TestServer } from '../../test-support/app.js';

const SHOP = 'rate-limit-test.myshopify.com';
const SECRET = 'shpss_rate_limit_secret_0123';

describe('Shopify app proxy rate limits', () => {
  let app: TestServer;

  beforeAll(async () => {
    app = await startTestServer('pglite');
    const api = await app.login();
    const response = await api('/api/channels', {
      body: {
        kind: 'shopify_widget',
        name: 'Store',
        assistantId: app.assistant.id,
        connection: { shopDomain: SHOP, appSecret: SECRET },
      },
    });
    expect(response.status).toBe(201);
  });

  afterAll(async () => {
    await app.close();
  });

  /** Signs like Shopify's proxy; every shopper arrives from the same (Shopify) address. */
  const openSession = (visitorId: string) => {
    const params = new URLSearchParams({
      shop: SHOP,
      logged_in_customer_id: '',
      path_prefix: '/apps/parley',
      timestamp: String(Math.floor(Date.now() / 1000)),
    });
    params.append('signature', appProxySignature(params, SECRET));
    return fetch(`${app.url}/shopify/proxy/api/widget/session?${params}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ visitorId }),
    });
  };

  it('counts each shopper separately, not the shared Shopify address', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 70 }, () => openSession(randomUUID()).then((r) => r.status)),
    );
    expect(statuses.every((status) => status === 200)).toBe(true);
  });

  it('limits one shopper who sends too much', async () => {
    const visitorId = randomUUID();
    const statuses: number[] = [];
    for (let index = 0; index < 61; index += 1)
      statuses.push((await openSession(visitorId)).status);
    expect(statuses.slice(0, 60).every((status) => status === 200)).toBe(true);
    expect(statuses[60]).toBe(429);
  });
});
