import { connect } from 'node:net';
import type { ChannelKind } from '@parley/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../commands/ingest.js';
import { createChannel } from '../commands/workspaces.js';
import { OPERATOR_STREAMS_PER_CREDENTIAL } from '../routes/stream/stream.js';
import { type ApiClient, startTestServer, type TestServer } from '../test-support/app.js';
import { BACKENDS } from '../test-support/db.js';
import { inboundMessage } from '../test-support/inbound.js';
import { connectSse } from '../test-support/sse.js';
import { MAX_REPLAY_EVENTS } from './sse.js';

describe.each(BACKENDS)('live stream on %s', (backend) => {
  let app: TestServer;
  let api: ApiClient;
  let cookie: string;
  let channel: { id: string; workspaceId: string; kind: ChannelKind; assistantId: null };

  beforeAll(async () => {
    app = await startTestServer(backend, { streamPingMs: 100 });
    api = await app.login();
    const response = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(app.operator),
    });
    cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const row = await createChannel(
      app.server.context.db,
      app.server.context.secretBox,
      app.workspaceId,
      {
        kind: 'messenger',
        name: 'Page',
      },
    );
    channel = { id: row.id, workspaceId: app.workspaceId, kind: 'messenger', assistantId: null };
  });

  afterAll(async () => {
    await app.close();
  });

  const ingestTexts = (texts: string[]) =>
    Promise.all(
      texts.map((text) =>
        ingest(app.server.context.db, channel, [inboundMessage({ threadKey: text, text })]),
      ),
    );

  it('refuses the stream without a session', async () => {
    const response = await fetch(`${app.url}/api/stream`);
    expect(response.status).toBe(401);
  });

  it('resumes after Last-Event-ID with exactly the missed events, in order', async () => {
    const first = await connectSse(`${app.url}/api/stream`, { cookie });
    await ingestTexts(['one', 'two', 'three']);
    // Each new thread announces its message and its conversation.
    const seen = await first.waitFor(6);
    first.close();
    const lastSeen = seen.at(-1)?.id ?? '';

    await ingestTexts(['four', 'five']);
    const resumed = await connectSse(`${app.url}/api/stream`, {
      cookie,
      'last-event-id': lastSeen,
    });
    const missed = await resumed.waitFor(4);
    await new Promise((resolve) => setTimeout(resolve, 300));
    resumed.close();

    expect(resumed.events.length).toBe(4);
    const ids = missed.map((event) => Number(event.id));
    expect(ids).toEqual([
      Number(lastSeen) + 1,
      Number(lastSeen) + 2,
      Number(lastSeen) + 3,
      Number(lastSeen) + 4,
    ]);
    const texts = missed
      .filter((event) => event.event === 'message.created')
      .map((event) => (JSON.parse(event.data) as { text: string }).text)
      .sort();
    expect(texts).toEqual(['five', 'four']);
  });

  it('tells a client resuming from too far back to reload instead of replaying', async () => {
    const first = await connectSse(`${app.url}/api/stream`, { cookie });
    await ingestTexts(['before the gap']);
    const [seen] = await first.waitFor(1);
    first.close();
    const burst = Array.from({ length: MAX_REPLAY_EVENTS / 2 + 1 }, (_, index) =>
      inboundMessage({ threadKey: 'burst', text: `burst ${index}` }),
    );
    await ingest(app.server.context.db, channel, burst);

    const resumed = await connectSse(`${app.url}/api/stream`, {
      cookie,
      'last-event-id': seen?.id ?? '',
    });
    await ingestTexts(['after the reload']);
    const [resync, next] = await resumed.waitFor(2);
    resumed.close();
    expect(resync?.event).toBe('resync');
    expect(Number(resync?.id)).toBeGreaterThan(Number(seen?.id) + MAX_REPLAY_EVENTS);
    // Nothing of the burst is replayed: the stream carries on from now.
    expect(JSON.parse(next?.data ?? '{}')).toMatchObject({ text: 'after the reload' });
    await expect.poll(() => app.server.hub.subscriberCount).toBe(0);
  });

  it('caps open streams per login with a clear 429, and frees slots as streams close', async () => {
    const login = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(app.operator),
    });
    const ownCookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const open = await Promise.all(
      Array.from({ length: OPERATOR_STREAMS_PER_CREDENTIAL }, () =>
        connectSse(`${app.url}/api/stream`, { cookie: ownCookie }),
      ),
    );
    const refused = await fetch(`${app.url}/api/stream`, { headers: { cookie: ownCookie } });
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({
      error: { code: 'too_many_streams', message: expect.stringMatching(/live streams open/) },
    });
    // Another login of the same operator is counted on its own.
    const other = await connectSse(`${app.url}/api/stream`, { cookie });
    other.close();
    open[0]?.close();
    await expect
      .poll(async () => {
        const retry = await fetch(`${app.url}/api/stream`, { headers: { cookie: ownCookie } });
        await retry.body?.cancel();
        return retry.status;
      })
      .toBe(200);
    for (const stream of open) stream.close();
    await expect.poll(() => app.server.hub.subscriberCount).toBe(0);
  });

  it('leaves no subscription behind when clients hang up, even straight away', async () => {
    const hub = app.server.hub;
    const before = hub.subscriberCount;
    // Hang-ups spread over the first milliseconds land while the route is still checking the
    // session and reading the cursor.
    const { port } = new URL(app.url);
    await Promise.all(
      Array.from({ length: 30 }, async (_, index) => {
        const socket = connect(Number(port), '127.0.0.1');
        await new Promise((resolve) => socket.once('connect', resolve));
        socket.write(`GET /api/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${cookie}\r\n\r\n`);
        await new Promise((resolve) => setTimeout(resolve, index / 3));
        socket.destroy();
      }),
    );
    const open = await connectSse(`${app.url}/api/stream`, { cookie });
    open.close();
    await expect.poll(() => hub.subscriberCount, { timeout: 5000 }).toBe(before);
  });

  it('ends a live stream once its session is logged out', async () => {
    const login = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(app.operator),
    });
    const ownCookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const stream = await connectSse(`${app.url}/api/stream`, { cookie: ownCookie });
    await fetch(`${app.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: ownCookie, 'x-csrf-token': csrfToken },
    });
    await expect(
      Promise.race([
        stream.ended.then(() => 'ended'),
        new Promise((resolve) => setTimeout(resolve, 5000, 'open')),
      ]),
    ).resolves.toBe('ended');
  });

  it('streams operator actions live (pause shows up as a conversation update)', async () => {
    const [[outcome]] = await Promise.all([
      ingest(app.server.context.db, channel, [inboundMessage({ threadKey: 'pause-me' })]),
    ]);
    if (outcome?.status !== 'created') throw new Error('setup failed');
    const stream = await connectSse(`${app.url}/api/stream`, { cookie });
    const response = await api(`/api/conversations/${outcome.conversationId}/pause`, {
      method: 'POST',
      body: {},
    });
    expect(response.status).toBe(200);
    const [event] = await stream.waitFor(1);
    stream.close();
    expect(event?.event).toBe('conversation.updated');
    expect(JSON.parse(event?.data ?? '{}')).toMatchObject({
      id: outcome.conversationId,
      aiPaused: true,
    });
  });
});
