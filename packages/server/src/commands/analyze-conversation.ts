/**
 * Analyzing one conversation: a durable job, debounced until activity settles (each new
 * message moves it later; one pending per conversation). The result is stored with a
 * `conversation.updated` event in the same transaction, so open inboxes update live.
 */
import { randomUUID } from 'node:crypto';
import { ANALYSIS_VERSION, type ConversationAnalysis, mergeActionItems } from '@parley/domain';
import type {
  AnalysisMessage,
  AnalysisResult,
  ConversationAnalyzer,
} from '../ai/analysis/analyzer.js';
import type { Logger } from '../context.js';
import { enqueueJob } from '../jobs/queue.js';
import { presentConversation } from '../presenters/conversation.js';
import { loadAnalysisSettings, recentMessages } from '../store/analysis.js';
import { appendEvents } from '../store/events.js';
import { recordFactsChange, syncIssues } from '../store/insights.js';
import type { ConversationRow } from '../store/schema.js';
import type { Db } from '../store/store.js';
import { scheduleQuestionRecording } from './question-groups.js';

export const ANALYSIS_JOB = 'analysis.conversation';

/** How long a conversation must be quiet before it is analyzed. */
export const DEFAULT_ANALYSIS_DEBOUNCE_MS = 30_000;

/** The analysis reads at most this many of the newest messages. */
const MESSAGES_READ = 200;

export interface AnalysisDeps {
  db: Db;
  analyzer: ConversationAnalyzer;
  log: Logger;
  now: () => Date;
}

/** PARLEY_ANALYSIS_DEBOUNCE_MS shortens the wait (tests, demos). */
export function analysisDebounceMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.PARLEY_ANALYSIS_DEBOUNCE_MS);
  return Number.isFinite(value) && value >= 0 ? value : DEFAULT_ANALYSIS_DEBOUNCE_MS;
}

/** (Re)schedules the conversation's analysis; call it in the transaction that adds a message. */
export async function scheduleAnalysis(
  db: Db,
  conversation: Pick<ConversationRow, 'id' | 'workspace_id'>,
  delayMs: number = analysisDebounceMs(),
): Promise<void> {
  await enqueueJob(db, {
    workspaceId: conversation.workspace_id,
    kind: ANALYSIS_JOB,
    payload: { conversationId: conversation.id },
    runAt: new Date(Date.now() + delayMs),
    dedupeKey: `analysis:${conversation.id}`,
    debounce: true,
  });
}

/** The analyzer's result as stored: versioned, timed, its action items merged with the stored
 * ones so ticks survive a re-analysis. */
export function analysisToStore(
  result: AnalysisResult,
  stored: ConversationAnalysis | null,
  lastMessageId: string,
  now: Date,
): ConversationAnalysis {
  return {
    ...result,
    version: ANALYSIS_VERSION,
    actionItems: mergeActionItems(stored?.actionItems ?? [], result.actionItems, randomUUID),
    lastMessageId,
    analyzedAt: now.toISOString(),
  };
}

export type AnalysisOutcome = 'analyzed' | 'current' | 'empty' | 'missing';

/** The stored analysis when it has the current shape; older versions are analyzed afresh. */
export function currentAnalysis(row: ConversationRow): ConversationAnalysis | null {
  return row.analysis && row.analysis_version === ANALYSIS_VERSION ? row.analysis : null;
}

export async function analyzeConversation(
  deps: AnalysisDeps,
  conversationId: string,
): Promise<AnalysisOutcome> {
  const conversation = await deps.db
    .selectFrom('conversations')
    .selectAll()
    .where('id', '=', conversationId)
    .executeTakeFirst();
  if (!conversation) return 'missing';
  const rows = await recentMessages(deps.db, conversationId, MESSAGES_READ);
  const newest = rows.at(-1);
  if (!newest) return 'empty';
  const previous = currentAnalysis(conversation);
  if (previous && conversation.analyzed_through_message_id === newest.id) return 'current';

  const settings = await loadAnalysisSettings(deps.db, conversation.workspace_id);
  const messages: AnalysisMessage[] = rows.map((row) => ({
    id: row.id,
    author: row.author,
    text: row.text,
    sentAt: new Date(row.created_at).toISOString(),
    subject: typeof row.metadata.subject === 'string' ? row.metadata.subject : null,
  }));
  const startedAt = deps.now();
  const result = await deps.analyzer.analyze({
    channelKind: conversation.channel_kind,
    subject: conversation.subject,
    messages,
    topics: settings.topics,
    previous,
  });

  await deps.db.transaction().execute(async (trx) => {
    const locked = await trx
      .selectFrom('conversations')
      .selectAll()
      .where('id', '=', conversationId)
      .forUpdate()
      .executeTakeFirst();
    if (!locked) return;
    const stored = currentAnalysis(locked);
    // Another run finished while this one was thinking, with at least as much to go on.
    if (stored && new Date(stored.analyzedAt) > startedAt) return;
    // Ticks made meanwhile are in the locked row, not in `previous`.
    const analysis = analysisToStore(result, stored, newest.id, deps.now());
    const updated = await trx
      .updateTable('conversations')
      .set({
        analysis: JSON.stringify(analysis),
        analysis_version: ANALYSIS_VERSION,
        analyzed_through_message_id: newest.id,
        summary: analysis.summary || null,
      })
      .where('id', '=', conversationId)
      .returningAll()
      .executeTakeFirstOrThrow();
    // Topics and end sentiment feed the rollups: the old ones leave, the new ones count.
    await recordFactsChange(trx, locked, updated);
    await syncIssues(trx, updated);
    const contact = await trx
      .selectFrom('contacts')
      .selectAll()
      .where('id', '=', updated.contact_id)
      .executeTakeFirstOrThrow();
    if (analysis.unansweredQuestions.length > 0) await scheduleQuestionRecording(trx, updated);
    await appendEvents(trx, updated.workspace_id, [
      {
        type: 'conversation.updated',
        conversationId,
        payload: presentConversation(updated, contact),
      },
    ]);
  });
  return 'analyzed';
}
