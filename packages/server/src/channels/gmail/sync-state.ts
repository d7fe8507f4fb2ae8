/**
 * The Gmail sync state kept in `channels.config`: the history cursor, the latest historyId a
 * push announced, and the watch expiry. Each write merges one key into the JSON document and
 * only ever moves a historyId forward, so concurrent syncs and pushes cannot rewind it.
 */
import { sql } from 'kysely';
import type { Db } from '../../store/store.js';

type HistoryKey = 'historyId' | 'notifiedHistoryId';

async function advanceHistoryKey(db: Db, channelId: string, key: HistoryKey, historyId: string) {
  const current = sql`CASE WHEN config->>${key} ~ '^[0-9]+$' THEN (config->>${key})::numeric END`;
  await db
    .updateTable('channels')
    .set({ config: sql`config || jsonb_build_object(${key}::text, ${historyId}::text)` })
    .where('id', '=', channelId)
    .where(sql<boolean>`${current} IS NULL OR ${current} < ${historyId}::numeric`)
    .execute();
}

/** The history cursor: everything up to it has been ingested. */
export function saveHistoryCursor(db: Db, channelId: string, historyId: string): Promise<void> {
  return advanceHistoryKey(db, channelId, 'historyId', historyId);
}

/** What a push announced; a sync that finishes below it runs again. */
export function recordNotifiedHistoryId(
  db: Db,
  channelId: string,
  historyId: string,
): Promise<void> {
  return advanceHistoryKey(db, channelId, 'notifiedHistoryId', historyId);
}

export async function saveWatchExpiration(
  db: Db,
  channelId: string,
  expiration: Date,
): Promise<void> {
  await db
    .updateTable('channels')
    .set({
      config: sql`config || jsonb_build_object('watchExpiration', ${expiration.toISOString()}::text)`,
    })
    .where('id', '=', channelId)
    .execute();
}

export async function readSyncState(
  db: Db,
  channelId: string,
): Promise<{ historyId: string | null; notifiedHistoryId: string | null }> {
  const row = await db
    .selectFrom('channels')
    .select([
      sql<string | null>`config->>'historyId'`.as('historyId'),
      sql<string | null>`config->>'notifiedHistoryId'`.as('notifiedHistoryId'),
    ])
    .where('id', '=', channelId)
    .executeTakeFirst();
  return { historyId: row?.historyId ?? null, notifiedHistoryId: row?.notifiedHistoryId ?? null };
}
