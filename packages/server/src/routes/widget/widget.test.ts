import { randomUUID } from 'node:crypto';
import type { MessageView } from '@parley/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealVisitorCursor } from '../../live/visitor-cursor.js';
import { startTestServer, type TestServer } from '../../test-support/app.js';
import { connectSse, type SseConnection } from '../../test-support/sse.js';
import { VISITOR_STREAMS_PER_VISITOR } from './visitor-stream.js';

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

  interface Session {
    conversationId: string | null;
    lastEventId: string;
    messages: MessageView[];
  }

  const openSession = async (visitorId: string) =>
    (await (await post('/api/widget/session', { visitorId })).json()) as Session;

  const send = async (visitorId: string, text: string) =>
    (await (
      await post('/api/widget/messages', { visitorId, text, clientMessageId: randomUUID() })
    ).json()) as MessageView;

  const streamUrl = (visitorId: string, conversationId: string, lastEventId?: string) =>
    `${app.url}/api/widget/stream?${new URLSearchParams({
      key: app.assistant.publicKey,
      visitorId,
      conversationId,
      ...(lastEventId ? { lastEventId } : {}),
    })}`;

  const rowCounts = async () => {
    const db = app.server.context.db;
    const count = async (table: 'contacts' | 'conversations' | 'channels') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .where('workspace_id', '=', app.workspaceId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      contacts: await count('contacts'),
      conversations: await count('conversations'),
      channels: await count('channels'),
    };
  };

  it('opens sessions without writing anything; the first message starts the conversation', async () => {
    const before = await rowCounts();
    const visitors = Array.from({ length: 30 }, () => randomUUID());
    const sessions = await Promise.all(visitors.map(openSession));
    expect(sessions.every((session) => session.conversationId === null)).toBe(true);
    expect(sessions.every((session) => session.messages.length === 0)).toBe(true);
    expect(await rowCounts()).toEqual(before);

    const [first] = visitors;
    if (!first) throw new Error('no visitor');
    const sent = await send(first, 'Hello?');
    const after = await rowCounts();
    expect(after.contacts).toBe(before.contacts + 1);
    expect(after.conversations).toBe(before.conversations + 1);
    const again = await openSession(first);
    expect(again.conversationId).toBe(sent.conversationId);
  });

  it('keeps one conversation per visitor across sessions (reloads)', async () => {
    const visitorId = randomUUID();
    const sent = await send(visitorId, 'Hello?');
    await send(visitorId, 'Anyone there?');
    const second = await openSession(visitorId);
    expect(second.conversationId).toBe(sent.conversationId);
    expect(second.messages.map((message) => message.text)).toEqual(
      expect.arrayContaining(['Hello?', 'Anyone there?']),
    );
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
    const session = await openSession(visitorId);
    expect(session.messages.filter((message) => message.text === 'Once')).toHaveLength(1);
  });

  it('streams the assistant reply to the visitor, from the session opened before the first message', async () => {
    const visitorId = randomUUID();
    const session = await openSession(visitorId);
    const sent = await send(visitorId, 'Do you have gift cards?');
    const stream = await connectSse(
      streamUrl(visitorId, sent.conversationId, session.lastEventId),
      {
        origin: ORIGIN,
      },
    );
    const events = await stream.waitFor(3);
    stream.close();
    const messages = events.map((event) => JSON.parse(event.data) as MessageView);
    expect(messages[0]).toMatchObject({ author: 'contact', text: 'Do you have gift cards?' });
    const reply = messages.find((message) => message.author === 'assistant');
    expect(reply?.text).toContain('Hello from Tess.');
    expect(reply?.metadata).toEqual({});
  });

  it('gives visitors opaque cursors, not the workspace event sequence', async () => {
    const visitorId = randomUUID();
    const a = await openSession(visitorId);
    const b = await openSession(visitorId);
    // Sealed with a fresh nonce each time: equal positions look unrelated, nothing is numeric.
    expect(a.lastEventId).not.toMatch(/^\d+$/);
    expect(a.lastEventId).not.toBe(b.lastEventId);
    const sent = await send(visitorId, 'What are your hours?');
    const stream = await connectSse(streamUrl(visitorId, sent.conversationId, a.lastEventId), {
      origin: ORIGIN,
    });
    const events = await stream.waitFor(2);
    stream.close();
    for (const event of events) expect(event.id ?? '').not.toMatch(/^\d+$/);
  });

  it('resumes exactly after a visitor cursor (Last-Event-ID)', async () => {
    const visitorId = randomUUID();
    const session = await openSession(visitorId);
    const sent = await send(visitorId, 'First question');
    const first = await connectSse(streamUrl(visitorId, sent.conversationId, session.lastEventId), {
      origin: ORIGIN,
    });
    const created = (stream: SseConnection) =>
      stream.events
        .filter((event) => event.event === 'message.created')
        .map((event) => JSON.parse(event.data) as MessageView);
    await expect
      .poll(() => created(first).map((message) => message.author))
      .toEqual(['contact', 'assistant']);
    first.close();
    const lastSeen = first.events.at(-1)?.id ?? '';

    await send(visitorId, 'Second question');
    const resumed = await connectSse(streamUrl(visitorId, sent.conversationId), {
      origin: ORIGIN,
      'last-event-id': lastSeen,
    });
    await expect.poll(() => created(resumed).length).toBe(2);
    resumed.close();
    const [question, reply] = created(resumed);
    expect(question?.text).toBe('Second question');
    expect(reply?.author).toBe('assistant');
  });

  it("refuses a cursor sealed for another workspace's stream as a resume point", async () => {
    const visitorId = randomUUID();
    const sent = await send(visitorId, 'Cursor check');
    const foreign = sealVisitorCursor(app.server.context.secretBox, randomUUID(), 0);
    // Not readable here: treated as the oldest cursor, which replays this conversation only.
    const stream = await connectSse(streamUrl(visitorId, sent.conversationId, foreign), {
      origin: ORIGIN,
    });
    const [event] = await stream.waitFor(1);
    stream.close();
    expect(JSON.parse(event?.data ?? '{}')).toMatchObject({ conversationId: sent.conversationId });
  });

  it('caps live streams per visitor with a clear 429', async () => {
    const visitorId = randomUUID();
    const sent = await send(visitorId, 'Many tabs');
    const url = streamUrl(visitorId, sent.conversationId);
    const open = await Promise.all(
      Array.from({ length: VISITOR_STREAMS_PER_VISITOR }, () =>
        connectSse(url, { origin: ORIGIN }),
      ),
    );
    const refused = await fetch(url, { headers: { origin: ORIGIN } });
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'too_many_streams',
    );
    for (const stream of open) stream.close();
    // Closed streams give their slots back.
    await expect
      .poll(async () => {
        const retry = await fetch(url, { headers: { origin: ORIGIN } });
        await retry.body?.cancel();
        return retry.status;
      })
      .toBe(200);
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
