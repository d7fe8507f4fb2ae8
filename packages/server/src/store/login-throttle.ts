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

/** Milliseconds until the key may try again; 0 when it may now. */
export async function lockedForMs(db: Db, key: string, now: Date): Promise<number> {
  const row = await db
    .selectFrom('login_throttles')
    .select('locked_until')
    .where('key_hash', '=', hashKey(key))
    .executeTakeFirst();
  return Math.max(0, (row?.locked_until?.getTime() ?? 0) - now.getTime());
}

export async function recordFailure(db: Db, key: string, now: Date): Promise<void> {
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS);
  const { failures } = await db
    .insertInto('login_throttles')
    .values({ key_hash: hashKey(key), failures: 1, last_failure_at: now, locked_until: null })
    .onConflict((conflict) =>
      conflict.column('key_hash').doUpdateSet({
        failures: sql<number>`CASE WHEN login_throttles.last_failure_at < ${forgetBefore}
          THEN 1 ELSE login_throttles.failures + 1 END`,
        last_failure_at: now,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  const lockMs = lockDurationMs(failures);
  if (lockMs > 0) {
    await db
      .updateTable('login_throttles')
      .set({ locked_until: new Date(now.getTime() + lockMs) })
      .where('key_hash', '=', hashKey(key))
      .execute();
  }
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
