import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser.js';
import { demoLogin, type ParleyProcess, startParley } from './support/parley-process.js';

interface ChannelView {
  id: string;
  kind: string;
  name: string;
  assistantId: string | null;
  externalAccountId: string | null;
  connected: boolean;
  webhookUrl?: string;
  rules: {
    autoReply: boolean;
    delayMinSeconds: number;
    delayMaxSeconds: number;
    keywords: string[];
  };
}

interface AssistantView {
  id: string;
  name: string;
  publicKey: string;
  greeting: string;
  allowedOrigins: string[];
}

interface TeammateView {
  id: string;
  email: string;
  name: string;
  role: string;
}

interface ApiKeyView {
  id: string;
  name: string;
  role: string;
  prefix: string;
  revokedAt: string | null;
}

/** Not agnes@parley.local: the agent test creates her through the API. */
const TEAMMATE = {
  name: 'Tomas Teammate',
  email: 'tomas@parley.local',
  password: 'violet-harbor-canoe',
};

const PAGE = {
  name: 'Shop Messenger',
  accountId: '102000000000777',
  accessToken: 'EAAGm0PX4ZCpsBAKsecret-page-token-0123456789',
  appSecret: '0123456789abcdef0123456789abcdef',
  verifyToken: 'parley-verify-me',
};

/** What assistive tech reads with a control: the texts its aria-describedby points at. */
function description(control: Locator): Promise<string> {
  return control.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id: string) => element.ownerDocument.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

function hasFocus(control: Locator): Promise<boolean> {
  return control.evaluate((element) => element === element.ownerDocument.activeElement);
}

