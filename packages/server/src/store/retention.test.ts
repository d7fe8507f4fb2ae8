import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYSIS_JOB } from '../commands/analyze-conversation.js';
import { recordAudit } from '../commands/audit.js';
import { ingest } from '../commands/ingest.js';
import { claimJobs, completeJob, enqueueJob } from '../jobs/queue.js';
import { createTestChannel } from '../test-support/channel.js';
import { openTestStore, type TestStore } from '../test-support/db.js';
import { inboundMessage } from '../test-support/inbound.js';
import { readEvents } from './events.js';
import { pruneOldRows } from './retention.js';

describe('retention', () => {
  let store: TestStore;

  beforeAll(async () => {
    store = await openTestStore('pglite');
  });

  afterAll(async () => {
    await store.dispose();
  });

  it('drops month-old events and week-old finished jobs, and keeps the rest', async () => {
    const channel = await createTestChannel(store.db, 'gmail');
    const workspace = { id: channel.workspaceId };
    await ingest(store.db, channel, [inboundMessage({ threadKey: 'old' })]);
    await sql`UPDATE events SET created_at = now() - interval '31 days'`.execute(store.db);
    await ingest(store.db, channel, [inboundMessage({ threadKey: 'new' })]);

    await enqueueJob(store.db, { workspaceId: workspace.id, kind: 'old.done', payload: {} });
    const [done] = await claimJobs(store.db, 1, 60_000);
    if (!done) throw new Error('expected a claimed job');
    await completeJob(store.db, done);
    await enqueueJob(store.db, { workspaceId: workspace.id, kind: 'still.pending', payload: {} });
    await sql`UPDATE jobs SET updated_at = now() - interval '8 days', run_at = now() - interval '8 days'`.execute(
      store.db,
    );

    expect(await pruneOldRows(store.db)).toEqual({
      events: 2,
      jobs: 1,
      auditEntries: 0,
      visitors: 0,
    });
    expect((await readEvents(store.db, workspace.id, 0)).length).toBe(2);
    // Ingest also scheduled each conversation's analysis; those are pending and stay too.
    const jobs = await store.db
      .selectFrom('jobs')
      .select('kind')
      .where('kind', '<>', ANALYSIS_JOB)
      .execute();
    expect(jobs).toEqual([{ kind: 'still.pending' }]);
  });

  it('keeps the audit log for 90 days, then drops it', async () => {
    const channel = await createTestChannel(store.db, 'gmail');
    const by = {
      workspaceId: channel.workspaceId,
      actorUserId: null,
      actorApiKeyId: null,
      ip: null,
      userAgent: null,
    };
    await recordAudit(store.db, { ...by, action: 'auth.login', details: { age: 'old' } });
    await recordAudit(store.db, { ...by, action: 'auth.login', details: { age: 'kept' } });
    await recordAudit(store.db, { ...by, action: 'auth.login', details: { age: 'new' } });
    await sql`UPDATE audit_log SET at = now() - interval '91 days' WHERE details->>'age' = 'old'`.execute(
      store.db,
    );
    await sql`UPDATE audit_log SET at = now() - interval '89 days' WHERE details->>'age' = 'kept'`.execute(
      store.db,
    );

    expect((await pruneOldRows(store.db)).auditEntries).toBe(1);
    const left = await store.db.selectFrom('audit_log').select('details').orderBy('at').execute();
    expect(left.map((row) => row.details.age)).toEqual(['kept', 'new']);
  });
});
