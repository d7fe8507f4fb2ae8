/**
 * Security regressions of the webhook and Shopify app proxy routes (issue 7, items 1, 2, 7
 * and 10), replayed against a real server process.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ConversationCard } from '@parley/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appProxySignature } from '../../packages/server/src/channels/shopify/app-proxy.js';
import { shopifyWebhookHmac } from '../../packages/server/src/channels/shopify/webhook.js';
import { createAssistant, createWorkspace } from '../../packages/server/src/commands/workspaces.js';
import { openStore } from '../../packages/server/src/store/store.js';
import { createTestDatabase } from '../../packages/server/src/test-support/db.js';
import { signMetaBody } from '../../packages/server/src/test-support/meta-fixtures.js';
import { type ParleyProcess, startParley } from '../support/parley-process.js';

const fakeSignature = () => `sha256=${randomBytes(32).toString('hex')}`;

function postMeta(url: string, body: string | Buffer, signature: string) {
  return fetch(`${url}/webhooks/meta`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
    body,
  });
}

/** The attacker: ten forged deliveries of `body` at once, sent from a thread of its own (as
 * from another machine), so that sending 10 MB does not slow the test's own health checks. */
const FLOOD = `
  const { parentPort, workerData } = require('node:worker_threads');
  const { randomBytes } = require('node:crypto');
  const { url, body } = workerData;
  Promise.all(Array.from({ length: 10 }, () =>
    fetch(url + '/webhooks/meta', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': 'sha256=' + randomBytes(32).toString('hex'),
      },
      body: Buffer.from(body),
    }).then(async (response) => ({ status: response.status, body: await response.text() })),
  )).then((responses) => parentPort.postMessage(responses));
`;

interface FloodResponse {
  status: number;
  body: string;
}

function flood(url: string, body: Buffer): Promise<FloodResponse[]> {
  const worker = new Worker(FLOOD, { eval: true, workerData: { url, body } });
  return new Promise<FloodResponse[]>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  }).finally(() => worker.terminate());
}

/** Sends a flood and, while it runs, times `/api/health` one request after another. The
 * server is warmed up first with a flood left unmeasured: a fresh process compiles each code
 * path on first use. */
async function healthDuringFlood(
  url: string,
  body: Buffer,
): Promise<{ timings: number[]; responses: FloodResponse[] }> {
  await flood(url, body);
  let done = false;
  const responses = flood(url, body).finally(() => {
    done = true;
  });
  const timings: number[] = [];
  while (!done || timings.length < 3) {
    const started = performance.now();
    const response = await fetch(`${url}/api/health`);
    await response.text();
    timings.push(performance.now() - started);
    expect(response.status).toBe(200);
  }
  return { timings, responses: await responses };
}

describe('Meta webhook flood on the embedded database (item 1)', () => {
  let dataDir: string;
  let parley: ParleyProcess;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'parley-e2e-webhook-flood-'));
    parley = await startParley({ DATA_DIR: dataDir });
  });

  afterAll(async () => {
    await parley?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers ten 1 MB bodies of 37,000 invented ids with 413, health staying under 200 ms', async () => {
    const ids = Array.from({ length: 37_000 }, (_, index) => `{"id":"${1e14 + index}"}`);
    const body = Buffer.from(`{"object":"page","entry":[${ids.join(',')}]}`);
    expect(body.length).toBeGreaterThan(900_000);
    expect(body.length).toBeLessThanOrEqual(1024 * 1024);

    const { timings, responses } = await healthDuringFlood(parley.url, body);

    expect(Math.max(...timings), timings.map(Math.round).join(' ')).toBeLessThan(200);
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(413));
    expect(JSON.parse(responses[0]?.body ?? '')).toMatchObject({
      error: { code: 'too_many_entries', message: expect.stringMatching(/at most 1000 entries/) },
    });
  });

  it('keeps the largest body it does look up cheap: 1 MB naming 100 accounts', async () => {
    // Within every cap: 1,000 entries over 100 accounts, padded to 1 MB. Unsigned by any app
    // secret here, so it is acknowledged and dropped like any unverified delivery.
    const padding = 'x'.repeat(980);
    const entries = Array.from(
      { length: 1000 },
      (_, index) => `{"id":"${1e14 + (index % 100)}","time":1,"messaging":[],"pad":"${padding}"}`,
    );
    const body = Buffer.from(`{"object":"page","entry":[${entries.join(',')}]}`);
    expect(body.length).toBeGreaterThan(900_000);
    expect(body.length).toBeLessThanOrEqual(1024 * 1024);

    const { timings, responses } = await healthDuringFlood(parley.url, body);

    expect(Math.max(...timings), timings.map(Math.round).join(' ')).toBeLessThan(200);
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(200));
    expect(JSON.parse(responses[0]?.body ?? '')).toEqual({ received: 0 });
  });

  it('refuses a malformed signature before reading the body', async () => {
    const response = await postMeta(parley.url, '{"object":', 'sha256=not-hex');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'malformed_signature' } });
  });
});

