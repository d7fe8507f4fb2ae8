/** Conversation intelligence in the database: the workspace's analysis settings, the
 * messages an analysis reads, and the progress rows of backfills. */
import {
  type AnalysisBackfillView,
  type AnalysisSettings,
  normalizeAnalysisSettings,
} from '@parley/domain';
import type { AnalysisBackfillRow, MessageRow } from './schema.js';
import type { Db } from './store.js';

export async function loadAnalysisSettings(db: Db, workspaceId: string): Promise<AnalysisSettings> {
  const row = await db
    .selectFrom('workspaces')
    .select('analysis_settings')
    .where('id', '=', workspaceId)
    .executeTakeFirst();
  return normalizeAnalysisSettings(row?.analysis_settings);
}

export async function saveAnalysisSettings(
  db: Db,
  workspaceId: string,
  changes: Partial<AnalysisSettings>,
): Promise<AnalysisSettings> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('workspaces')
      .select('analysis_settings')
      .where('id', '=', workspaceId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const settings = normalizeAnalysisSettings({
      ...normalizeAnalysisSettings(row.analysis_settings),
      ...changes,
    });
    await trx
      .updateTable('workspaces')
      .set({ analysis_settings: JSON.stringify(settings) })
      .where('id', '=', workspaceId)
      .execute();
    return settings;
  });
}

/** The newest `limit` messages still shown, oldest first. */
export async function recentMessages(
  db: Db,
  conversationId: string,
  limit: number,
): Promise<Pick<MessageRow, 'id' | 'author' | 'text' | 'created_at' | 'metadata'>[]> {
  const rows = await db
    .selectFrom('messages')
    .select(['id', 'author', 'text', 'created_at', 'metadata'])
    .where('conversation_id', '=', conversationId)
    .where('removed_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
  return rows.reverse();
}

export function presentBackfill(row: AnalysisBackfillRow): AnalysisBackfillView {
  return {
    id: row.id,
    status: row.status,
    total: row.total,
    done: Math.min(row.done, row.total),
    startedAt: new Date(row.started_at).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
    error: row.error,
  };
}

export async function latestBackfill(
  db: Db,
  workspaceId: string,
): Promise<AnalysisBackfillRow | null> {
  const row = await db
    .selectFrom('analysis_backfills')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('started_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}
