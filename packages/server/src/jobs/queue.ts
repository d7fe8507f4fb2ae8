/**
 * Durable jobs in the database: delayed assistant replies, outbound sends, syncs. Any number
 * of instances claim work with `FOR UPDATE SKIP LOCKED`; a claimed job carries a lease, so a
 * crashed instance's work is picked up again when its lease runs out. A restart loses nothing.
 */
import { sql } from 'kysely';
import type { JobRow } from '../store/schema.js';
import type { Db } from '../store/store.js';

export const JOBS_CHANNEL = 'parley_jobs';

export interface NewJob {
  workspaceId: string;
  kind: string;
  payload: Record<string, unknown>;
  runAt?: Date;
  /** At most one pending job per key: scheduling the same work again before it starts is a
   * no-op; once it runs, scheduling again queues one more run. */
  dedupeKey?: string;
  /** With a dedupe key: when the same work is already pending, move it to this `runAt`
   * instead of keeping the earlier time — work that waits for activity to settle. */
  debounce?: boolean;
  maxAttempts?: number;
}

export async function enqueueJob(db: Db, job: NewJob): Promise<void> {
  await db
    .insertInto('jobs')
    .values({
      workspace_id: job.workspaceId,
      kind: job.kind,
      payload: JSON.stringify(job.payload),
      run_at: job.runAt ?? new Date(),
      dedupe_key: job.dedupeKey ?? null,
      ...(job.maxAttempts ? { max_attempts: job.maxAttempts } : {}),
    })
    .onConflict((oc) => {
      const pending = oc.column('dedupe_key').where('status', '=', 'pending');
      return job.debounce
        ? pending.doUpdateSet({ run_at: (eb) => eb.ref('excluded.run_at'), updated_at: sql`now()` })
        : pending.doNothing();
    })
    .execute();
  // Wakes idle runners at commit instead of waiting for their next poll.
  await sql`SELECT pg_notify(${JOBS_CHANNEL}, ${job.kind})`.execute(db);
}

export async function claimJobs(db: Db, limit: number, leaseMs: number): Promise<JobRow[]> {
  const due = db
    .selectFrom('jobs')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', sql<Date>`now()`)]),
        // An expired lease means the instance running it died.
        eb.and([eb('status', '=', 'running'), eb('locked_until', '<', sql<Date>`now()`)]),
      ]),
    )
    .orderBy('run_at')
    .limit(limit)
    .forUpdate()
    .skipLocked();
  return db
    .updateTable('jobs')
    .set({
      status: 'running',
      attempts: sql`attempts + 1`,
      locked_until: sql`now() + ${`${leaseMs} milliseconds`}::interval`,
      updated_at: sql`now()`,
    })
    .where('id', 'in', due)
    .returningAll()
    .execute();
}

/** The claim a runner holds: a job reclaimed after its lease expired has more attempts, so
 * a late finish of the earlier run changes nothing. */
type Claim = Pick<JobRow, 'id' | 'attempts'>;

export async function completeJob(db: Db, job: Claim): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ status: 'done', locked_until: null, updated_at: sql`now()` })
    .where('id', '=', job.id)
    .where('status', '=', 'running')
    .where('attempts', '=', job.attempts)
    .execute();
}

/** Puts a finished recurring job back in the queue for its next run, attempts reset; if the
 * same work was scheduled meanwhile, that pending job stands and this one is done. */
export async function rescheduleJob(db: Db, job: Claim, runAt: Date): Promise<void> {
  const result = await db
    .updateTable('jobs')
    .set({
      status: 'pending',
      run_at: runAt,
      attempts: 0,
      locked_until: null,
      updated_at: sql`now()`,
    })
    .where('id', '=', job.id)
    .where('status', '=', 'running')
    .where('attempts', '=', job.attempts)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('jobs as other')
            .select('other.id')
            .whereRef('other.dedupe_key', '=', 'jobs.dedupe_key')
            .where('other.status', '=', 'pending')
            .whereRef('other.id', '<>', 'jobs.id'),
        ),
      ),
    )
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) await completeJob(db, job);
}

/** Exponential backoff with jitter: about 2 s, 4 s, 8 s ... capped at 5 minutes. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(5 * 60_000, 1000 * 2 ** attempts);
  return Math.round(base * (0.75 + random() * 0.5));
}

export async function failJob(
  db: Db,
  job: JobRow,
  error: string,
  options: { retry: boolean; retryAfterMs?: number },
): Promise<void> {
  const retry = options.retry && job.attempts < job.max_attempts;
  const delay = Math.max(options.retryAfterMs ?? 0, backoffMs(job.attempts));
  await db
    .updateTable('jobs')
    .set({
      status: retry ? 'pending' : 'failed',
      run_at: retry ? new Date(Date.now() + delay) : job.run_at,
      locked_until: null,
      last_error: error.slice(0, 2000),
      updated_at: sql`now()`,
    })
    .where('id', '=', job.id)
    .where('status', '=', 'running')
    .where('attempts', '=', job.attempts)
    .execute();
}
