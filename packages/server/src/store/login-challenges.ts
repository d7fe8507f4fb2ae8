/**
 * The step between a correct password and the second factor: a random token, good for five
 * minutes, that names the user but grants nothing else. Only its hash is stored.
 */
import { createHash } from 'node:crypto';
import { randomToken } from '../lib/ids.js';
import type { Db } from './store.js';

const CHALLENGE_TTL_MS = 5 * 60_000;

const hashChallenge = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createLoginChallenge(db: Db, userId: string, now: Date): Promise<string> {
  const token = randomToken();
  await db
    .insertInto('login_challenges')
    .values({
      id: hashChallenge(token),
      user_id: userId,
      expires_at: new Date(now.getTime() + CHALLENGE_TTL_MS),
    })
    .execute();
  return token;
}

/** The user a live challenge was made for, or null. */
export async function challengeUserId(db: Db, token: string, now: Date): Promise<string | null> {
  const row = await db
    .selectFrom('login_challenges')
    .select('user_id')
    .where('id', '=', hashChallenge(token))
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row?.user_id ?? null;
}

/** Each challenge signs in once. */
export async function endLoginChallenge(db: Db, token: string): Promise<void> {
  await db.deleteFrom('login_challenges').where('id', '=', hashChallenge(token)).execute();
}
