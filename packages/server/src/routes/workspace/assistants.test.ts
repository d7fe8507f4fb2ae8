import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAiCompatibleProvider } from '../../ai/openai-compatible-provider.js';
import { createChannel } from '../../commands/workspaces.js';
import { type ApiClient, startTestServer, type TestServer } from '../../test-support/app.js';
import { BACKENDS } from '../../test-support/db.js';

interface AssistantView {
  id: string;
  name: string;
  instructions: string;
  publicKey: string;
  greeting: string;
  suggestedQuestions: string[];
  allowedOrigins: string[];
  shareUrl: string;
  model: { name: string | null; temperature: number | null } | null;
}

interface ErrorBody {
  error: { code: string; message: string; channels?: { id: string; name: string }[] };
}

const AGENT_PASSWORD = 'orbit-kettle-42-quiet';

async function auditActions(app: TestServer, targetId: string) {
  const rows = await app.server.context.db
    .selectFrom('audit_log')
    .select(['action', 'target_label', 'details'])
    .where('workspace_id', '=', app.workspaceId)
    .where('target_id', '=', targetId)
    .orderBy('at')
    .execute();
  return rows;
}

/** A visitor writes to the assistant's website widget (creating its channel). */
function visitorWrites(app: TestServer, publicKey: string, text = 'Hello?') {
  return fetch(`${app.url}/api/widget/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'https://allowed.example' },
    body: JSON.stringify({
      key: publicKey,
      visitorId: randomUUID(),
      text,
      clientMessageId: randomUUID(),
    }),
  });
}

describe('creating, duplicating and editing assistants', () => {
  let app: TestServer;
  let admin: ApiClient;
  let agent: ApiClient;

  beforeAll(async () => {
    app = await startTestServer('pglite');
    admin = await app.login();
    const email = `agent-${randomUUID()}@test.local`;
    const added = await admin('/api/users', {
      body: { email, name: 'Agnes', password: AGENT_PASSWORD, role: 'agent' },
    });
    expect(added.status).toBe(201);
    agent = await app.login(email, AGENT_PASSWORD);
  });

  afterAll(async () => {
    await app.close();
  });

  it('lets agents read assistants, and says model settings are off without a model', async () => {
    const response = await agent('/api/assistants');
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      items: AssistantView[];
      modelSettingsAvailable: boolean;
    };
    expect(body.modelSettingsAvailable).toBe(false);
    expect(body.items.map((item) => item.name)).toContain('Tess');
    expect(body.items[0]?.model).toBeNull();
  });

  it('refuses every change from an agent', async () => {
    const id = app.assistant.id;
    expect((await agent('/api/assistants', { body: { name: 'Nope' } })).status).toBe(403);
    expect((await agent(`/api/assistants/${id}/duplicate`, { method: 'POST' })).status).toBe(403);
    expect((await agent(`/api/assistants/${id}`, { method: 'DELETE' })).status).toBe(403);
    expect((await agent(`/api/assistants/${id}`, { method: 'PATCH', body: {} })).status).toBe(403);
  });

  it('creates an assistant with a new public key and share link, and records it', async () => {
    const response = await admin('/api/assistants', {
      body: { name: '  Nova ', suggestedQuestions: ['Do you ship abroad?'] },
    });
    expect(response.status).toBe(201);
    const nova = (await response.json()) as AssistantView;
    expect(nova).toMatchObject({
      name: 'Nova',
      greeting: "Hi! I'm Nova. How can I help?",
      suggestedQuestions: ['Do you ship abroad?'],
      allowedOrigins: ['*'],
      model: null,
    });
    expect(nova.publicKey).toMatch(/^pk_/);
    expect(nova.publicKey).not.toBe(app.assistant.publicKey);
    expect(nova.shareUrl).toMatch(/^\/c\/nova-[0-9a-f]{6}$/);
    const widget = await fetch(`${app.url}/api/widget/config?key=${nova.publicKey}`);
    expect(((await widget.json()) as { assistant: { name: string } }).assistant.name).toBe('Nova');
    expect(await auditActions(app, nova.id)).toEqual([
      expect.objectContaining({ action: 'assistant.created', target_label: 'Nova' }),
    ]);
  });

  it('refuses a new assistant without a name, or with a NUL in it', async () => {
    const missing = await admin('/api/assistants', { body: { greeting: 'Hi' } });
    expect(missing.status).toBe(400);
    const blank = await admin('/api/assistants', { body: { name: '   ' } });
    expect(blank.status).toBe(400);
    const nul = await admin('/api/assistants', { body: { name: 'No\u0000va' } });
    expect(nul.status).toBe(400);
    expect(((await nul.json()) as ErrorBody).error.message).toMatch(/NUL/);
  });

  it('stores model settings, and clears them with empty values', async () => {
    const path = `/api/assistants/${app.assistant.id}`;
    const set = await admin(path, {
      method: 'PATCH',
      body: { model: { name: ' gpt-4o ', temperature: 0.3 } },
    });
    expect(set.status).toBe(200);
    expect(((await set.json()) as AssistantView).model).toEqual({
      name: 'gpt-4o',
      temperature: 0.3,
    });
    const onlyTemperature = await admin(path, {
      method: 'PATCH',
      body: { model: { name: '', temperature: 1 } },
    });
    expect(((await onlyTemperature.json()) as AssistantView).model).toEqual({
      name: null,
      temperature: 1,
    });
    for (const temperature of [-0.1, 2.5]) {
      const bad = await admin(path, { method: 'PATCH', body: { model: { temperature } } });
      expect(bad.status).toBe(400);
    }
    const cleared = await admin(path, { method: 'PATCH', body: { model: { name: '' } } });
    expect(((await cleared.json()) as AssistantView).model).toBeNull();
    const audit = await auditActions(app, app.assistant.id);
    expect(audit.at(-1)).toMatchObject({
      action: 'assistant.updated',
      details: { fields: ['model'] },
    });
  });

  it('duplicates an assistant: same settings, new name, key and share link', async () => {
    await admin(`/api/assistants/${app.assistant.id}`, {
      method: 'PATCH',
      body: {
        instructions: 'Only talk about tea.',
        suggestedQuestions: ['Green or black?'],
        model: { name: 'gpt-4o-mini', temperature: 0.2 },
      },
    });
    const first = await admin(`/api/assistants/${app.assistant.id}/duplicate`, { method: 'POST' });
    expect(first.status).toBe(201);
    const copy = (await first.json()) as AssistantView;
    expect(copy).toMatchObject({
      name: 'Tess (copy)',
      instructions: 'Only talk about tea.',
      greeting: 'Hello from Tess.',
      suggestedQuestions: ['Green or black?'],
      allowedOrigins: ['https://allowed.example'],
      model: { name: 'gpt-4o-mini', temperature: 0.2 },
    });
    expect(copy.id).not.toBe(app.assistant.id);
    expect(copy.publicKey).not.toBe(app.assistant.publicKey);
    expect(copy.shareUrl).not.toBe(`/c/${app.assistant.shareSlug}`);

    const second = await admin(`/api/assistants/${app.assistant.id}/duplicate`, {
      method: 'POST',
    });
    expect(((await second.json()) as AssistantView).name).toBe('Tess (copy 2)');
    expect(await auditActions(app, copy.id)).toEqual([
      expect.objectContaining({
        action: 'assistant.duplicated',
        target_label: 'Tess (copy)',
        details: { sourceId: app.assistant.id, sourceName: 'Tess' },
      }),
    ]);
    const unknown = await admin(`/api/assistants/${randomUUID()}/duplicate`, { method: 'POST' });
    expect(unknown.status).toBe(404);
  });
});

describe.each(BACKENDS)('deleting assistants (%s)', (backend) => {
  let app: TestServer;
  let admin: ApiClient;

  beforeAll(async () => {
    app = await startTestServer(backend);
    admin = await app.login();
  });

  afterAll(async () => {
    await app.close();
  });

  const create = async (name: string) =>
    (await (await admin('/api/assistants', { body: { name } })).json()) as AssistantView;
  const remove = (id: string) => admin(`/api/assistants/${id}`, { method: 'DELETE' });

  it('deletes an unused assistant, its unused widget channel with it, and records it', async () => {
    const idle = await create('Idle');
    // A visitor opened the chat but never wrote: the session creates nothing; a channel that
    // was created and emptied is the assistant's own and goes with it.
    const { db } = app.server.context;
    await db
      .insertInto('channels')
      .values({
        workspace_id: app.workspaceId,
        kind: 'share_link',
        name: 'Share link · Idle',
        assistant_id: idle.id,
      })
      .execute();
    expect((await remove(idle.id)).status).toBe(204);
    const left = await db
      .selectFrom('channels')
      .select('id')
      .where('name', '=', 'Share link · Idle')
      .execute();
    expect(left).toEqual([]);
    const list = (await (await admin('/api/assistants')).json()) as { items: AssistantView[] };
    expect(list.items.map((item) => item.id)).not.toContain(idle.id);
    expect(await auditActions(app, idle.id)).toContainEqual(
      expect.objectContaining({
        action: 'assistant.deleted',
        target_label: 'Idle',
        details: { channelsRemoved: 1 },
      }),
    );
    expect((await remove(idle.id)).status).toBe(404);
  });

  it('refuses while channels use it, naming them, and deletes once they moved on', async () => {
    const busy = await create('Busy');
    const { db, secretBox } = app.server.context;
    const page = await createChannel(db, secretBox, app.workspaceId, {
      kind: 'messenger',
      name: 'Acme Page',
      assistantId: busy.id,
    });
    expect((await visitorWrites(app, busy.publicKey)).status).toBeLessThan(300);

    const refused = await remove(busy.id);
    expect(refused.status).toBe(409);
    const body = (await refused.json()) as ErrorBody;
    expect(body.error.code).toBe('assistant_in_use');
    expect(body.error.message).toContain('“Acme Page”');
    expect(body.error.message).toContain('“Website widget · Busy”');
    expect(body.error.channels?.map((channel) => channel.name)).toEqual([
      'Acme Page',
      'Website widget · Busy',
    ]);

    // The page moves to another assistant; the widget (it has a conversation) to none.
    await admin(`/api/channels/${page.id}/rules`, {
      method: 'PUT',
      body: { assistantId: app.assistant.id },
    });
    const refusedAgain = (await (await remove(busy.id)).json()) as ErrorBody;
    expect(refusedAgain.error.channels?.map((channel) => channel.name)).toEqual([
      'Website widget · Busy',
    ]);
    const widget = body.error.channels?.find((channel) => channel.name !== 'Acme Page');
    await admin(`/api/channels/${widget?.id}/rules`, {
      method: 'PUT',
      body: { assistantId: null },
    });
    expect((await remove(busy.id)).status).toBe(204);

    // The conversation stays in the inbox, without an assistant.
    const conversations = await db
      .selectFrom('conversations')
      .select(['assistant_id'])
      .where('channel_id', '=', widget?.id ?? '')
      .execute();
    expect(conversations).toEqual([{ assistant_id: null }]);
  });
});

describe('model settings with a configured model', () => {
  let app: TestServer;
  let admin: ApiClient;
  let model: Server;
  const received: { model: string; temperature?: number }[] = [];

  beforeAll(async () => {
    // A local stand-in of an OpenAI-compatible endpoint.
    model = createHttpServer(async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      // Replies only, not the conversation analysis (which also asks for JSON).
      if (body.response_format?.json_schema?.name !== 'conversation_analysis') received.push(body);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          id: 'chatcmpl-1',
          object: 'chat.completion',
          choices: [{ index: 0, message: { role: 'assistant', content: 'We ship everywhere.' } }],
        }),
      );
    });
    await new Promise<void>((resolve) => model.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(model.address() as AddressInfo).port}/v1`;
    app = await startTestServer('pglite', {
      jobPollMs: 50,
      provider: new OpenAiCompatibleProvider({ baseUrl, model: 'server-default' }),
    });
    admin = await app.login();
  });

  afterAll(async () => {
    await app.close();
    await new Promise<void>((resolve) => model.close(() => resolve()));
  });

  it("says model settings are available, and replies with the assistant's model and temperature", async () => {
    const list = (await (await admin('/api/assistants')).json()) as {
      modelSettingsAvailable: boolean;
    };
    expect(list.modelSettingsAvailable).toBe(true);

    await admin(`/api/assistants/${app.assistant.id}`, {
      method: 'PATCH',
      body: { model: { name: 'assistant-model', temperature: 0.7 } },
    });
    expect((await visitorWrites(app, app.assistant.publicKey, 'Do you ship?')).ok).toBe(true);
    await expect.poll(() => received.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(received[0]).toMatchObject({ model: 'assistant-model', temperature: 0.7 });

    // Without settings, the server's model and no temperature.
    await admin(`/api/assistants/${app.assistant.id}`, { method: 'PATCH', body: { model: null } });
    received.length = 0;
    await visitorWrites(app, app.assistant.publicKey, 'And returns?');
    await expect.poll(() => received.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(received[0]?.model).toBe('server-default');
    expect(received[0]).not.toHaveProperty('temperature');
  });
});
