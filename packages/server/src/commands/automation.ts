/**
 * What happens after a customer writes: the safety net may pause the AI, otherwise the
 * channel's rules decide whether and when the assistant answers. Runs inside the ingest
 * transaction, so the reply job exists exactly when the message does.
 */
import {
  decideAutoReply,
  normalizeChannelRules,
  SAFETY_NET_REASONS,
  safetyNetTrigger,
} from '@parley/domain';
import { pendingReply } from '../ai/turns.js';
import type { Context } from '../context.js';
import { enqueueJob } from '../jobs/queue.js';
import { AppError } from '../lib/errors.js';
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
  const trigger =
    rules.autoPause && !conversation.ai_paused ? safetyNetTrigger(message.text) : null;
  if (trigger) {
    await trx
      .updateTable('conversations')
      .set({ ai_paused: true, ai_paused_reason: SAFETY_NET_REASONS[trigger] })
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

const HISTORY_TURNS = 20;

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
  const text = await ctx.provider.reply({
    assistant: {
      name: assistant.name,
      instructions: assistant.instructions,
      greeting: assistant.greeting,
    },
    turns: pending.turns,
  });
  try {
    await sendReply(ctx, {
      workspaceId: conversation.workspace_id,
      conversationId,
      text,
      author: 'assistant',
      answers: pending.answering,
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
