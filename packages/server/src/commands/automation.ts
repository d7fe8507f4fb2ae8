/**
 * What happens after a customer writes: the safety net may pause the AI, otherwise the
 * channel's rules decide whether and when the assistant answers. Runs inside the ingest
 * transaction, so the reply job exists exactly when the message does.
 */
import {
  type AssistantModelSettings,
  decideAutoReply,
  failedAnswersInARow,
  normalizeChannelRules,
  type SafetyNetPause,
  safetyNetDecision,
} from '@parley/domain';
import { messageSignals } from '../ai/analysis/signals.js';
import type { ChatTurn, ReplyRequest } from '../ai/provider.js';
import type { ResponderAnswer } from '../ai/responders/responder.js';
import { responderFor } from '../ai/responders/responder-for.js';
import { pendingReply } from '../ai/turns.js';
import type { Context } from '../context.js';
import { factsAfterPause } from '../insights/facts.js';
import { enqueueJob } from '../jobs/queue.js';
import { retrieve } from '../knowledge/retrieve.js';
import { knowledgeVocabulary } from '../knowledge/vocabulary.js';
import { AppError } from '../lib/errors.js';
import { loadAnalysisSettings } from '../store/analysis.js';
import type { AssistantRow, ConversationRow, MessageRow } from '../store/schema.js';
import type { Db } from '../store/store.js';
import type { AfterMessageHook } from './ingest.js';
import { sendReply } from './send-message.js';

export const ASSISTANT_REPLY_JOB = 'assistant.reply';

export const afterCustomerMessage: AfterMessageHook = async (trx, { message, conversation }) => {
  if (message.author !== 'contact' || !conversation.assistant_id) return;
  // Auto-replies, bounces and newsletters are shown but never answered by the assistant.
  if (message.metadata.automated === true) return;
  const channel = await trx
    .selectFrom('channels')
    .select('rules')
    .where('id', '=', conversation.channel_id)
    .executeTakeFirstOrThrow();
  const rules = normalizeChannelRules(channel.rules);
  const pause =
    rules.autoPause && !conversation.ai_paused
      ? await safetyNetCheck(trx, conversation, message)
      : null;
  if (pause) {
    await trx
      .updateTable('conversations')
      .set({
        ai_paused: true,
        ai_paused_reason: pause.reason,
        ...factsAfterPause(conversation, pause.trigger, new Date(message.created_at)),
      })
      .where('id', '=', conversation.id)
      .execute();
    return;
  }
  const decision = decideAutoReply(
    rules,
    { aiPaused: conversation.ai_paused },
    { text: message.text, subject: conversation.subject },
  );
  if (!decision.reply) return;
  await enqueueJob(trx, {
    workspaceId: conversation.workspace_id,
    kind: ASSISTANT_REPLY_JOB,
    payload: { conversationId: conversation.id },
    runAt: new Date(Date.now() + decision.delayMs),
    // Several quick messages get one answer, written after the last of them.
    dedupeKey: `reply:${conversation.id}`,
  });
};

/** The per-message safety net: this message's own signals (any of the lexicon languages),
 * the workspace's keywords, and the assistant's latest replies. */
async function safetyNetCheck(
  trx: Db,
  conversation: ConversationRow,
  message: MessageRow,
): Promise<SafetyNetPause | null> {
  const settings = await loadAnalysisSettings(trx, conversation.workspace_id);
  const limit = settings.failedAnswersBeforePause;
  const replies =
    limit > 0
      ? await trx
          .selectFrom('messages')
          .select(['author', 'metadata', 'unanswered_question'])
          .where('conversation_id', '=', conversation.id)
          .where('author', '<>', 'contact')
          .where('removed_at', 'is', null)
          .orderBy('created_at', 'desc')
          .orderBy('seq', 'desc')
          .limit(limit)
          .execute()
      : [];
  return safetyNetDecision(messageSignals(message.text), {
    text: message.text,
    keywords: settings.safetyKeywords,
    failedAnswersInARow: failedAnswersInARow(
      replies.map((reply) => ({
        author: reply.author,
        // Replies from before answer provenance recorded a `deflected` mark instead.
        deflected: reply.unanswered_question !== null || reply.metadata.deflected === true,
      })),
    ),
    failedAnswersBeforePause: limit,
  });
}

const HISTORY_TURNS = 20;

/** The assistant's overrides of the configured model, when it has any. */
function modelOf(settings: AssistantModelSettings | null): Pick<ReplyRequest, 'model'> {
  if (!settings || (settings.name === null && settings.temperature === null)) return {};
  return {
    model: {
      ...(settings.name ? { name: settings.name } : {}),
      ...(settings.temperature !== null ? { temperature: settings.temperature } : {}),
    },
  };
}

/** What `assistant` answers to `turns`, from its knowledge base: what the reply job sends and
 * what the knowledge page's "try it" box shows. */
export async function assistantAnswer(
  ctx: Context,
  assistant: AssistantRow,
  turns: ChatTurn[],
): Promise<ResponderAnswer> {
  const responder = responderFor(
    ctx.provider,
    (query) => retrieve(ctx.db, query, { provider: ctx.provider }),
    ctx.log,
    knowledgeVocabulary(ctx.db),
  );
  return responder.respond({
    assistant: {
      id: assistant.id,
      workspaceId: assistant.workspace_id,
      name: assistant.name,
      instructions: assistant.instructions,
      greeting: assistant.greeting,
      suggestedQuestions: assistant.suggested_questions,
    },
    ...modelOf(assistant.model_settings),
    turns,
  });
}

/** The reply job: the assistant answers the conversation as it stands when the job runs. */
export async function runAssistantReply(ctx: Context, conversationId: string): Promise<void> {
  const conversation = await ctx.db
    .selectFrom('conversations')
    .selectAll()
    .where('id', '=', conversationId)
    .executeTakeFirst();
  // A person may have paused the AI while the reply was waiting for its delay.
  if (!conversation || conversation.ai_paused || !conversation.assistant_id) return;
  const assistant = await ctx.db
    .selectFrom('assistants')
    .selectAll()
    .where('id', '=', conversation.assistant_id)
    .executeTakeFirstOrThrow();
  const recent = await ctx.db
    .selectFrom('messages')
    .select(['id', 'author', 'text', 'metadata'])
    .where('conversation_id', '=', conversationId)
    .where('removed_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(HISTORY_TURNS)
    .execute();
  const pending = pendingReply(
    recent.reverse().map((row) => ({
      id: row.id,
      author: row.author,
      text: row.text,
      ...(typeof row.metadata.answers === 'string' ? { answers: row.metadata.answers } : {}),
    })),
  );
  if (!pending) return;
  const answer = await assistantAnswer(ctx, assistant, pending.turns);
  try {
    await sendReply(ctx, {
      workspaceId: conversation.workspace_id,
      conversationId,
      text: answer.text,
      author: 'assistant',
      answers: pending.answering,
      // The unanswered question is what the safety net's failed-answers trigger counts.
      provenance: {
        passageIds: answer.passages.map((passage) => passage.id),
        unansweredQuestion: answer.unansweredQuestion,
        ...(answer.confidence !== undefined ? { confidence: answer.confidence } : {}),
      },
    });
  } catch (error) {
    // A closed reply window is the platform's rule, not a failure worth retrying.
    if (error instanceof AppError && error.code === 'reply_window_closed') {
      ctx.log.info('assistant reply skipped: reply window closed', { conversationId });
      return;
    }
    throw error;
  }
}
