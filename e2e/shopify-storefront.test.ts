import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConversationCard, MessageView } from '@parley/domain';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser.js';
import { demoLogin, type ParleyProcess, startParley } from './support/parley-process.js';
import {
  APP_PROXY_PATH_PREFIX,
  type Storefront,
  serveShopifyStorefront,
  signedProxyQuery,
} from './support/shopify-proxy.js';

const SHOP = 'acme-outdoor-test.myshopify.com';
const CUSTOMER_ID = '7432187654321';
const APP_SECRET = `shpss_${randomBytes(16).toString('hex')}`;

/** A theme that styles everything it can reach, as real themes do (and worse). */
const HOSTILE_THEME_CSS = `
  * { font-family: "Comic Sans MS", cursive !important; box-sizing: content-box !important;
      letter-spacing: 3px !important; }
  button, [role="button"] { background: hotpink !important; padding: 40px !important;
      border: 6px dashed lime !important; }
  textarea, input { display: none !important; }
  parley-widget, body > *:last-child { display: none !important; opacity: 0 !important; }
  ol, li { list-style: square !important; margin: 50px !important; }
`;

interface Assistant {
  id: string;
  name: string;
  publicKey: string;
}

describe('Shopify widget on a storefront, through the app proxy', () => {
  let dataDir: string;
  let parley: ParleyProcess;
  let cookie: string;
  let csrfToken: string;
  let assistant: Assistant;
  let channelId: string;
  let storefront: Storefront;
  let browser: Browser;

  const operatorGet = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${parley.url}${path}`, { headers: { cookie } });
    expect(response.status, `GET ${path}`).toBe(200);
    return (await response.json()) as T;
  };

  const shopifyConversations = async () =>
    (
      await operatorGet<{ items: ConversationCard[] }>(
        '/api/conversations?channel=shopify_widget&limit=100',
      )
    ).items;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'parley-e2e-shopify-'));
    parley = await startParley({ DATA_DIR: dataDir });
    ({ cookie, csrfToken } = await demoLogin(parley.url));
    const { items } = await operatorGet<{ items: Assistant[] }>('/api/assistants');
    const found = items.find((item) => item.name === 'Ava') ?? items[0];
    if (!found) throw new Error('The demo workspace has no assistant');
    assistant = found;

    // Connect the store through the real API, as an admin would in settings.
    const connected = await fetch(`${parley.url}/api/channels`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'shopify_widget',
        name: 'Acme Outdoor storefront',
        assistantId: assistant.id,
        connection: { shopDomain: SHOP, appSecret: APP_SECRET },
      }),
    });
    const channel = (await connected.json()) as {
      id: string;
      kind: string;
      externalAccountId: string;
      connected: boolean;
    };
    expect(connected.status, JSON.stringify(channel)).toBe(201);
    expect(channel).toMatchObject({ kind: 'shopify_widget', externalAccountId: SHOP });
    expect(channel.connected).toBe(true);
    expect(JSON.stringify(channel)).not.toContain(APP_SECRET);
    channelId = channel.id;

    storefront = await serveShopifyStorefront({
      parleyUrl: parley.url,
      shop: SHOP,
      appSecret: APP_SECRET,
      loggedInCustomerId: CUSTOMER_ID,
      // What the app embed block renders into the theme (Liquid filled in).
      page: () => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Acme Outdoor – Online store</title>
<style>${HOSTILE_THEME_CSS}</style></head>
<body class="template-index">
  <header class="site-header"><a href="/">Acme Outdoor</a><button>Cart (0)</button></header>
  <main><h1>Summit jacket</h1><p>Waterproof, breathable, €249.</p><button>Add to cart</button></main>
  <script src="${parley.url}/widget.js" data-key="${assistant.publicKey}"
    data-channel="shopify_widget" data-api="${APP_PROXY_PATH_PREFIX}"
    data-shop="${SHOP}" data-customer-id="${CUSTOMER_ID}" async></script>
</body></html>`,
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await storefront?.close();
    await parley?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('chats from the storefront, live in the inbox with the shop and customer shown', async () => {
    const inbox = await browser.newPage();
    await inbox.goto(parley.url);
    await inbox.getByLabel('Email').fill('demo@parley.local');
    await inbox.getByLabel('Password').fill('parley-demo');
    await inbox.getByRole('button', { name: 'Sign in' }).click();
    const cards = inbox.getByTestId('conversation-card');
    await expect.poll(() => cards.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(8);
    await inbox.getByTestId('connection').filter({ hasText: /live/i }).waitFor({ timeout: 15_000 });

    const shop = await browser.newPage();
    await shop.goto(`${storefront.origin}/`);
    // The theme's CSS can neither hide nor restyle the widget.
    await shop.getByTestId('parley-bubble').click();
    const input = shop.getByTestId('parley-input');
    await input.waitFor();
    const style = (testId: string, property: string) =>
      shop
        .getByTestId(testId)
        .evaluate(
          (element, name) =>
            String(element.ownerDocument.defaultView?.getComputedStyle(element)[name]),
          property,
        );
    expect(await style('parley-send', 'backgroundColor')).not.toBe('rgb(255, 105, 180)');
    expect(await style('parley-input', 'fontFamily')).not.toMatch(/Comic Sans/);
    await shop.getByRole('heading', { name: assistant.name }).waitFor();

    const question = 'Do you have the Summit jacket in medium?';
    const before = await cards.count();
    await input.fill(question);
    await shop.getByTestId('parley-send').click();
    const fromAssistant = shop.locator('[data-testid="parley-message"][data-author="assistant"]');
    // The reply comes back live, over the event stream that runs through the proxy.
    await fromAssistant.first().waitFor({ timeout: 15_000 });
    expect(
      await shop.locator('[data-testid="parley-message"][data-author="contact"]').allTextContents(),
    ).toEqual([question]);

    // Every call the widget made went through the store's app proxy, and was accepted.
    const calls = storefront.proxied.map((call) => `${call.method} ${call.path} ${call.status}`);
    expect(calls).toEqual(
      expect.arrayContaining([
        `GET ${APP_PROXY_PATH_PREFIX}/api/widget/config 200`,
        `POST ${APP_PROXY_PATH_PREFIX}/api/widget/session 200`,
        `POST ${APP_PROXY_PATH_PREFIX}/api/widget/messages 201`,
        `GET ${APP_PROXY_PATH_PREFIX}/api/widget/stream 200`,
      ]),
    );
    expect(storefront.proxied.every((call) => call.status < 400)).toBe(true);

    // The inbox shows the conversation at once, as a Shopify one.
    await expect.poll(() => cards.count(), { timeout: 15_000 }).toBe(before + 1);
    const card = cards.first();
    await card.getByRole('img', { name: 'Shopify widget' }).waitFor();

    // Opened, the thread names the shop and the logged-in customer, and holds both messages.
    await card.click();
    const thread = inbox.getByTestId('thread');
    await thread.locator('.thread-subtitle').filter({ hasText: 'Shopify widget' }).waitFor();
    const detail = (label: string) =>
      thread
        .locator('dl > div')
        .filter({ has: inbox.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) }) })
        .getByRole('definition');
    expect(await detail('Shop').textContent()).toBe(SHOP);
    expect(await detail('Shopify customer id').textContent()).toBe(CUSTOMER_ID);
    await thread
      .locator('[data-testid="message"][data-author="contact"]')
      .filter({ hasText: question })
      .waitFor();
    await thread
      .locator('[data-testid="message"][data-author="assistant"]')
      .first()
      .waitFor({ timeout: 15_000 });

    // The API agrees: the connected store's channel, and the verified shop and customer.
    const conversationId = await card.getAttribute('data-conversation-id');
    const conversation = await operatorGet<ConversationCard>(
      `/api/conversations/${conversationId}`,
    );
    expect(conversation.channelKind).toBe('shopify_widget');
    expect(conversation.channelId).toBe(channelId);
    expect(conversation.assistantId).toBe(assistant.id);
    expect(conversation.contact.attributes).toEqual({
      shop: SHOP,
      shopifyCustomerId: CUSTOMER_ID,
    });
    const filtered = await shopifyConversations();
    expect(filtered.map((item) => item.id)).toContain(conversationId);
    const websiteOnly = await operatorGet<{ items: ConversationCard[] }>(
      '/api/conversations?channel=website_widget&limit=100',
    );
    expect(websiteOnly.items.map((item) => item.id)).not.toContain(conversationId);
  });

  it('refuses app proxy requests that Shopify did not sign, or signed too long ago', async () => {
    const before = (await shopifyConversations()).length;
    const visitorId = `v${randomUUID().replace(/-/g, '')}`;
    const call = (route: 'session' | 'messages', query: URLSearchParams, body: unknown) =>
      fetch(`${parley.url}/shopify/proxy/api/widget/${route}?${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const signed = (overrides: Partial<Parameters<typeof signedProxyQuery>[1]> = {}) =>
      signedProxyQuery('', {
        shop: SHOP,
        appSecret: APP_SECRET,
        loggedInCustomerId: CUSTOMER_ID,
        ...overrides,
      });
    const expectRefused = async (response: Response, what: string) => {
      const body = (await response.json()) as { error?: { code?: string } };
      expect(response.status, what).toBe(401);
      expect(body.error?.code, what).toBe('invalid_signature');
    };

    const now = Math.floor(Date.now() / 1000);
    const unsigned = signed();
    unsigned.delete('signature');
    const tampered = signed();
    tampered.set('logged_in_customer_id', '1');
    const garbled = signed();
    garbled.set('signature', 'f'.repeat(64));
    const attempts: [string, URLSearchParams][] = [
      // What anyone can send straight to Parley, bypassing Shopify.
      ['no signature', new URLSearchParams({ shop: SHOP, logged_in_customer_id: CUSTOMER_ID })],
      ['signature removed', unsigned],
      ['signed with another secret', signed({ appSecret: randomBytes(24).toString('hex') })],
      // A genuine signature, then a parameter changed to claim another customer.
      ['tampered customer id', tampered],
      ['wrong signature', garbled],
      // A genuinely signed request replayed later (or stamped ahead).
      ['stale timestamp', signed({ timestamp: now - 10 * 60 })],
      ['future timestamp', signed({ timestamp: now + 10 * 60 })],
    ];
    for (const [index, [what, query]] of attempts.entries()) {
      await expectRefused(await call('session', query, { visitorId }), `session: ${what}`);
      const forged = { visitorId, text: 'Forged message', clientMessageId: `forged-000${index}` };
      await expectRefused(await call('messages', query, forged), `messages: ${what}`);
    }
    // The read routes are guarded the same way.
    const unsignedRead = new URLSearchParams({
      key: assistant.publicKey,
      shop: SHOP,
      visitorId,
      conversationId: randomUUID(),
    });
    for (const route of ['config', 'stream']) {
      const response = await fetch(
        `${parley.url}/shopify/proxy/api/widget/${route}?${unsignedRead}`,
      );
      await expectRefused(response, `${route}: no signature`);
    }

    // Nor can the public widget API, which needs no signature, open a Shopify conversation.
    const publicSession = await fetch(`${parley.url}/api/widget/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: assistant.publicKey, visitorId, channel: 'shopify_widget' }),
    });
    expect(publicSession.status).toBe(400);

    // The same visitor, now signed with the store's secret, is served, and nothing refused left
    // a trace: no forged message in their conversation, no customer id on their contact. The
    // customer only ever comes from Shopify's signed parameters, never from the request body.
    const genuine = signed({ loggedInCustomerId: null });
    const session = await call('session', genuine, {
      visitorId,
      customerId: CUSTOMER_ID,
      shop: 'someone-else.myshopify.com',
    });
    expect(session.status).toBe(200);
    // Nothing is stored until the shopper writes.
    expect(await session.json()).toMatchObject({ conversationId: null, messages: [] });
    const sent = await call('messages', genuine, {
      visitorId,
      text: 'Hello from a real shopper',
      clientMessageId: 'genuine-0001',
    });
    expect(sent.status).toBe(201);
    const { conversationId } = (await sent.json()) as MessageView;

    const card = await operatorGet<ConversationCard>(`/api/conversations/${conversationId}`);
    expect(card.channelId).toBe(channelId);
    expect(card.contact.attributes).toEqual({ shop: SHOP });
    const thread = await operatorGet<{ items: MessageView[] }>(
      `/api/conversations/${conversationId}/messages`,
    );
    expect(
      thread.items.filter((item) => item.author === 'contact').map((item) => item.text),
    ).toEqual(['Hello from a real shopper']);
    expect((await shopifyConversations()).length).toBe(before + 1);
  });
});
