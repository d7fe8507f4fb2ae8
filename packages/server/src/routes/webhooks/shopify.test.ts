import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appProxySignature } from '../../channels/shopify/app-proxy.js';
import { shopifyWebhookHmac } from '../../channels/shopify/webhook.js';
import { connectChannel } from '../../commands/connect-channel.js';
import { createWorkspace } from '../../commands/workspaces.js';
import { type ApiClient, startTestServer, type TestServer } from '../../test-support/app.js';
import { testOrigin } from '../../test-support/audit-origin.js';

const SHOP = 'privacy-test.myshopify.com';
const SECRET = 'shpss_privacy_secret_0123456';

describe('Shopify mandatory webhooks', () => {
  let app: TestServer;
  let api: ApiClient;

  beforeAll(async () => {
    app = await startTestServer('postgres');
    api = await app.login();
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

  /** A storefront visitor, logged in as `customerId`, writes through the app proxy. */
  async function customerWrites(customerId: string, text: string): Promise<string> {
    const params = new URLSearchParams({
      shop: SHOP,
      logged_in_customer_id: customerId,
      path_prefix: '/apps/parley',
      timestamp: String(Math.floor(Date.now() / 1000)),
    });
    params.append('signature', appProxySignature(params, SECRET));
    const response = await fetch(`${app.url}/shopify/proxy/api/widget/messages?${params}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ visitorId: randomUUID(), text, clientMessageId: randomUUID() }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { conversationId: string }).conversationId;
  }

  const webhook = (topic: string, payload: unknown, secret = SECRET, shop = SHOP) => {
    const body = JSON.stringify(payload);
    return fetch(`${app.url}/webhooks/shopify`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-shopify-topic': topic,
        'x-shopify-shop-domain': shop,
        'x-shopify-hmac-sha256': shopifyWebhookHmac(Buffer.from(body), secret),
      },
      body,
    });
  };

  it('refuses a webhook whose HMAC does not match, changing nothing', async () => {
    const kept = await customerWrites('111', 'Please keep me');
    const response = await webhook(
      'customers/redact',
      { customer: { id: 111 } },
      'wrong-secret-0123456',
    );
    expect(response.status).toBe(401);
    expect((await api(`/api/conversations/${kept}`)).status).toBe(200);
  });

  it('answers a shop connected nowhere exactly as a wrong HMAC', async () => {
    const payload = { customer: { id: 111 } };
    const wrong = await webhook('customers/redact', payload, 'wrong-secret-0123456');
    const unknown = await webhook('customers/redact', payload, SECRET, 'nowhere.myshopify.com');
    expect(unknown.status).toBe(401);
    expect(unknown.status).toBe(wrong.status);
    expect(await unknown.text()).toBe(await wrong.text());
  });

  it('acts only for the workspace whose app secret signed, when two connected the shop', async () => {
    const { workspace } = await createWorkspace(app.server.context.db, {
      name: 'Other tenant',
      admin: { email: 'other-tenant@test.local', name: 'B', password: 'orbit-kettle-42' },
    });
    const otherSecret = 'shpss_other_tenant_secret_42';
    const other = await connectChannel(
      app.server.context,
      workspace.id,
      {
        kind: 'shopify_widget',
        name: 'Same store',
        assistantId: null,
        connection: { shopDomain: SHOP, appSecret: otherSecret },
      },
      testOrigin(workspace.id),
    );
    const ours = await customerWrites('666', 'Ours to keep');
    expect((await webhook('app/uninstalled', { domain: SHOP }, otherSecret)).status).toBe(200);
    const otherRow = await app.server.context.db
      .selectFrom('channels')
      .select('config')
      .where('id', '=', other.id)
      .executeTakeFirstOrThrow();
    expect(otherRow.config.uninstalled).toBe(true);
    // Ours still serves its shoppers and keeps their conversations.
    expect((await api(`/api/conversations/${ours}`)).status).toBe(200);
    await customerWrites('667', 'Still served');
    await app.server.context.db.deleteFrom('channels').where('id', '=', other.id).execute();
  });

  it("erases one customer's conversations on customers/redact, and only theirs", async () => {
    const erased = await customerWrites('222', 'Forget me');
    const kept = await customerWrites('333', 'Keep me');
    const response = await webhook('customers/redact', {
      shop_id: 954889,
      shop_domain: SHOP,
      customer: { id: 222, email: 'john@example.com', phone: '555-625-1199' },
      orders_to_redact: [],
    });
    expect(response.status).toBe(200);
    expect((await api(`/api/conversations/${erased}`)).status).toBe(404);
    expect((await api(`/api/conversations/${kept}`)).status).toBe(200);
  });

  it('acknowledges customers/data_request', async () => {
    const response = await webhook('customers/data_request', {
      shop_domain: SHOP,
      customer: { id: 333 },
      orders_requested: [],
      data_request: { id: 9999 },
    });
    expect(response.status).toBe(200);
  });

  it('stops serving the store on app/uninstalled, then erases it on shop/redact', async () => {
    const remaining = await customerWrites('444', 'Before uninstall');
    expect((await webhook('app/uninstalled', { id: 954889, domain: SHOP })).status).toBe(200);
    const channels = (await (await api('/api/channels')).json()) as {
      items: { kind: string; connected: boolean }[];
    };
    expect(channels.items.find((channel) => channel.kind === 'shopify_widget')?.connected).toBe(
      false,
    );
    expect((await api(`/api/conversations/${remaining}`)).status).toBe(200);
    await expect(customerWrites('555', 'After uninstall')).rejects.toThrow();

    expect((await webhook('shop/redact', { shop_id: 954889, shop_domain: SHOP })).status).toBe(200);
    expect((await api(`/api/conversations/${remaining}`)).status).toBe(404);
    const after = (await (await api('/api/channels')).json()) as { items: { kind: string }[] };
    expect(after.items.some((channel) => channel.kind === 'shopify_widget')).toBe(false);
  });
});
