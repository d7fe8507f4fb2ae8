/**
 * Keeps the event log and the job table from growing forever. Events only serve live-stream
 * resumption, so a month is plenty; finished jobs are kept a week for troubleshooting; the
 * audit log 90 days, long enough to look into an incident after it is noticed; widget
 * visitors who never wrote a day (abandoned-visitors.ts).
 * Idempotent, so every instance may run it.
 */
import { sql } from 'kysely';
import { pruneAbandonedVisitors } from './abandoned-visitors.js';
import { pruneSignInRows } from './login-throttle.js';
import type { Db } from './store.js';

export const EVENT_RETENTION_DAYS = 30;
export const FINISHED_JOB_RETENTION_DAYS = 7;
export const AUDIT_RETENTION_DAYS = 90;

export async function pruneOldRows(
  db: Db,
): Promise<{ events: number; jobs: number; auditEntries: number; visitors: number }> {
  const events = await db
    .deleteFrom('events')
    .where('created_at', '<', sql<Date>`now() - ${`${EVENT_RETENTION_DAYS} days`}::interval`)
    .executeTakeFirst();
  const jobs = await db
    .deleteFrom('jobs')
    .where('status', 'in', ['done', 'failed'])
    .where('updated_at', '<', sql<Date>`now() - ${`${FINISHED_JOB_RETENTION_DAYS} days`}::interval`)
    .executeTakeFirst();
  await pruneSignInRows(db);
  const auditEntries = await db
    .deleteFrom('audit_log')
    .where('at', '<', sql<Date>`now() - ${`${AUDIT_RETENTION_DAYS} days`}::interval`)
    .executeTakeFirst();
  const visitors = await pruneAbandonedVisitors(db);
  return {
    events: Number(events.numDeletedRows),
    jobs: Number(jobs.numDeletedRows),
    auditEntries: Number(auditEntries.numDeletedRows),
    visitors,
  };
}
