/**
 * Per-account sign-in throttle, kept in the database so every instance sees the same count.
 * After FREE_FAILURES failed attempts the account is locked for a minute, doubling with each
 * further failure up to MAX_LOCK_MS; a success, or an hour without failures, starts over.
 * Keys are hashed: the table never holds the (possibly mistyped or invented) emails tried.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from './store.js';

export const FREE_FAILURES = 5;
const FIRST_LOCK_MS = 60_000;
const MAX_LOCK_MS = 15 * 60_000;
const FORGET_AFTER_MS = 60 * 60_000;

/** The throttle of the password step for an email (known or not, so it tells nothing). */
export const passwordThrottleKey = (email: string) => `password:${email.toLowerCase()}`;
/** The throttle of the second step for a user. */
export const codeThrottleKey = (userId: string) => `code:${userId}`;

const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** How long a failure count keeps the account locked. */
export function lockDurationMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(FIRST_LOCK_MS * 2 ** (failures - FREE_FAILURES), MAX_LOCK_MS);
}

/**
 * Claims one attempt for `key` before the password or code is checked, or refuses it while
 * the key is locked: returns 0 when the attempt may go ahead, else the milliseconds left.
 * The attempt counts as a failure at once (and sets the lock it would earn), and a success
 * clears it (`clearFailures`). Checking the lock and counting happen under one row lock, so
 * attempts sent at the same moment each see the ones before them: a burst gets no more checks
 * than attempts one after another would.
 */
export async function claimAttempt(db: Db, key: string, now: Date): Promise<number> {
  const keyHash = hashKey(key);
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('login_throttles')
      .values({ key_hash: keyHash, failures: 0, last_failure_at: now, locked_until: null })
      .onConflict((conflict) => conflict.column('key_hash').doNothing())
      .execute();
    const row = await trx
      .selectFrom('login_throttles')
      .select(['failures', 'last_failure_at', 'locked_until'])
      .where('key_hash', '=', keyHash)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const waitMs = (row.locked_until?.getTime() ?? 0) - now.getTime();
    if (waitMs > 0) return waitMs;
    const forgotten = row.last_failure_at.getTime() < now.getTime() - FORGET_AFTER_MS;
    const failures = forgotten ? 1 : row.failures + 1;
    const lockMs = lockDurationMs(failures);
    await trx
      .updateTable('login_throttles')
      .set({
        failures,
        last_failure_at: now,
        locked_until: lockMs > 0 ? new Date(now.getTime() + lockMs) : null,
      })
      .where('key_hash', '=', keyHash)
      .execute();
    return 0;
  });
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_throttles').where('key_hash', '=', hashKey(key)).execute();
}

/** Forgotten throttles and expired login challenges; run with the other retention. */
export async function pruneSignInRows(db: Db): Promise<void> {
  await db
    .deleteFrom('login_throttles')
    .where('last_failure_at', '<', sql<Date>`now() - interval '1 day'`)
    .execute();
  await db.deleteFrom('login_challenges').where('expires_at', '<', new Date()).execute();
}
