import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../commands/ingest.js';
import { createChannel, createWorkspace } from '../commands/workspaces.js';
import { claimJobs, completeJob, enqueueJob } from '../jobs/queue.js';
import { SecretBox } from '../lib/secrets.js';
import { BACKENDS, openTestStore, type TestStore } from '../test-support/db.js';
import { inboundMessage } from '../test-support/inbound.js';
import { listConversations } from './conversations.js';
import { readEvents } from './events.js';

const secretBox = new SecretBox('store-test');

describe.each(BACKENDS)('store contract on %s', (backend) => {
  let store: TestStore;
  let workspaceId: string;
  let channel: { id: string; workspaceId: string; kind: 'messenger'; assistantId: null };

  beforeAll(async () => {
    store = await openTestStore(backend);
    const { workspace } = await createWorkspace(store.db, {
      name: 'Contract',
      admin: { email: `contract-${backend}@test.local`, name: 'A', password: 'orbit-kettle-42' },
    });
    workspaceId = workspace.id;
    const row = await createChannel(store.db, secretBox, workspaceId, {
      kind: 'messenger',
      name: 'Page',
      secrets: { accessToken: 'token-123' },
    });
    channel = { id: row.id, workspaceId, kind: 'messenger', assistantId: null };
  });

  afterAll(async () => {
    await store.dispose();
  });

  it('reports its backend and has run the migrations', async () => {
    expect(store.backend).toBe(backend);
    const tables = await store.db.introspection.getTables();
    expect(tables.map((table) => table.name)).toEqual(
      expect.arrayContaining([
        'workspaces',
        'users',
        'assistants',
        'channels',
        'contacts',
        'conversations',
        'messages',
        'events',
        'jobs',
      ]),
    );
  });

  it('keeps channel secrets encrypted at rest', async () => {
    const row = await store.db
      .selectFrom('channels')
      .selectAll()
      .where('id', '=', channel.id)
      .executeTakeFirstOrThrow();
    expect(row.secrets_encrypted).not.toContain('token-123');
    expect(secretBox.open(row.secrets_encrypted ?? '')).toEqual({ accessToken: 'token-123' });
  });

  it('stores a retried platform message once and reports the repeat as duplicate', async () => {
    const message = inboundMessage({ threadKey: 'retry-thread' });
    const [first] = await ingest(store.db, channel, [message]);
    const [second] = await ingest(store.db, channel, [message]);
    expect(first?.status).toBe('created');
    expect(second?.status).toBe('duplicate');
    const count = await store.db
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('external_id', '=', message.externalId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it("recognises the platform's copy of a reply Parley is still sending", async () => {
    const [first] = await ingest(store.db, channel, [inboundMessage({ threadKey: 'own-reply' })]);
    if (first?.status !== 'created') throw new Error('expected a new conversation');
    const reply = await store.db
      .insertInto('messages')
      .values({
        workspace_id: workspaceId,
        conversation_id: first.conversationId,
        channel_id: channel.id,
        author: 'operator',
        direction: 'outbound',
        text: 'Thanks, shipping today!',
        status: 'queued',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const [copy] = await ingest(store.db, channel, [
      inboundMessage({
        threadKey: 'own-reply',
        author: 'business',
        text: 'Thanks, shipping today!',
      }),
    ]);
    expect(copy).toMatchObject({ status: 'duplicate', messageId: reply.id });
    const rows = await store.db
      .selectFrom('messages')
      .select('external_id')
      .where('conversation_id', '=', first.conversationId)
      .where('text', '=', 'Thanks, shipping today!')
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.external_id).not.toBeNull();
  });

  it('stores concurrent deliveries of the same message once', async () => {
    const message = inboundMessage({ threadKey: 'race-thread' });
    const outcomes = await Promise.all(
      [1, 2, 3, 4].map(() => ingest(store.db, channel, [message])),
    );
    const statuses = outcomes.map(([outcome]) => outcome?.status).sort();
    expect(statuses).toEqual(['created', 'duplicate', 'duplicate', 'duplicate']);
  });

  it('hands out gapless, ordered event sequence numbers per workspace', async () => {
    const before = await readEvents(store.db, workspaceId, 0, { limit: 10_000 });
    await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        ingest(store.db, channel, [inboundMessage({ threadKey: `seq-${n}` })]),
      ),
    );
    const after = await readEvents(store.db, workspaceId, 0, { limit: 10_000 });
    const seqs = after.map((event) => event.seq);
    expect(seqs).toEqual(seqs.map((_, index) => index + 1));
    expect(after.length).toBe(before.length + 10);
  });

  it('pages the inbox by keyset, newest activity first, without gaps or repeats', async () => {
    const base = Date.now() - 2 * 3_600_000;
    await ingest(
      store.db,
      channel,
      Array.from({ length: 7 }, (_, index) =>
        inboundMessage({
          threadKey: `page-${index}`,
          sentAt: new Date(base + index * 1000),
          text: `paging ${index}`,
        }),
      ),
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listConversations(
        store.db,
        workspaceId,
        { query: 'paging' },
        { ...(cursor ? { cursor } : {}), limit: 3 },
        new Date(),
      );
      seen.push(...page.items.map((item) => item.preview));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([
      'paging 6',
      'paging 5',
      'paging 4',
      'paging 3',
      'paging 2',
      'paging 1',
      'paging 0',
    ]);
  });

  it('finds conversations by full-text search over messages and by contact name', async () => {
    await ingest(store.db, channel, [
      inboundMessage({ threadKey: 'search-a', text: 'My tent pole snapped in the storm' }),
      inboundMessage({
        threadKey: 'search-b',
        text: 'Hello',
        contact: { externalId: 'grace', displayName: 'Grace Hopper' },
      }),
    ]);
    const byText = await listConversations(
      store.db,
      workspaceId,
      { query: 'snapped tent' },
      { limit: 10 },
      new Date(),
    );
    expect(byText.items.map((item) => item.preview)).toEqual(['My tent pole snapped in the storm']);
    const byName = await listConversations(
      store.db,
      workspaceId,
      { query: 'hopper' },
      { limit: 10 },
      new Date(),
    );
    expect(byName.items.map((item) => item.contact.displayName)).toEqual(['Grace Hopper']);
  });

  it('filters by channel kind, status and unread', async () => {
    const now = new Date();
    const active = await listConversations(
      store.db,
      workspaceId,
      { status: 'active', channels: ['messenger'] },
      { limit: 200 },
      now,
    );
    expect(active.items.length).toBeGreaterThan(0);
    expect(active.items.every((item) => !item.aiPaused && item.channelKind === 'messenger')).toBe(
      true,
    );
    const otherKind = await listConversations(
      store.db,
      workspaceId,
      { channels: ['gmail'] },
      { limit: 200 },
      now,
    );
    expect(otherKind.items).toEqual([]);
    const idle = await listConversations(
      store.db,
      workspaceId,
      { status: 'idle' },
      { limit: 200 },
      now,
    );
    // Only the paging threads, written two hours ago, are idle.
    expect(idle.items.map((item) => item.preview).sort()).toEqual(
      Array.from({ length: 7 }, (_, index) => `paging ${index}`),
    );
    expect(active.items.some((item) => item.preview.startsWith('paging'))).toBe(false);
    const unread = await listConversations(
      store.db,
      workspaceId,
      { unreadOnly: true },
      { limit: 200 },
      now,
    );
    expect(unread.items.every((item) => item.unreadCount > 0)).toBe(true);
  });

  it('lets each job be claimed by one runner only', async () => {
    for (let index = 0; index < 6; index += 1) {
      await enqueueJob(store.db, { workspaceId, kind: 'test.job', payload: { index } });
    }
    const [a, b] = await Promise.all([
      claimJobs(store.db, 4, 60_000),
      claimJobs(store.db, 4, 60_000),
    ]);
    const claimed = [...(a ?? []), ...(b ?? [])];
    const ids = claimed.map((job) => job.id);
    expect(ids.length).toBe(6);
    expect(new Set(ids).size).toBe(6);
    await Promise.all(claimed.map((job) => completeJob(store.db, job)));
    expect(await claimJobs(store.db, 10, 60_000)).toEqual([]);
  });

  it('ignores a late finish from a runner whose lease was taken over', async () => {
    await enqueueJob(store.db, { workspaceId, kind: 'test.lease', payload: {} });
    const [first] = await claimJobs(store.db, 1, 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const [second] = await claimJobs(store.db, 1, 60_000);
    expect(second?.id).toBe(first?.id);
    if (!first || !second) throw new Error('expected both claims');
    await completeJob(store.db, first);
    const row = await store.db
      .selectFrom('jobs')
      .select('status')
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('running');
    await completeJob(store.db, second);
  });

  it('collapses jobs with the same dedupe key while one is pending', async () => {
    await enqueueJob(store.db, {
      workspaceId,
      kind: 'test.dedupe',
      payload: {},
      dedupeKey: 'only-once',
    });
    await enqueueJob(store.db, {
      workspaceId,
      kind: 'test.dedupe',
      payload: {},
      dedupeKey: 'only-once',
    });
    const jobs = await store.db
      .selectFrom('jobs')
      .select('id')
      .where('dedupe_key', '=', 'only-once')
      .execute();
    expect(jobs.length).toBe(1);
  });
});