interface Operator {
  api(path: string, body?: unknown): Promise<Response>;
}

describe('two workspaces on one PostgreSQL (items 2, 7 and 10)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let parley: ParleyProcess;
  let owner: Operator;
  let squatter: Operator;
  const assistants: Record<'owner' | 'squatter', string> = { owner: '', squatter: '' };

  const PAGE_ID = '104000000000777';
  const OWNER_APP_SECRET = randomBytes(16).toString('hex');
  const SQUATTER_APP_SECRET = randomBytes(16).toString('hex');
  const SHOP = 'e2e-security-store.myshopify.com';
  const SHOP_SECRET = `shpss_${randomBytes(16).toString('hex')}`;

  async function login(email: string, password: string): Promise<Operator> {
    const response = await fetch(`${parley.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(response.status).toBe(200);
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    return {
      api: (path, body) =>
        fetch(`${parley.url}${path}`, {
          method: body === undefined ? 'GET' : 'POST',
          headers: {
            cookie,
            'x-csrf-token': csrfToken,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
    };
  }

  const connectPage = (operator: Operator, appSecret: string) =>
    operator.api('/api/channels', {
      kind: 'messenger',
      name: 'Our Page',
      assistantId: null,
      connection: {
        accountId: PAGE_ID,
        accessToken: 'EAAG-e2e-page-access-token-0123456789',
        appSecret,
        verifyToken: 'e2e-verify-token',
      },
    });

  const messengerTexts = async (operator: Operator) => {
    const response = await operator.api('/api/conversations?channel=messenger&limit=100');
    const { items } = (await response.json()) as { items: ConversationCard[] };
    return items.map((card) => JSON.stringify(card));
  };

  const pageDelivery = (mid: string, text: string, accountId = PAGE_ID) =>
    JSON.stringify({
      object: 'page',
      entry: [
        {
          id: accountId,
          time: Date.now(),
          messaging: [
            {
              sender: { id: '6789012345678901' },
              recipient: { id: accountId },
              timestamp: Date.now(),
              message: { mid, text },
            },
          ],
        },
      ],
    });

  /** A request as Shopify's app proxy forwards it for a shopper of `shop`. */
  function proxied(
    path: string,
    options: { shop?: string; secret?: string; customerId?: string; body?: unknown } = {},
  ) {
    const params = new URLSearchParams({
      shop: options.shop ?? SHOP,
      logged_in_customer_id: options.customerId ?? '',
      path_prefix: '/apps/parley',
      timestamp: String(Math.floor(Date.now() / 1000)),
    });
    params.append('signature', appProxySignature(params, options.secret ?? SHOP_SECRET));
    return fetch(`${parley.url}/shopify/proxy/api/widget/${path}?${params}`, {
      ...(options.body === undefined
        ? {}
        : {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(options.body),
          }),
    });
  }

  const shopperMessage = (options: { shop?: string; secret?: string } = {}) =>
    proxied('messages', {
      ...options,
      body: { visitorId: randomUUID(), text: 'Is this in stock?', clientMessageId: randomUUID() },
    });

  function shopifyWebhook(shop: string, secret: string) {
    const body = JSON.stringify({ shop_domain: shop, customer: { id: 1 } });
    return fetch(`${parley.url}/webhooks/shopify`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-shopify-topic': 'customers/data_request',
        'x-shopify-shop-domain': shop,
        'x-shopify-hmac-sha256': shopifyWebhookHmac(Buffer.from(body), secret),
      },
      body,
    });
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    const credentials = {
      owner: { email: 'owner@tenant-a.example', password: `A-${randomBytes(12).toString('hex')}` },
      squatter: {
        email: 'admin@tenant-b.example',
        password: `B-${randomBytes(12).toString('hex')}`,
      },
    };
    // Two tenants of one installation, as its operator would have created them.
    const store = await openStore({ databaseUrl: database.databaseUrl, poolSize: 2 });
    for (const tenant of ['owner', 'squatter'] as const) {
      const { workspace } = await createWorkspace(store.db, {
        name: `Tenant ${tenant}`,
        admin: { ...credentials[tenant], name: tenant },
      });
      assistants[tenant] = (await createAssistant(store.db, workspace.id, { name: tenant })).id;
    }
    await store.close();
    parley = await startParley({
      DATABASE_URL: database.databaseUrl,
      PARLEY_DEMO: 'false',
      PARLEY_SECRET_KEY: 'e2e-security-webhooks',
    });
    owner = await login(credentials.owner.email, credentials.owner.password);
    squatter = await login(credentials.squatter.email, credentials.squatter.password);
  });

  afterAll(async () => {
    await parley?.stop();
    await database?.drop();
  });

  it('lets another workspace connect the same Page without failing or naming the first (item 7)', async () => {
    expect((await connectPage(owner, OWNER_APP_SECRET)).status).toBe(201);
    const squatted = await connectPage(squatter, SQUATTER_APP_SECRET);
    const text = await squatted.text();
    expect(squatted.status).toBe(201);
    expect(text).not.toMatch(/already|tenant-a|owner/i);
    // The same Page twice in one workspace is still refused.
    expect((await connectPage(owner, OWNER_APP_SECRET)).status).toBe(409);
  });

  it("delivers the Page's events only to the workspace whose app secret signed them (item 7)", async () => {
    const body = pageDelivery('m_e2e_owner', 'For the owner only');
    const response = await postMeta(parley.url, body, signMetaBody(body, OWNER_APP_SECRET));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: 1 });
    expect((await messengerTexts(owner)).join()).toContain('For the owner only');
    expect((await messengerTexts(squatter)).join()).not.toContain('For the owner only');
  });

  it('answers a Meta delivery for an unknown account exactly as a wrong signature (item 10)', async () => {
    const known = pageDelivery('m_e2e_forged', 'Forged');
    const unknown = pageDelivery('m_e2e_unknown', 'Nobody', '104000000000999');
    const wrong = await postMeta(parley.url, known, fakeSignature());
    const nobody = await postMeta(parley.url, unknown, fakeSignature());
    expect(nobody.status).toBe(wrong.status);
    expect(await nobody.text()).toBe(await wrong.text());
    expect((await messengerTexts(owner)).join()).not.toContain('Forged');
  });

  it('answers Shopify webhooks and app proxy requests for unknown shops as wrong signatures (item 10)', async () => {
    const connected = await owner.api('/api/channels', {
      kind: 'shopify_widget',
      name: 'Store',
      assistantId: assistants.owner,
      connection: { shopDomain: SHOP, appSecret: SHOP_SECRET },
    });
    expect(connected.status).toBe(201);
    const wrongSecret = `shpss_${randomBytes(16).toString('hex')}`;

    const badHmac = await shopifyWebhook(SHOP, wrongSecret);
    const unknownShop = await shopifyWebhook('nobody-here.myshopify.com', wrongSecret);
    expect(badHmac.status).toBe(401);
    expect(unknownShop.status).toBe(401);
    expect(await unknownShop.text()).toBe(await badHmac.text());
    expect((await shopifyWebhook(SHOP, SHOP_SECRET)).status).toBe(200);

    const badSignature = await shopperMessage({ secret: wrongSecret });
    const unknownStore = await shopperMessage({ shop: 'nobody-here.myshopify.com' });
    expect(badSignature.status).toBe(401);
    expect(unknownStore.status).toBe(401);
    expect(await unknownStore.text()).toBe(await badSignature.text());
  });

  it('limits one anonymous shopper however the visitor id changes, with Retry-After (item 2)', async () => {
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let index = 0; index < 80; index += 1) {
      const response = await shopperMessage();
      statuses.push(response.status);
      if (response.status === 429) refused = response;
      else await response.body?.cancel();
    }
    expect(statuses.slice(0, 60).every((status) => status === 201)).toBe(true);
    expect(statuses.slice(60).every((status) => status === 429)).toBe(true);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused?.json()).toMatchObject({ error: { code: 'rate_limited' } });
  });

  it("caps a shop's requests, however many logged-in shoppers send them (item 2)", async () => {
    const shop = 'e2e-busy-store.myshopify.com';
    const connected = await owner.api('/api/channels', {
      kind: 'shopify_widget',
      name: 'Busy store',
      assistantId: assistants.owner,
      connection: { shopDomain: shop, appSecret: SHOP_SECRET },
    });
    expect(connected.status).toBe(201);
    const statuses: number[] = [];
    for (let customer = 0; customer < 21; customer += 1) {
      const batch = await Promise.all(
        Array.from({ length: 60 }, () =>
          proxied('config', { shop, customerId: `e2e-${customer}` }).then(async (response) => {
            await response.body?.cancel();
            return response.status;
          }),
        ),
      );
      statuses.push(...batch);
    }
    // 21 shoppers each within their own limit of 60: the shop's ceiling of 1,200 is what stops them.
    expect(statuses.filter((status) => status === 200)).toHaveLength(1200);
    expect(statuses.filter((status) => status === 429)).toHaveLength(21 * 60 - 1200);
  });
});