describe('settings: an admin manages channels and assistants in a real browser', () => {
  let dataDir: string;
  let parley: ParleyProcess;
  let browser: Browser;
  let page: Page;
  let cookie: string;
  /** Every state-changing API request the browser sent, as "METHOD /path". */
  const writes: string[] = [];

  async function getJson<T>(path: string): Promise<{ body: T; text: string }> {
    const response = await fetch(`${parley.url}${path}`, { headers: { cookie } });
    expect(response.status).toBe(200);
    const text = await response.text();
    return { body: JSON.parse(text) as T, text };
  }

  async function channels(): Promise<{ items: ChannelView[]; text: string }> {
    const { body, text } = await getJson<{ items: ChannelView[] }>('/api/channels');
    return { items: body.items, text };
  }

  const ours = (items: ChannelView[]) =>
    items.filter((channel) => channel.externalAccountId === PAGE.accountId);

  /** The connected page's card in the channel list (not the "is connected" notice). */
  const card = () => page.getByRole('article', { name: PAGE.name, exact: true });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'parley-e2e-settings-'));
    parley = await startParley({ DATA_DIR: dataDir });
    ({ cookie } = await demoLogin(parley.url));
    browser = await launchChromium();
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (request.method() !== 'GET' && url.pathname.startsWith('/api/')) {
        writes.push(`${request.method()} ${url.pathname}`);
      }
    });
  });

  afterAll(async () => {
    await browser?.close();
    await parley?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('connects a Messenger page from Settings → Channels and never hands its secrets back', async () => {
    await page.goto(parley.url);
    await page.getByLabel('Email').fill('demo@parley.local');
    await page.getByLabel('Password').fill('parley-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Settings' })
      .click();
    await page
      .getByRole('navigation', { name: 'Settings' })
      .getByRole('link', { name: 'Channels' })
      .click();
    await page.getByRole('heading', { name: 'Channels', level: 2 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/settings/channels');
    const before = (await channels()).items.length;
    writes.length = 0;

    await page.getByRole('button', { name: 'Connect a channel', exact: true }).click();
    const form = page.getByRole('form', { name: 'Connect a channel' });
    await form.getByLabel('Channel type').selectOption({ label: 'Facebook Messenger' });
    await form.getByLabel('Name').fill(PAGE.name);
    await form.getByLabel('Account id').fill(PAGE.accountId);
    await form.getByLabel('Access token').fill(PAGE.accessToken);
    await form.getByLabel('App secret').fill(PAGE.appSecret);
    await form.getByLabel('Verify token').fill(PAGE.verifyToken);
    await form.getByRole('button', { name: 'Connect channel', exact: true }).click();

    // The outcome replaces the form, and the page joins the list with Meta's callback URL.
    await page.getByRole('heading', { name: `${PAGE.name} is connected` }).waitFor();
    await card().waitFor();
    expect(await card().getByLabel('Webhook URL').inputValue()).toBe(`${parley.url}/webhooks/meta`);
    expect(await card().textContent()).toContain(PAGE.accountId);
    await card().getByText('Connected', { exact: true }).waitFor();
    expect(writes).toEqual(['POST /api/channels']);

    const { items, text } = await channels();
    expect(items).toHaveLength(before + 1);
    const [channel] = ours(items);
    expect(channel).toMatchObject({
      kind: 'messenger',
      name: PAGE.name,
      connected: true,
      webhookUrl: `${parley.url}/webhooks/meta`,
    });
    expect(channel?.assistantId).toBeTruthy();
    for (const secret of [PAGE.accessToken, PAGE.appSecret, PAGE.verifyToken]) {
      expect(text).not.toContain(secret);
      expect(await page.content()).not.toContain(secret);
    }
  });

  it('shows a bad app secret inline at its field and creates nothing', async () => {
    const before = (await channels()).items.length;
    writes.length = 0;
    await page.getByRole('button', { name: 'Connect a channel', exact: true }).click();
    const form = page.getByRole('form', { name: 'Connect a channel' });
    await form.getByLabel('Name').fill('Second page');
    await form.getByLabel('Account id').fill('102000000000888');
    await form.getByLabel('Access token').fill(PAGE.accessToken);
    const appSecret = form.getByLabel('App secret');
    await appSecret.fill('nope');
    await form.getByLabel('Verify token').fill(PAGE.verifyToken);
    await form.getByRole('button', { name: 'Connect channel', exact: true }).click();

    const message = 'The app secret is the 32-character hex string from the app settings.';
    await form.getByText(message).waitFor();
    expect(await appSecret.getAttribute('aria-invalid')).toBe('true');
    expect(await description(appSecret)).toContain(message);
    await expect.poll(() => hasFocus(appSecret)).toBe(true);
    // The fields that were fine are not blamed.
    expect(await form.getByLabel('Verify token').getAttribute('aria-invalid')).toBeNull();

    expect(writes).toEqual([]);
    expect((await channels()).items).toHaveLength(before);
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });
  });

  it("edits the page's rules, and refuses a delay range whose minimum exceeds its maximum", async () => {
    writes.length = 0;
    await card().getByRole('button', { name: 'Edit rules' }).click();
    const rules = card().getByRole('form', { name: `Rules for ${PAGE.name}` });
    const autoReply = rules.getByRole('checkbox', { name: 'Auto-reply', exact: true });
    expect(await autoReply.isChecked()).toBe(true);
    await autoReply.uncheck();
    const from = rules.getByLabel('From (seconds)');
    const to = rules.getByLabel('To (seconds)');
    await from.fill('5');
    await to.fill('30');
    const keywords = rules.getByLabel('Keywords', { exact: true });
    await keywords.fill('refund');
    await keywords.press('Enter');
    await rules
      .getByRole('list', { name: 'Current keywords' })
      .getByRole('listitem')
      .filter({ hasText: 'refund' })
      .waitFor();
    await rules.getByRole('button', { name: 'Save rules' }).click();
    await rules.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await card().getByText('Off', { exact: true }).waitFor();

    const [channel] = ours((await channels()).items);
    expect(writes).toEqual([`PUT /api/channels/${channel?.id}/rules`]);
    expect(channel?.rules).toMatchObject({
      autoReply: false,
      delayMinSeconds: 5,
      delayMaxSeconds: 30,
      keywords: ['refund'],
    });

    // Longest delay shorter than the shortest: the error sits at "To", and nothing is sent.
    writes.length = 0;
    await from.fill('40');
    await rules.getByRole('button', { name: 'Save rules' }).click();
    const message = 'The longest delay must be at least the shortest (40 s).';
    await rules.getByText(message).waitFor();
    expect(await to.getAttribute('aria-invalid')).toBe('true');
    expect(await description(to)).toContain(message);
    expect(await rules.getByRole('status').textContent()).toBe('');
    expect(writes).toEqual([]);
    expect(ours((await channels()).items)[0]?.rules).toMatchObject({
      delayMinSeconds: 5,
      delayMaxSeconds: 30,
    });

    await rules.getByRole('button', { name: 'Discard changes' }).click();
    expect(await from.inputValue()).toBe('5');
    expect(await rules.getByText(message).count()).toBe(0);
  });

  it("changes the demo assistant's greeting and allowed origins, and shows its embed snippet", async () => {
    writes.length = 0;
    await page
      .getByRole('navigation', { name: 'Settings' })
      .getByRole('link', { name: 'Assistants' })
      .click();
    await page.getByRole('heading', { name: 'Assistants', level: 2 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/settings/assistants');

    const { body } = await getJson<{ items: AssistantView[] }>('/api/assistants');
    const ava = body.items.find((assistant) => assistant.name === 'Ava');
    if (!ava) throw new Error('the demo assistant Ava is missing');
    const article = page.getByRole('article', { name: 'Ava', exact: true });
    const form = article.getByRole('form', { name: 'Settings of Ava' });
    const greeting = 'Hello from Acme! Ask me about rentals, orders or refunds.';
    await form.getByLabel('Greeting').fill(greeting);
    await form.getByRole('button', { name: 'Add origin' }).click();
    const origins = form.getByRole('group', { name: 'Allowed origins' });
    const added = origins.getByLabel(`Origin ${ava.allowedOrigins.length + 1}`, { exact: true });
    await expect.poll(() => hasFocus(added)).toBe(true);
    await added.fill('https://shop.example');
    await form.getByRole('button', { name: 'Save assistant' }).click();
    await form.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect(writes).toEqual([`PATCH /api/assistants/${ava.id}`]);

    const saved = (await getJson<{ items: AssistantView[] }>('/api/assistants')).body.items.find(
      (assistant) => assistant.id === ava.id,
    );
    expect(saved?.greeting).toBe(greeting);
    expect(saved?.allowedOrigins).toEqual([...ava.allowedOrigins, 'https://shop.example']);

    const snippet = await article.getByLabel('Embed snippet').inputValue();
    expect(snippet).toContain('data-key="pk_');
    expect(snippet).toContain('/widget.js');
    expect(snippet).toBe(
      `<script src="${parley.url}/widget.js" data-key="${ava.publicKey}" async></script>`,
    );
  });

  it('creates, duplicates and deletes an assistant, refusing while a channel uses it', async () => {
    const { cookie: adminCookie, csrfToken } = await demoLogin(parley.url);
    const assignPage = async (assistantId: string | null) => {
      const [channel] = ours((await channels()).items);
      const response = await fetch(`${parley.url}/api/channels/${channel?.id}/rules`, {
        method: 'PUT',
        headers: {
          cookie: adminCookie,
          'x-csrf-token': csrfToken,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ assistantId }),
      });
      expect(response.status).toBe(200);
    };
    const listed = async () =>
      (
        await getJson<{ items: AssistantView[]; modelSettingsAvailable: boolean }>(
          '/api/assistants',
        )
      ).body;
    const pageAssistant = ours((await channels()).items)[0]?.assistantId ?? null;
    expect(pageAssistant).toBeTruthy();
    // No model is configured here, so no model fields.
    expect((await listed()).modelSettingsAvailable).toBe(false);
    expect(await page.getByLabel('Model name').count()).toBe(0);

    writes.length = 0;
    await page.getByRole('button', { name: 'New assistant', exact: true }).click();
    const form = page.getByRole('form', { name: 'New assistant' });
    await form.getByLabel('Name').fill('Returns helper');
    await form.getByRole('button', { name: 'Create assistant' }).click();
    await form.waitFor({ state: 'detached' });
    const original = page.getByRole('article', { name: 'Returns helper', exact: true });
    await original.waitFor();
    await page.getByText('“Returns helper” was created.').waitFor();
    expect(writes).toEqual(['POST /api/assistants']);
    const created = (await listed()).items.find((item) => item.name === 'Returns helper');
    expect(created?.publicKey).toMatch(/^pk_/);

    writes.length = 0;
    await original.getByRole('button', { name: 'Duplicate Returns helper' }).click();
    const copyCard = page.getByRole('article', { name: 'Returns helper (copy)', exact: true });
    await copyCard.waitFor();
    expect(writes).toEqual([`POST /api/assistants/${created?.id}/duplicate`]);
    const copy = (await listed()).items.find((item) => item.name === 'Returns helper (copy)');
    if (!copy || !created) throw new Error('the copy is missing');
    expect(copy.greeting).toBe(created.greeting);
    expect(copy.publicKey).not.toBe(created.publicKey);
    expect(await copyCard.getByLabel('Embed snippet').inputValue()).toContain(copy.publicKey);

    // The Messenger page answers with the copy: deleting it is refused, naming the page.
    await assignPage(copy.id);
    writes.length = 0;
    const remove = copyCard.getByRole('button', { name: 'Delete Returns helper (copy)' });
    await remove.click();
    const confirm = page.getByRole('dialog', { name: 'Delete “Returns helper (copy)”?' });
    await confirm.getByRole('button', { name: 'Delete assistant' }).click();
    const refusal = confirm.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(`“${PAGE.name}”`);
    expect(writes).toEqual([`DELETE /api/assistants/${copy.id}`]);
    expect((await listed()).items.map((item) => item.id)).toContain(copy.id);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(() => hasFocus(remove)).toBe(true);

    // Once the page answers with another assistant, the copy can go.
    await assignPage(pageAssistant);
    await remove.click();
    await confirm.getByRole('button', { name: 'Delete assistant' }).click();
    await confirm.waitFor({ state: 'detached' });
    await copyCard.waitFor({ state: 'detached' });
    await page.getByText('“Returns helper (copy)” was deleted.', { exact: false }).waitFor();
    const after = (await listed()).items.map((item) => item.id);
    expect(after).not.toContain(copy.id);
    expect(after).toContain(created.id);
    const widget = await fetch(`${parley.url}/api/widget/config?key=${copy.publicKey}`);
    expect(widget.status).toBe(404);
  });

  it('shows settings read-only to an agent, who cannot change them', async () => {
    const { cookie: adminCookie, csrfToken } = await demoLogin(parley.url);
    const created = await fetch(`${parley.url}/api/users`, {
      method: 'POST',
      headers: {
        cookie: adminCookie,
        'x-csrf-token': csrfToken,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        email: 'agnes@parley.local',
        name: 'Agnes Agent',
        password: 'amber-fjord-lantern',
        role: 'agent',
      }),
    });
    expect(created.status).toBe(201);

    const context = await browser.newContext();
    const agentPage = await context.newPage();
    await agentPage.goto(`${parley.url}/settings/channels`);
    await agentPage.getByLabel('Email').fill('agnes@parley.local');
    await agentPage.getByLabel('Password').fill('amber-fjord-lantern');
    await agentPage.getByRole('button', { name: 'Sign in' }).click();
    await agentPage.getByText('View only.').first().waitFor({ timeout: 10_000 });
    expect(await agentPage.getByRole('button', { name: 'Connect a channel' }).count()).toBe(0);
    await context.close();
  });

  it('adds an agent on the Team page, then creates an API key that works until it is revoked', async () => {
    const settingsNav = page.getByRole('navigation', { name: 'Settings' });
    await settingsNav.getByRole('link', { name: 'Team' }).click();
    await page.getByRole('heading', { name: 'Team', level: 2 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/settings/team');
    const teammates = page.getByRole('table', { name: 'Teammates' });
    // The signed-in admin is listed, but cannot remove themselves.
    const me = teammates.getByRole('row').filter({ hasText: 'demo@parley.local' });
    await me.getByText('You', { exact: true }).waitFor();
    expect(await me.getByRole('button').count()).toBe(0);
    writes.length = 0;

    await page.getByRole('button', { name: 'Add a teammate', exact: true }).click();
    const form = page.getByRole('form', { name: 'Add a teammate' });
    await form.getByLabel('Name').fill(TEAMMATE.name);
    const email = form.getByLabel('Email');
    await email.fill('demo@parley.local');
    await form.getByLabel(/^Password/).fill(TEAMMATE.password);
    await form.getByRole('radio', { name: 'Agent' }).check();
    await form.getByRole('button', { name: 'Add teammate' }).click();

    // Someone already signs in with that address: the server's 409 sits at the email field.
    const taken = 'Someone in this workspace already signs in with this email.';
    await form.getByText(taken).waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await description(email)).toContain(taken);
    await expect.poll(() => hasFocus(email)).toBe(true);

    await email.fill(TEAMMATE.email);
    await form.getByRole('button', { name: 'Add teammate' }).click();
    await page.getByRole('heading', { name: `${TEAMMATE.name} was added` }).waitFor();
    const row = teammates.getByRole('row').filter({ hasText: TEAMMATE.email });
    await row.getByText('Agent', { exact: true }).waitFor();
    expect(writes).toEqual(['POST /api/users', 'POST /api/users']);
    const users = (await getJson<{ items: TeammateView[] }>('/api/users')).body.items;
    expect(users).toContainEqual(
      expect.objectContaining({ email: TEAMMATE.email, name: TEAMMATE.name, role: 'agent' }),
    );
    const signIn = await fetch(`${parley.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: TEAMMATE.email, password: TEAMMATE.password }),
    });
    expect(signIn.status).toBe(200);
    await page.getByRole('button', { name: 'Done' }).click();

    writes.length = 0;
    await settingsNav.getByRole('link', { name: 'API keys' }).click();
    await page.getByRole('heading', { name: 'API keys', level: 2 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/settings/api-keys');
    await page.getByRole('button', { name: 'Create an API key', exact: true }).click();
    const keyForm = page.getByRole('form', { name: 'Create an API key' });
    await keyForm.getByLabel('Name').fill('E2E script');
    await keyForm.getByRole('radio', { name: 'Agent' }).check();
    await keyForm.getByRole('button', { name: 'Create key' }).click();

    // Shown once, with the warning, and it works as a bearer token.
    const keyField = page.getByLabel('API key', { exact: true });
    const key = await keyField.inputValue();
    expect(key).toMatch(/^prl_/);
    await page.getByText('Copy the key now: it will not be shown again.').waitFor();
    expect(writes).toEqual(['POST /api/api-keys']);
    const withKey = () =>
      fetch(`${parley.url}/api/conversations`, { headers: { authorization: `Bearer ${key}` } });
    expect((await withKey()).status).toBe(200);

    await page.getByRole('button', { name: 'Done' }).click();
    await keyField.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(key);
    const keyRow = page
      .getByRole('table', { name: 'API keys' })
      .getByRole('row')
      .filter({ hasText: 'E2E script' });
    expect(await keyRow.textContent()).toContain(`${key.slice(0, 10)}…`);
    const listed = (await getJson<{ items: ApiKeyView[] }>('/api/api-keys')).body.items.find(
      (item) => item.name === 'E2E script',
    );
    expect(listed).toMatchObject({ role: 'agent', prefix: key.slice(0, 10), revokedAt: null });

    // Revoking asks first; cancelling sends nothing and returns to the button.
    writes.length = 0;
    const revoke = keyRow.getByRole('button', { name: 'Revoke E2E script' });
    await revoke.click();
    const confirm = page.getByRole('dialog', { name: 'Revoke “E2E script”?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(() => hasFocus(revoke)).toBe(true);
    expect(writes).toEqual([]);
    expect((await withKey()).status).toBe(200);

    await revoke.click();
    await confirm.getByRole('button', { name: 'Revoke key' }).click();
    await confirm.waitFor({ state: 'detached' });
    await keyRow.getByText(/^Revoked/).waitFor();
    expect(writes).toEqual([`DELETE /api/api-keys/${listed?.id}`]);
    expect((await withKey()).status).toBe(401);
  });
});
