/**
 * Analyzing a workspace's existing conversations (never analyzed, or by an older analysis
 * version), in batches with stored progress. Batches are claimed by moving the stored cursor,
 * so the job in a server and `npm run analyze` can share one backfill without doing a
 * conversation twice; a crash loses at most the batch in hand.
 */
import { ANALYSIS_VERSION } from '@parley/domain';
import type { ExpressionBuilder } from 'kysely';
import { enqueueJob } from '../jobs/queue.js';
import { latestBackfill } from '../store/analysis.js';
import type { AnalysisBackfillRow, Database } from '../store/schema.js';
import type { Db } from '../store/store.js';
import { type AnalysisDeps, analyzeConversation } from './analyze-conversation.js';

export const BACKFILL_JOB = 'analysis.backfill';
const BATCH_SIZE = 20;

function needsAnalysis(eb: ExpressionBuilder<Database, 'conversations'>) {
  return eb.and([
    // A widget opened without a message has nothing to analyze.
    eb('conversations.preview', '<>', ''),
    eb.or([
      eb('conversations.analysis_version', 'is', null),
      eb('conversations.analysis_version', '<>', ANALYSIS_VERSION),
    ]),
  ]);
}

/** The running backfill of the workspace, or a new one; `enqueue` hands it to the job runner. */
export async function startBackfill(
  db: Db,
  workspaceId: string,
  options: { enqueue: boolean } = { enqueue: true },
): Promise<AnalysisBackfillRow> {
  const running = await latestBackfill(db, workspaceId);
  if (running?.status === 'running') return running;
  const { count } = await db
    .selectFrom('conversations')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('workspace_id', '=', workspaceId)
    .where(needsAnalysis)
    .executeTakeFirstOrThrow();
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('analysis_backfills')
      .values({ workspace_id: workspaceId, total: Number(count), cursor: null, error: null })
      // Started at the same moment elsewhere: that one runs.
      .onConflict((oc) => oc.column('workspace_id').where('status', '=', 'running').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) {
      const other = await latestBackfill(trx, workspaceId);
      if (!other) throw new Error('A backfill was started elsewhere but cannot be found.');
      return other;
    }
    if (options.enqueue) {
      await enqueueJob(trx, {
        workspaceId,
        kind: BACKFILL_JOB,
        payload: { backfillId: row.id },
        dedupeKey: `backfill:${row.id}`,
      });
    }
    return row;
  });
}

/** Analyzes the next batch; true when nothing is left. */
export async function runBackfillBatch(
  deps: AnalysisDeps,
  backfillId: string,
  batchSize = BATCH_SIZE,
): Promise<boolean> {
  const backfill = await deps.db
    .selectFrom('analysis_backfills')
    .selectAll()
    .where('id', '=', backfillId)
    .executeTakeFirst();
  if (backfill?.status !== 'running') return true;
  const batch = await deps.db
    .selectFrom('conversations')
    .select('id')
    .where('workspace_id', '=', backfill.workspace_id)
    .where(needsAnalysis)
    .$if(backfill.cursor !== null, (query) => query.where('id', '>', backfill.cursor as string))
    .orderBy('id')
    .limit(batchSize)
    .execute();
  const last = batch.at(-1);
  if (!last) {
    await deps.db
      .updateTable('analysis_backfills')
      .set({ status: 'done', done: backfill.total, finished_at: deps.now() })
      .where('id', '=', backfillId)
      .where('status', '=', 'running')
      .execute();
    return true;
  }
  const claimed = await deps.db
    .updateTable('analysis_backfills')
    .set({ cursor: last.id })
    .where('id', '=', backfillId)
    .where('status', '=', 'running')
    .where((eb) =>
      backfill.cursor === null ? eb('cursor', 'is', null) : eb('cursor', '=', backfill.cursor),
    )
    .executeTakeFirst();
  // Another runner took this batch; the next call looks further on.
  if (claimed.numUpdatedRows === 0n) return false;
  for (const { id } of batch) {
    try {
      await analyzeConversation(deps, id);
    } catch (error) {
      // One conversation that cannot be analyzed must not stop the others.
      deps.log.error('analysis of a conversation failed during backfill', {
        conversationId: id,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  await deps.db
    .updateTable('analysis_backfills')
    .set((eb) => ({ done: eb('done', '+', batch.length) }))
    .where('id', '=', backfillId)
    .execute();
  return false;
}

/** The job: one batch per run, run again at once until done; a failure is recorded on the
 * backfill so Settings shows it and a new one can start. */
export async function runBackfillJob(
  deps: AnalysisDeps,
  backfillId: string,
): Promise<{ runAgainAt: Date | null }> {
  try {
    const finished = await runBackfillBatch(deps, backfillId);
    return { runAgainAt: finished ? null : new Date() };
  } catch (error) {
    await deps.db
      .updateTable('analysis_backfills')
      .set({
        status: 'failed',
        error: error instanceof Error ? error.message.slice(0, 500) : String(error),
        finished_at: deps.now(),
      })
      .where('id', '=', backfillId)
      .where('status', '=', 'running')
      .execute();
    throw error;
  }
}
