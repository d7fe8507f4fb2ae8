import type { ConversationCard, MessageView } from '@parley/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../commands/ingest.js';
import { createChannel, createWorkspace } from '../../commands/workspaces.js';
import { type ApiClient, startTestServer, type TestServer } from '../../test-support/app.js';
import { inboundMessage } from '../../test-support/inbound.js';

describe('inbox API', () => {
  let app: TestServer;
  let api: ApiClient;
  let conversationId: string;
  let foreignConversationId: string;

  const seedConversation = async (text: string) => {
    const { db, secretBox } = app.server.context;
    const row = await createChannel(db, secretBox, app.workspaceId, {
      kind: 'website_widget',
      name: 'Site',
    });
    const [outcome] = await ingest(
      db,
      { id: row.id, workspaceId: app.workspaceId, kind: 'website_widget', assistantId: null },
      [inboundMessage({ text })],
    );
    if (outcome?.status !== 'created') throw new Error('seed failed');
    return outcome.conversationId;
  };

  beforeAll(async () => {
    app = await startTestServer('postgres');
    api = await app.login();
    conversationId = await seedConversation('Where is my parcel?');
    // A second workspace on the same database.
    const { workspace } = await createWorkspace(app.server.context.db, {
      name: 'Other',
      admin: { email: 'other-admin@test.local', name: 'Other', password: 'orbit-kettle-42' },
    });
    const { db, secretBox } = app.server.context;
    const row = await createChannel(db, secretBox, workspace.id, { kind: 'gmail', name: 'Mail' });
    const [outcome] = await ingest(
      db,
      { id: row.id, workspaceId: workspace.id, kind: 'gmail', assistantId: null },
      [inboundMessage({ text: 'Secret of the other workspace' })],
    );
    if (outcome?.status !== 'created') throw new Error('seed failed');
    foreignConversationId = outcome.conversationId;
  });

  afterAll(async () => {
    await app.close();
  });

  it('requires a login', async () => {
    expect((await fetch(`${app.url}/api/conversations`)).status).toBe(401);
  });

  it('rejects a wrong password', async () => {
    await expect(app.login(app.operator.email, 'wrong')).rejects.toThrow(/401/);
  });

  it('lists conversation cards, most recent first', async () => {
    const body = (await (await api('/api/conversations')).json()) as { items: ConversationCard[] };
    expect(body.items.map((card) => card.preview)).toEqual(['Where is my parcel?']);
    expect(body.items[0]).toMatchObject({
      channelKind: 'website_widget',
      unreadCount: 1,
      aiPaused: false,
    });
  });

  it('rejects an invalid filter with a clear 400', async () => {
    const response = await api('/api/conversations?channel=fax');
    expect(response.status).toBe(400);
  });

  it('rejects a tampered page cursor with a 400, not a database error', async () => {
    const cursor = Buffer.from(
      JSON.stringify({ at: new Date().toISOString(), id: 'not-a-uuid' }),
    ).toString('base64url');
    const response = await api(`/api/conversations?cursor=${cursor}`);
    expect(response.status).toBe(400);
  });

  it('refuses writes without the CSRF token', async () => {
    const cookieOnly = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(app.operator),
    });
    const cookie = (cookieOnly.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const response = await fetch(`${app.url}/api/conversations/${conversationId}/pause`, {
      method: 'POST',
      headers: { cookie },
    });
    expect(response.status).toBe(403);
  });

  it('sends an operator reply through the channel and marks the thread read', async () => {
    const response = await api(`/api/conversations/${conversationId}/messages`, {
      body: { text: 'It left our warehouse today.' },
    });
    expect(response.status).toBe(201);
    const sent = (await response.json()) as MessageView;
    expect(sent).toMatchObject({ author: 'operator', status: 'queued' });
    let status = sent.status;
    for (let attempt = 0; attempt < 50 && status === 'queued'; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const thread = (await (
        await api(`/api/conversations/${conversationId}/messages`)
      ).json()) as { items: MessageView[] };
      status = thread.items.find((message) => message.id === sent.id)?.status ?? 'queued';
    }
    expect(status).toBe('sent');
    const card = (await (
      await api(`/api/conversations/${conversationId}`)
    ).json()) as ConversationCard;
    expect(card).toMatchObject({ unreadCount: 0, preview: 'It left our warehouse today.' });
  });

  it('pauses and resumes the AI', async () => {
    const paused = (await (
      await api(`/api/conversations/${conversationId}/pause`, { body: {} })
    ).json()) as ConversationCard;
    expect(paused.aiPaused).toBe(true);
    const resumed = (await (
      await api(`/api/conversations/${conversationId}/resume`, { body: {} })
    ).json()) as ConversationCard;
    expect(resumed.aiPaused).toBe(false);
  });

  it("never shows or touches another workspace's conversations", async () => {
    const list = (await (await api('/api/conversations?q=Secret')).json()) as {
      items: ConversationCard[];
    };
    expect(list.items).toEqual([]);
    expect((await api(`/api/conversations/${foreignConversationId}`)).status).toBe(404);
    expect((await api(`/api/conversations/${foreignConversationId}/messages`)).status).toBe(404);
    expect(
      (await api(`/api/conversations/${foreignConversationId}/messages`, { body: { text: 'hi' } }))
        .status,
    ).toBe(404);
    expect(
      (await api(`/api/conversations/${foreignConversationId}/pause`, { body: {} })).status,
    ).toBe(404);
    const otherApi = await app.login('other-admin@test.local', 'orbit-kettle-42');
    const theirs = (await (await otherApi('/api/conversations')).json()) as {
      items: ConversationCard[];
    };
    expect(theirs.items.map((card) => card.preview)).toEqual(['Secret of the other workspace']);
  });

  it('serves an OpenAPI document of the API', async () => {
    const document = (await (await fetch(`${app.url}/api/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/conversations', '/api/widget/messages']),
    );
  });
});
