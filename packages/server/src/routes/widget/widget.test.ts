import { randomUUID } from 'node:crypto';
import type { MessageView } from '@parley/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test-support/app.js';
import { connectSse } from '../../test-support/sse.js';

const ORIGIN = 'https://allowed.example';

describe('public widget API', () => {
  let app: TestServer;

  beforeAll(async () => {
    app = await startTestServer('pglite');
  });

  afterAll(async () => {
    await app.close();
  });

  const post = (path: string, body: Record<string, unknown>, origin = ORIGIN) =>
    fetch(`${app.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ key: app.assistant.publicKey, ...body }),
    });

  it('gives the assistant name, greeting and suggested questions', async () => {
    const response = await fetch(`${app.url}/api/widget/config?key=${app.assistant.publicKey}`, {
      headers: { origin: ORIGIN },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(await response.json()).toMatchObject({
      assistant: { name: 'Tess', greeting: 'Hello from Tess.' },
    });
  });

  it('refuses pages whose origin is not on the allowed list', async () => {
    const response = await post(
      '/api/widget/session',
      { visitorId: randomUUID() },
      'https://evil.example',
    );
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
      /not allowed/,
    );
  });

  it('refuses an unknown key with a clear error', async () => {
    const response = await post('/api/widget/session', { key: 'pk_nope', visitorId: randomUUID() });
    expect(response.status).toBe(404);
  });

  it('keeps one conversation per visitor across sessions (reloads)', async () => {
    const visitorId = randomUUID();
    const first = (await (await post('/api/widget/session', { visitorId })).json()) as {
      conversationId: string;
    };
    await post('/api/widget/messages', {
      visitorId,
      text: 'Hello?',
      clientMessageId: randomUUID(),
    });
    const second = (await (await post('/api/widget/session', { visitorId })).json()) as {
      conversationId: string;
      messages: MessageView[];
    };
    expect(second.conversationId).toBe(first.conversationId);
    expect(second.messages.map((message) => message.text)).toContain('Hello?');
  });

  it('stores a retried send (same clientMessageId) once', async () => {
    const visitorId = randomUUID();
    const clientMessageId = randomUUID();
    const a = (await (
      await post('/api/widget/messages', { visitorId, text: 'Once', clientMessageId })
    ).json()) as MessageView;
    const b = (await (
      await post('/api/widget/messages', { visitorId, text: 'Once', clientMessageId })
    ).json()) as MessageView;
    expect(b.id).toBe(a.id);
    const session = (await (await post('/api/widget/session', { visitorId })).json()) as {
      messages: MessageView[];
    };
    expect(session.messages.filter((message) => message.text === 'Once')).toHaveLength(1);
  });

  it('streams the assistant reply to the visitor, without internal metadata', async () => {
    const visitorId = randomUUID();
    const session = (await (await post('/api/widget/session', { visitorId })).json()) as {
      conversationId: string;
      lastEventId: number;
    };
    const stream = await connectSse(
      `${app.url}/api/widget/stream?key=${app.assistant.publicKey}&visitorId=${visitorId}&conversationId=${session.conversationId}&lastEventId=${session.lastEventId}`,
      { origin: ORIGIN },
    );
    await post('/api/widget/messages', {
      visitorId,
      text: 'Do you have gift cards?',
      clientMessageId: randomUUID(),
    });
    const events = await stream.waitFor(3);
    stream.close();
    const messages = events.map((event) => JSON.parse(event.data) as MessageView);
    expect(messages[0]).toMatchObject({ author: 'contact', text: 'Do you have gift cards?' });
    const reply = messages.find((message) => message.author === 'assistant');
    expect(reply?.text).toContain('Hello from Tess.');
    expect(reply?.metadata).toEqual({});
  });

  it('pauses the AI instead of answering when the visitor asks for a person', async () => {
    const visitorId = randomUUID();
    const sent = (await (
      await post('/api/widget/messages', {
        visitorId,
        text: 'Can I talk to a human please',
        clientMessageId: randomUUID(),
      })
    ).json()) as MessageView;
    const api = await app.login();
    const card = (await (await api(`/api/conversations/${sent.conversationId}`)).json()) as {
      aiPaused: boolean;
      aiPausedReason: string;
    };
    expect(card).toMatchObject({
      aiPaused: true,
      aiPausedReason: 'Customer asked for a person: "Can I talk to a human please"',
    });
    const jobs = await app.server.context.db
      .selectFrom('jobs')
      .select('id')
      .where('dedupe_key', '=', `reply:${sent.conversationId}`)
      .execute();
    expect(jobs).toEqual([]);
  });

  it('rejects a malformed body with a 400 and says why', async () => {
    const response = await post('/api/widget/messages', {
      visitorId: 'short',
      text: '',
      clientMessageId: 'x',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'invalid_request',
    );
  });
});
