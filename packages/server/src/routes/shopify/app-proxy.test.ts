import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appProxySignature } from '../../channels/shopify/app-proxy.js';
import { connectChannel } from '../../commands/connect-channel.js';
import { createAssistant, createWorkspace } from '../../commands/workspaces.js';
import { startTestServer, type TestServer } from '../../test-support/app.js';
import { testOrigin } from '../../test-support/audit-origin.js';
import { PER_SHOP_LIMIT, PER_SHOPPER_LIMIT } from './app-proxy-limits.js';

const SECRET = 'shpss_rate_limit_secret_0123';

describe('Shopify app proxy', () => {
  let app: TestServer;
  let shopCount = 0;

  beforeAll(async () => {
    app = await startTestServer('pglite');
  });

  afterAll(async () => {
    await app.close();
  });

  /** Connects a fresh shop in the test workspace (each test its own, so limits do not mix). */
  async function connectShop(
    workspaceId = app.workspaceId,
    assistantId = app.assistant.id,
    appSecret = SECRET,
    shop = `limits-${++shopCount}.myshopify.com`,
  ) {
    const channel = await connectChannel(
      app.server.context,
      workspaceId,
      {
        kind: 'shopify_widget',
        name: 'Store',
        assistantId,
        connection: { shopDomain: shop, appSecret },
      },
      testOrigin(workspaceId),
    );
    return { shop, channelId: channel.id };
  }

  /** Signs like Shopify's proxy; every shopper arrives from the same (Shopify) address. */
  function proxied(
    path: string,
    shop: string,
    options: { customerId?: string; secret?: string; body?: unknown } = {},
  ) {
    const params = new URLSearchParams({
      shop,
      logged_in_customer_id: options.customerId ?? '',
      path_prefix: '/apps/parley',
      timestamp: String(Math.floor(Date.now() / 1000)),
    });
    params.append('signature', appProxySignature(params, options.secret ?? SECRET));
    return fetch(`${app.url}/shopify/proxy/api/widget/${path}?${params}`, {
      ...(options.body === undefined
        ? {}
        : {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(options.body),
          }),
    });
  }

  const message = (shop: string, options: { customerId?: string; secret?: string } = {}) =>
    proxied('messages', shop, {
      ...options,
      body: { visitorId: randomUUID(), text: 'Hello?', clientMessageId: randomUUID() },
    });

  it('limits an anonymous shopper by address, however often the visitor id changes', async () => {
    const { shop } = await connectShop();
    const responses = [];
    for (let index = 0; index < 80; index += 1) responses.push(await message(shop));
    const statuses = responses.map((response) => response.status);
    expect(statuses.slice(0, PER_SHOPPER_LIMIT.max).every((status) => status === 201)).toBe(true);
    expect(statuses.slice(PER_SHOPPER_LIMIT.max).every((status) => status === 429)).toBe(true);
    const refused = responses.at(-1);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused?.json()).toMatchObject({
      error: { code: 'rate_limited', message: expect.stringMatching(/Too many requests/) },
    });
  });

  it('counts each logged-in customer separately, though all come from one address', async () => {
    const { shop } = await connectShop();
    const statuses = await Promise.all(
      Array.from({ length: 70 }, (_, index) =>
        proxied('config', shop, { customerId: String(1000 + index) }).then((r) => r.status),
      ),
    );
    expect(statuses.every((status) => status === 200)).toBe(true);
    const customer = '4242';
    const own = [];
    for (let index = 0; index <= PER_SHOPPER_LIMIT.max; index += 1)
      own.push((await proxied('config', shop, { customerId: customer })).status);
    expect(own.at(-1)).toBe(429);
  });

  it('caps a whole shop, however many shoppers it has', async () => {
    const { shop } = await connectShop();
    const perCustomer = PER_SHOPPER_LIMIT.max;
    const customers = Math.ceil(PER_SHOP_LIMIT.max / perCustomer) + 1;
    const statuses: number[] = [];
    for (let customer = 0; customer < customers; customer += 1) {
      const batch = await Promise.all(
        Array.from({ length: perCustomer }, () =>
          proxied('config', shop, { customerId: `c${customer}` }).then((r) => r.status),
        ),
      );
      statuses.push(...batch);
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(PER_SHOP_LIMIT.max);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
    const response = await proxied('config', shop, { customerId: 'someone-new' });
    expect(response.status).toBe(429);
    expect(await response.json()).toMatchObject({ error: { code: 'rate_limited' } });
    // Another shop is not affected.
    expect((await proxied('config', (await connectShop()).shop)).status).toBe(200);
  });

  it('answers an unknown shop exactly as a wrong signature for a connected one', async () => {
    const { shop } = await connectShop();
    const wrong = await message(shop, { secret: 'shpss_wrong_secret_000000000' });
    const unknown = await message('never-connected.myshopify.com');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(wrong.status);
    expect(await unknown.json()).toEqual(await wrong.json());
  });

  it('serves each workspace that connected a shop with the requests its own secret signed', async () => {
    const { shop, channelId: first } = await connectShop();
    const { workspace } = await createWorkspace(app.server.context.db, {
      name: 'Other tenant',
      admin: { email: `tenant-${randomUUID()}@test.local`, name: 'B', password: 'orbit-kettle-42' },
    });
    const assistant = await createAssistant(app.server.context.db, workspace.id, { name: 'Bee' });
    const otherSecret = 'shpss_other_tenant_secret_99';
    const { channelId: second } = await connectShop(workspace.id, assistant.id, otherSecret, shop);

    expect((await message(shop, { customerId: '1' })).status).toBe(201);
    expect((await message(shop, { customerId: '2', secret: otherSecret })).status).toBe(201);
    const counts = await app.server.context.db
      .selectFrom('messages')
      .select(['channel_id', (eb) => eb.fn.countAll<string>().as('count')])
      .where('channel_id', 'in', [first, second])
      .where('author', '=', 'contact')
      .groupBy('channel_id')
      .execute();
    expect(Object.fromEntries(counts.map((row) => [row.channel_id, Number(row.count)]))).toEqual({
      [first]: 1,
      [second]: 1,
    });
  });
});
