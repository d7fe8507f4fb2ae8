import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace } from '../commands/workspaces.js';
import { BACKENDS, openTestStore, type TestStore } from '../test-support/db.js';
import { claimJobs, enqueueJob } from './queue.js';

describe.each(BACKENDS)('debounced jobs on %s', (backend) => {
  let store: TestStore;
  let workspaceId: string;

  beforeAll(async () => {
    store = await openTestStore(backend);
    const { workspace } = await createWorkspace(store.db, {
      name: 'Queue',
      admin: { email: `queue-${backend}@test.local`, name: 'A', password: 'orbit-kettle-42' },
    });
    workspaceId = workspace.id;
  });

  afterAll(async () => {
    await store.dispose();
  });

  const pending = (key: string) =>
    store.db
      .selectFrom('jobs')
      .select(['id', 'run_at'])
      .where('dedupe_key', '=', key)
      .where('status', '=', 'pending')
      .execute();

  it('moves the pending job to the newer time instead of adding another', async () => {
    const soon = new Date(Date.now() + 60_000);
    const later = new Date(Date.now() + 120_000);
    const job = { workspaceId, kind: 'test.debounce', payload: {}, dedupeKey: 'settle-1' };
    await enqueueJob(store.db, { ...job, runAt: soon, debounce: true });
    await enqueueJob(store.db, { ...job, runAt: later, debounce: true });
    const jobs = await pending('settle-1');
    expect(jobs).toHaveLength(1);
    expect(new Date(jobs[0]?.run_at ?? 0).getTime()).toBe(later.getTime());
  });

  it('keeps the first time without debounce', async () => {
    const soon = new Date(Date.now() + 60_000);
    const job = { workspaceId, kind: 'test.debounce', payload: {}, dedupeKey: 'settle-2' };
    await enqueueJob(store.db, { ...job, runAt: soon });
    await enqueueJob(store.db, { ...job, runAt: new Date(Date.now() + 120_000) });
    const jobs = await pending('settle-2');
    expect(jobs.map((row) => new Date(row.run_at).getTime())).toEqual([soon.getTime()]);
  });

  it('queues one more run when the same work is scheduled while it runs', async () => {
    const job = { workspaceId, kind: 'test.debounce-run', payload: {}, dedupeKey: 'settle-3' };
    await enqueueJob(store.db, { ...job, runAt: new Date(Date.now() - 1000), debounce: true });
    const claimed = await claimJobs(store.db, 10, 60_000);
    expect(claimed.map((row) => row.dedupe_key)).toContain('settle-3');
    await enqueueJob(store.db, { ...job, runAt: new Date(Date.now() + 60_000), debounce: true });
    expect(await pending('settle-3')).toHaveLength(1);
  });
});
