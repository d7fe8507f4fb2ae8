/**
 * Security regression suite, widget and live streams (issue 7, items 8, 9, 13 and 14), replayed
 * against a real server process on a fresh PostgreSQL database.
 */
import { randomUUID } from 'node:crypto';
import type { MessageView } from '@parley/domain';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { migrationProvider } from '../../packages/server/src/store/migrations.js';
import { createTestDatabase } from '../../packages/server/src/test-support/db.js';
import { connectSse, type SseConnection } from '../../packages/server/src/test-support/sse.js';
import { demoLogin, freePort, type ParleyProcess, startParley } from '../support/parley-process.js';
import { addressOf, connectDatabase, widgetClient } from './widget-support.js';

describe('widget sessions, visitor cursors, first visits and live streams (PostgreSQL)', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: Awaited<ReturnType<typeof connectDatabase>>;
  let parley: ParleyProcess;
  let port: number;
  let workspaceId: string;
  let operator: { cookie: string; csrfToken: string };
  const env = () => ({
    DATABASE_URL: database.databaseUrl,
    PARLEY_SECRET_KEY: 'widget-security-suite',
    PARLEY_DEMO: 'true',
    // Each scenario calls from its own address (X-Forwarded-For), as separate clients would.
    TRUST_PROXY: 'true',
  });
  const streams: SseConnection[] = [];
  const track = (stream: SseConnection) => {
    streams.push(stream);
    return stream;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    port = await freePort();
    parley = await startParley(env(), port);
    db = await connectDatabase(database.databaseUrl);
    const { rows } = await db.client.query<{ id: string }>('SELECT id FROM workspaces');
    workspaceId = rows[0]?.id ?? '';
    operator = await demoLogin(parley.url);
  });

  afterEach(() => {
    for (const stream of streams.splice(0)) stream.close();
  });

  afterAll(async () => {
    await parley?.stop();
    await db?.end();
    await database?.drop();
  });

  it('item 8: anonymous sessions write no rows; the first message creates the conversation', async () => {
    const assistant = await db.newAssistant(workspaceId);
    const widget = widgetClient(parley.url, assistant.publicKey, addressOf(8));
    const before = await db.visitorRows(workspaceId);

    const sessions = await Promise.all(
      Array.from({ length: 50 }, () => widget.session(randomUUID())),
    );
    expect(sessions.every((session) => session.conversationId === null)).toBe(true);
    expect(await db.visitorRows(workspaceId)).toEqual(before);

    const visitorId = randomUUID();
    const sent = await widget.send(visitorId, 'Hello, is anyone there?');
    expect(await db.visitorRows(workspaceId)).toEqual({
      channels: before.channels + 1,
      contacts: before.contacts + 1,
      conversations: before.conversations + 1,
    });
    // A reload finds the thread again.
    const reloaded = await widget.session(visitorId);
    expect(reloaded.conversationId).toBe(sent.conversationId);
    expect(reloaded.messages.map((message) => message.text)).toContain('Hello, is anyone there?');
  });

  it("item 9: visitors get opaque cursors, never the workspace's event sequence", async () => {
    const assistant = await db.newAssistant(workspaceId);
    const widget = widgetClient(parley.url, assistant.publicKey, addressOf(9));
    const visitorId = randomUUID();
    const first = await widget.session(visitorId);
    const second = await widget.session(visitorId);
    // Nothing numeric, and the same position never looks the same twice.
    expect(first.lastEventId).not.toMatch(/^\d+$/);
    expect(first.lastEventId).not.toBe(second.lastEventId);

    const sent = await widget.send(visitorId, 'What are your opening hours?');
    const created = (stream: SseConnection) =>
      stream.events
        .filter((event) => event.event === 'message.created')
        .map((event) => JSON.parse(event.data) as MessageView);
    // Opened after the first message, from the session's cursor: nothing is missed.
    const stream = track(
      await connectSse(widget.streamUrl(visitorId, sent.conversationId, first.lastEventId), {
        ...widget.headers,
      }),
    );
    await expect
      .poll(() => created(stream).map((message) => message.author), { timeout: 15_000 })
      .toEqual(['contact', 'assistant']);
    stream.close();
    for (const event of stream.events) expect(event.id ?? '').not.toMatch(/^\d+$/);

    // Resuming with Last-Event-ID is exact: only what came after.
    await widget.send(visitorId, 'And on Sundays?');
    const resumed = track(
      await connectSse(widget.streamUrl(visitorId, sent.conversationId), {
        ...widget.headers,
        'last-event-id': stream.events.at(-1)?.id ?? '',
      }),
    );
    await expect
      .poll(() => created(resumed).map((message) => message.author), { timeout: 15_000 })
      .toEqual(['contact', 'assistant']);
    resumed.close();
    expect(created(resumed)[0]?.text).toBe('And on Sundays?');
  });

  it('item 13: 20 concurrent first visits to a share link make one channel and unsplit threads', async () => {
    const assistant = await db.newAssistant(workspaceId);
    const widget = widgetClient(parley.url, assistant.publicKey, addressOf(13));
    // 20 visitors arrive and write at once...
    const visitors = Array.from({ length: 20 }, () => randomUUID());
    await Promise.all(visitors.map((visitorId) => widget.session(visitorId, 'share_link')));
    const firsts = await Promise.all(
      visitors.map((visitorId) => widget.send(visitorId, 'Hi there', 'share_link')),
    );
    // ...and one visitor sends 20 messages at once from several tabs.
    const eager = randomUUID();
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, index) => widget.send(eager, `Part ${index}`, 'share_link')),
    );

    const channels = await db.count(
      `SELECT count(*) AS n FROM channels WHERE assistant_id = $1 AND kind = 'share_link'`,
      [assistant.id],
    );
    expect(channels).toBe(1);
    expect(new Set(firsts.map((message) => message.conversationId)).size).toBe(20);
    expect(new Set(burst.map((message) => message.conversationId)).size).toBe(1);
    const session = await widget.session(eager, 'share_link');
    expect(session.messages.filter((message) => message.author === 'contact')).toHaveLength(20);
  });

  it('item 14: live streams are capped per API key, per visitor and per address, with a clear 429', async () => {
    const operatorPost = (path: string, body: unknown) =>
      fetch(`${parley.url}${path}`, {
        method: 'POST',
        headers: {
          cookie: operator.cookie,
          'x-csrf-token': operator.csrfToken,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      });
    const newKey = async () => {
      const response = await operatorPost('/api/api-keys', { name: 'Streams', role: 'agent' });
      expect(response.status).toBe(201);
      return ((await response.json()) as { key: string }).key;
    };
    const operatorStream = (key: string, address: string) =>
      connectSse(`${parley.url}/api/stream`, {
        authorization: `Bearer ${key}`,
        'x-forwarded-for': address,
      });
    const refusal = async (response: Response) => ({
      status: response.status,
      body: (await response.json()) as { error: { code: string; message: string } },
    });

    // One API key: 10 streams, then a 429 that says why.
    const key = await newKey();
    for (let index = 0; index < 10; index += 1) {
      track(await operatorStream(key, addressOf(140)));
    }
    const eleventh = await fetch(`${parley.url}/api/stream`, {
      headers: { authorization: `Bearer ${key}`, 'x-forwarded-for': addressOf(141) },
    });
    expect(await refusal(eleventh)).toMatchObject({
      status: 429,
      body: { error: { code: 'too_many_streams', message: expect.stringMatching(/API key/) } },
    });

    // One address with many keys: 50 streams, then a 429.
    const keys = await Promise.all(Array.from({ length: 6 }, newKey));
    for (const each of keys.slice(0, 5)) {
      for (let count = 0; count < 10; count += 1) {
        track(await operatorStream(each, addressOf(142)));
      }
    }
    const crowded = await fetch(`${parley.url}/api/stream`, {
      headers: { authorization: `Bearer ${keys[5]}`, 'x-forwarded-for': addressOf(142) },
    });
    expect(await refusal(crowded)).toMatchObject({
      status: 429,
      body: { error: { code: 'too_many_streams', message: expect.stringMatching(/address/) } },
    });

    // Visitors: 5 streams per visitor, 20 per address.
    const assistant = await db.newAssistant(workspaceId);
    const widget = widgetClient(parley.url, assistant.publicKey, addressOf(143));
    const visitorIds = Array.from({ length: 21 }, () => randomUUID());
    const conversations = await Promise.all(
      visitorIds.map(async (visitorId) => (await widget.send(visitorId, 'Hello')).conversationId),
    );
    const visitorStream = (index: number) =>
      fetch(widget.streamUrl(visitorIds[index] ?? '', conversations[index] ?? ''), {
        headers: widget.headers,
      });
    for (let count = 0; count < 5; count += 1) {
      track(
        await connectSse(
          widget.streamUrl(visitorIds[0] ?? '', conversations[0] ?? ''),
          widget.headers,
        ),
      );
    }
    expect(await refusal(await visitorStream(0))).toMatchObject({
      status: 429,
      body: { error: { code: 'too_many_streams' } },
    });
    for (let index = 1; index < 16; index += 1) {
      track(
        await connectSse(
          widget.streamUrl(visitorIds[index] ?? '', conversations[index] ?? ''),
          widget.headers,
        ),
      );
    }
    expect(await refusal(await visitorStream(16))).toMatchObject({
      status: 429,
      body: { error: { code: 'too_many_streams' } },
    });
    // Another address is not affected.
    const elsewhere = await fetch(widget.streamUrl(visitorIds[16] ?? '', conversations[16] ?? ''), {
      headers: { 'x-forwarded-for': addressOf(144) },
    });
    expect(elsewhere.status).toBe(200);
    await elsewhere.body?.cancel();
  });

  it('item 14: a resume from far back is not replayed; the client is told to reload', async () => {
    const assistant = await db.newAssistant(workspaceId);
    const widget = widgetClient(parley.url, assistant.publicKey, addressOf(145));
    const visitorId = randomUUID();
    const staleVisitorCursor = (await widget.session(visitorId)).lastEventId;
    const sent = await widget.send(visitorId, 'Before a long absence');
    const staleOperatorCursor = await db.latestSeq(workspaceId);
    // A busy stretch while both were away: 600 events of 16 KB (9.6 MB to replay).
    await db.client.query(
      `WITH taken AS (
         UPDATE workspaces SET event_seq = event_seq + 600 WHERE id = $1 RETURNING event_seq
       )
       INSERT INTO events (workspace_id, seq, type, conversation_id, payload)
       SELECT $1::uuid, taken.event_seq - 600 + n, 'message.updated', $2::uuid,
              jsonb_build_object('id', gen_random_uuid(), 'conversationId', $2::text, 'text', repeat('x', 16000))
       FROM taken, generate_series(1, 600) AS n`,
      [workspaceId, sent.conversationId],
    );

    const operatorStream = track(
      await connectSse(`${parley.url}/api/stream`, {
        cookie: operator.cookie,
        'last-event-id': String(staleOperatorCursor),
        'x-forwarded-for': addressOf(146),
      }),
    );
    const visitorStream = track(
      await connectSse(widget.streamUrl(visitorId, sent.conversationId, staleVisitorCursor), {
        ...widget.headers,
      }),
    );
    await widget.send(visitorId, 'Back again');
    await expect
      .poll(() => visitorStream.events.some((event) => event.data.includes('Back again')), {
        timeout: 15_000,
      })
      .toBe(true);
    await expect
      .poll(() => operatorStream.events.some((event) => event.data.includes('Back again')), {
        timeout: 15_000,
      })
      .toBe(true);
    for (const stream of [operatorStream, visitorStream]) {
      expect(stream.events[0]?.event).toBe('resync');
      // None of the 600 old events came down the wire.
      expect(stream.events.some((event) => event.data.includes('xxxxxxxx'))).toBe(false);
    }
  });

  it('item 13: upgrading repairs duplicate share-link channels and rejoins a split thread', async () => {
    const assistant = await db.newAssistant(workspaceId);
    const widget = widgetClient(parley.url, assistant.publicKey, addressOf(131));
    const visitorId = randomUUID();
    const kept = await widget.send(visitorId, 'First half', 'share_link');
    await parley.stop();

    // The state an older version could leave: a second channel holding part of the thread.
    await db.client.query('DROP INDEX channels_widget_per_assistant');
    const { rows } = await db.client.query<{ channel: string; contact: string }>(
      `WITH channel AS (
         INSERT INTO channels (workspace_id, kind, name, assistant_id, created_at)
         VALUES ($1, 'share_link', 'Share link (duplicate)', $2, now()) RETURNING id
       ), contact AS (
         INSERT INTO contacts (workspace_id, channel_id, external_id)
         SELECT $1, channel.id, $3 FROM channel RETURNING id, channel_id
       )
       SELECT contact.channel_id AS channel, contact.id AS contact FROM contact`,
      [workspaceId, assistant.id, visitorId],
    );
    const duplicate = rows[0];
    if (!duplicate) throw new Error('duplicate not created');
    await db.client.query(
      `WITH conversation AS (
         INSERT INTO conversations (workspace_id, channel_id, channel_kind, assistant_id, contact_id,
                                    thread_key, preview, last_activity_at)
         VALUES ($1, $2, 'share_link', $3, $4, $5, 'Second half', now()) RETURNING id
       )
       INSERT INTO messages (workspace_id, conversation_id, channel_id, external_id, author,
                             direction, text, status)
       SELECT $1, conversation.id, $2, $5 || ':later', 'contact', 'inbound', 'Second half', 'received'
       FROM conversation`,
      [workspaceId, duplicate.channel, assistant.id, duplicate.contact, visitorId],
    );

    // What upgrading runs: migration 0007 over that state (later migrations already exist,
    // so it is applied directly rather than by un-recording it).
    const upgrade = new Kysely<unknown>({
      dialect: new PostgresDialect({
        pool: new pg.Pool({ connectionString: database.databaseUrl }),
      }),
    });
    const migrations = await migrationProvider.getMigrations();
    await migrations['0007_one_widget_channel_per_assistant']?.up(upgrade);
    await upgrade.destroy();

    parley = await startParley(env(), port);
    const channels = await db.count(
      `SELECT count(*) AS n FROM channels WHERE assistant_id = $1 AND kind = 'share_link'`,
      [assistant.id],
    );
    expect(channels).toBe(1);
    const session = await widget.session(visitorId, 'share_link');
    expect(session.conversationId).toBe(kept.conversationId);
    const fromVisitor = session.messages.filter((message) => message.author === 'contact');
    expect(fromVisitor.map((message) => message.text)).toEqual(['First half', 'Second half']);
  });
});
