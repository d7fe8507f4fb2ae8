import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../app.js';
import { createChannel, createWorkspace } from '../../commands/workspaces.js';
import { SecretBox } from '../../lib/secrets.js';
import { type ApiClient, startTestServer, type TestServer } from '../../test-support/app.js';
import { openTestStore } from '../../test-support/db.js';

describe('workspace settings API', () => {
  let app: TestServer;
  let api: ApiClient;
  let channelId: string;

  beforeAll(async () => {
    app = await startTestServer('pglite');
    api = await app.login();
    const row = await createChannel(
      app.server.context.db,
      app.server.context.secretBox,
      app.workspaceId,
      {
        kind: 'messenger',
        name: 'Acme Page',
        secrets: { accessToken: 'EAAG-secret-token', appSecret: 'app-secret' },
      },
    );
    channelId = row.id;
  });

  afterAll(async () => {
    await app.close();
  });

  it('lists channels with their rules and never their secrets', async () => {
    const text = await (await api('/api/channels')).text();
    expect(text).not.toContain('EAAG-secret-token');
    expect(text).not.toContain('app-secret');
    const body = JSON.parse(text) as {
      items: { id: string; connected: boolean; rules: { autoReply: boolean } }[];
    };
    expect(body.items[0]).toMatchObject({
      id: channelId,
      connected: true,
      rules: { autoReply: true },
    });
  });

  it('updates channel rules and the answering assistant', async () => {
    const response = await api(`/api/channels/${channelId}/rules`, {
      method: 'PUT',
      body: {
        autoReply: false,
        delayMinSeconds: 5,
        delayMaxSeconds: 30,
        keywords: ['refund'],
        assistantId: app.assistant.id,
      },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      assistantId: app.assistant.id,
      rules: {
        autoReply: false,
        delayMinSeconds: 5,
        delayMaxSeconds: 30,
        keywords: ['refund'],
        autoPause: true,
      },
    });
  });

  it('refuses to give an assistant a second widget channel of a kind with 409, not 500', async () => {
    // The assistant's own website widget channel, as a first visit creates it.
    await createChannel(app.server.context.db, app.server.context.secretBox, app.workspaceId, {
      kind: 'website_widget',
      name: 'Website widget',
      assistantId: app.assistant.id,
    });
    const spare = await api('/api/channels', {
      body: { kind: 'website_widget', name: 'Spare widget', assistantId: null },
    });
    expect(spare.status).toBe(201);
    const { id } = (await spare.json()) as { id: string };
    const moved = await api(`/api/channels/${id}/rules`, {
      method: 'PUT',
      body: { assistantId: app.assistant.id },
    });
    expect(moved.status).toBe(409);
    expect(await moved.json()).toMatchObject({ error: { code: 'channel_exists' } });
  });

  it('rejects delays over 600 seconds or min above max', async () => {
    expect(
      (
        await api(`/api/channels/${channelId}/rules`, {
          method: 'PUT',
          body: { delayMaxSeconds: 601 },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await api(`/api/channels/${channelId}/rules`, {
          method: 'PUT',
          body: { delayMinSeconds: 50, delayMaxSeconds: 10 },
        })
      ).status,
    ).toBe(400);
  });

  it('edits an assistant greeting, suggested questions and allowed origins', async () => {
    const response = await api(`/api/assistants/${app.assistant.id}`, {
      method: 'PATCH',
      body: {
        greeting: 'Howdy!',
        suggestedQuestions: ['Where is my order?'],
        allowedOrigins: ['https://shop.example'],
      },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      greeting: 'Howdy!',
      allowedOrigins: ['https://shop.example'],
    });
    const bad = await api(`/api/assistants/${app.assistant.id}`, {
      method: 'PATCH',
      body: { allowedOrigins: ['not a url'] },
    });
    expect(bad.status).toBe(400);
  });
});

describe('connecting channels', () => {
  let app: TestServer;
  let api: ApiClient;

  beforeAll(async () => {
    app = await startTestServer('pglite');
    api = await app.login();
  });

  afterAll(async () => {
    await app.close();
  });

  const messenger = {
    kind: 'messenger',
    name: 'Acme Page',
    connection: {
      accountId: '102000000000001',
      accessToken: 'EAAG-page-access-token-0123456789',
      appSecret: '0123456789abcdef0123456789abcdef',
      verifyToken: 'verify-me-please',
    },
  };

  it('connects a Messenger page, sealing its secrets', async () => {
    const response = await api('/api/channels', { body: messenger });
    expect(response.status).toBe(201);
    const text = await response.text();
    expect(text).not.toContain('EAAG-page-access-token');
    expect(JSON.parse(text)).toMatchObject({
      kind: 'messenger',
      externalAccountId: '102000000000001',
      connected: true,
    });
    const row = await app.server.context.db
      .selectFrom('channels')
      .select('secrets_encrypted')
      .where('external_account_id', '=', '102000000000001')
      .executeTakeFirstOrThrow();
    expect(row.secrets_encrypted).not.toContain('0123456789abcdef');
  });

  it('refuses the same account twice, and invalid details with the field named', async () => {
    expect((await api('/api/channels', { body: messenger })).status).toBe(409);
    const bad = await api('/api/channels', {
      body: {
        ...messenger,
        connection: { ...messenger.connection, accountId: '2', appSecret: 'nope' },
      },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(
      /accountId.*appSecret/s,
    );
  });

  it('disconnects a channel but keeps it listed for its history', async () => {
    const list = (await (await api('/api/channels')).json()) as {
      items: { id: string; kind: string }[];
    };
    const channel = list.items.find((item) => item.kind === 'messenger');
    expect((await api(`/api/channels/${channel?.id}`, { method: 'DELETE' })).status).toBe(204);
    const after = (await (await api('/api/channels')).json()) as {
      items: { id: string; connected: boolean }[];
    };
    expect(after.items.find((item) => item.id === channel?.id)?.connected).toBe(false);
  });
});

// The jobs these connections schedule must never reach Google from a test: a closed local port.
const LOCAL_GOOGLE = {
  gmailApiBaseUrl: 'http://127.0.0.1:9',
  oauthTokenUrl: 'http://127.0.0.1:9/token',
};

describe('connecting Gmail and Shopify', () => {
  let app: TestServer;
  let api: ApiClient;

  beforeAll(async () => {
    app = await startTestServer('pglite');
    api = await app.login();
  });

  afterAll(async () => {
    await app.close();
  });

  it('connects a Gmail mailbox in push mode, shows its push endpoint once, and schedules the watch', async () => {
    const response = await api('/api/channels', {
      body: {
        kind: 'gmail',
        name: 'Support mailbox',
        connection: {
          emailAddress: 'Support@Acme.example',
          clientId: 'client-id-1234567890.apps.googleusercontent.com',
          clientSecret: 'client-secret-123',
          refreshToken: '1//refresh-token-abcdef',
          ...LOCAL_GOOGLE,
          pubsubTopic: 'projects/acme/topics/gmail',
        },
      },
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as {
      id: string;
      externalAccountId: string;
      webhookUrl: string;
    };
    expect(created.externalAccountId).toBe('support@acme.example');
    expect(created.webhookUrl).toMatch(
      new RegExp(`/webhooks/gmail/${created.id}\\?token=[\\w-]{24,}$`),
    );
    const listed = (await (await api('/api/channels')).json()) as {
      items: { id: string; webhookUrl?: string }[];
    };
    expect(listed.items.find((item) => item.id === created.id)?.webhookUrl).toMatch(
      /\/webhooks\/gmail\/[\w-]+$/,
    );
    const jobs = await app.server.context.db
      .selectFrom('jobs')
      .select(['kind', 'dedupe_key'])
      .execute();
    expect(jobs).toContainEqual({ kind: 'gmail.watch', dedupe_key: `gmail.watch:${created.id}` });
  });

  it('connects a Gmail mailbox without a topic in polling mode', async () => {
    const response = await api('/api/channels', {
      body: {
        kind: 'gmail',
        name: 'Sales mailbox',
        connection: {
          emailAddress: 'sales@acme.example',
          clientId: 'client-id-1234567890.apps.googleusercontent.com',
          clientSecret: 'client-secret-123',
          refreshToken: '1//refresh-token-abcdef',
          ...LOCAL_GOOGLE,
        },
      },
    });
    const created = (await response.json()) as { id: string; webhookUrl?: string };
    expect(created.webhookUrl).toBeUndefined();
    const jobs = await app.server.context.db.selectFrom('jobs').select('dedupe_key').execute();
    expect(jobs).toContainEqual({ dedupe_key: `gmail.poll:${created.id}` });
  });

  it('connects a Shopify store with its app proxy URL', async () => {
    const response = await api('/api/channels', {
      body: {
        kind: 'shopify_widget',
        name: 'Acme store',
        assistantId: app.assistant.id,
        connection: {
          shopDomain: 'Acme-Outdoor.myshopify.com',
          appSecret: 'shpss_0123456789abcdef',
        },
      },
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      externalAccountId: 'acme-outdoor.myshopify.com',
      webhookUrl: expect.stringMatching(/\/shopify\/proxy$/),
      connected: true,
    });
    const bad = await api('/api/channels', {
      body: {
        kind: 'shopify_widget',
        name: 'x',
        connection: { shopDomain: 'acme.com', appSecret: 'short' },
      },
    });
    expect(bad.status).toBe(400);
  });
});

describe('platform API URLs', () => {
  it('refuses custom API hosts unless the server allows them (no calls to internal addresses)', async () => {
    const store = await openTestStore('pglite');
    const server = await createServer({
      store,
      secretBox: new SecretBox('x'),
      paths: { webDist: '/nonexistent', widgetDist: '/nonexistent' },
      logger: false,
      runJobs: false,
    });
    try {
      await createWorkspace(store.db, {
        name: 'Strict',
        admin: { email: 'strict@test.local', name: 'S', password: 'orbit-kettle-42' },
      });
      const login = await server.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'strict@test.local', password: 'orbit-kettle-42' },
      });
      const { csrfToken } = login.json() as { csrfToken: string };
      const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/channels',
        headers: { cookie, 'x-csrf-token': csrfToken },
        payload: {
          kind: 'messenger',
          name: 'Page',
          connection: {
            accountId: '102000000000009',
            accessToken: 'EAAG-page-access-token-0123456789',
            appSecret: '0123456789abcdef0123456789abcdef',
            verifyToken: 'verify-me-please',
            graphApiBaseUrl: 'http://169.254.169.254/latest',
          },
        },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.message).toMatch(/graphApiBaseUrl.*turned off/);
    } finally {
      await server.close();
      await store.dispose();
    }
  });
});
