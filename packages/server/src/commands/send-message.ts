/**
 * Replies from operators and assistants: checked against the platform's reply window, stored
 * as queued with its event, and handed to a durable send job in the same transaction. The job
 * calls the channel's connector and records sent / failed (with retries for transient errors).
 */
import { type ChannelKind, type MessageView, replyWindowDecision } from '@parley/domain';
import { sql } from 'kysely';
import type { OutboundMessage } from '../channels/connector.js';
import { connectorFor } from '../channels/registry.js';
import type { Context } from '../context.js';
import { factsAfterMessage } from '../insights/facts.js';
import { enqueueJob } from '../jobs/queue.js';
import { type JobContext, type JobOutcome, RetryableJobError } from '../jobs/runner.js';
import type { AnswerProvenance } from '../knowledge/passages.js';
import { AppError, badRequest, notFound } from '../lib/errors.js';
import { withoutNul } from '../lib/text.js';
import { presentConversation, presentMessage, previewOf } from '../presenters/conversation.js';
import { answerSourcesOf } from '../store/answer-sources.js';
import { toChannelRecord } from '../store/channels.js';
import { appendEvents, type NewEvent } from '../store/events.js';
import { recordFactsChange } from '../store/insights.js';
import type { Db } from '../store/store.js';
import { scheduleAnalysis } from './analyze-conversation.js';
import { hasActedGroups, scheduleQuestionRecording } from './question-groups.js';

export const SEND_JOB = 'message.send';
const SEND_DEDUPE_PREFIX = 'send:';
const SEND_ORDER_WAIT_MS = 1000;

export interface ReplyInput {
  workspaceId: string;
  conversationId: string;
  text: string;
  author: 'operator' | 'assistant';
  userId?: string;
  /** For assistant replies: the customer message this answers. */
  answers?: string;
  /** For assistant replies: the passages answered from, or the question it could not answer. */
  provenance?: AnswerProvenance;
}

export async function sendReply(ctx: Context, input: ReplyInput): Promise<MessageView> {
  const text = withoutNul(input.text).trim();
  if (!text) throw badRequest('A reply needs some text.');
  return ctx.db.transaction().execute(async (trx) => {
    const conversation = await trx
      .selectFrom('conversations')
      .selectAll()
      .where('id', '=', input.conversationId)
      .where('workspace_id', '=', input.workspaceId)
      .forUpdate()
      .executeTakeFirst();
    if (!conversation) throw notFound('The conversation');
    const connector = connectorFor(conversation.channel_kind as ChannelKind);
    if (!connector)
      throw new AppError(422, 'channel_unsupported', 'This channel cannot send replies yet.');
    if (text.length > connector.capabilities.maxTextLength) {
      throw badRequest(
        `Replies on this channel are limited to ${connector.capabilities.maxTextLength} characters.`,
      );
    }
    const window = replyWindowDecision(
      connector.capabilities,
      conversation.last_inbound_at ? new Date(conversation.last_inbound_at) : null,
      input.author,
      ctx.now(),
    );
    if (!window.allowed) throw new AppError(409, 'reply_window_closed', window.reason);

    const now = ctx.now();
    const message = await trx
      .insertInto('messages')
      .values({
        workspace_id: input.workspaceId,
        conversation_id: conversation.id,
        channel_id: conversation.channel_id,
        author: input.author,
        direction: 'outbound',
        text,
        status: 'queued',
        metadata: JSON.stringify({
          humanAgentTag: window.humanAgentTag,
          ...(input.userId ? { sentBy: input.userId } : {}),
          ...(input.answers ? { answers: input.answers } : {}),
        }),
        passage_ids: JSON.stringify(input.provenance?.passageIds ?? []),
        unanswered_question: input.provenance?.unansweredQuestion ?? null,
        answer_confidence: input.provenance?.confidence ?? null,
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const facts = factsAfterMessage(
      conversation,
      { author: input.author, at: now, unanswered: message.unanswered_question !== null },
      { hasAssistant: conversation.assistant_id !== null, paused: conversation.ai_paused },
    );
    const updated = await trx
      .updateTable('conversations')
      .set({
        ...facts,
        last_activity_at: sql`GREATEST(last_activity_at, ${now})`,
        preview: previewOf(text),
        // An operator answering has read the thread.
        ...(input.author === 'operator' ? { unread_count: 0 } : {}),
      })
      .where('id', '=', conversation.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const contact = await trx
      .selectFrom('contacts')
      .selectAll()
      .where('id', '=', conversation.contact_id)
      .executeTakeFirstOrThrow();
    await enqueueJob(trx, {
      workspaceId: input.workspaceId,
      kind: SEND_JOB,
      payload: { messageId: message.id },
      dedupeKey: `${SEND_DEDUPE_PREFIX}${message.id}`,
    });
    await scheduleAnalysis(trx, conversation);
    await recordFactsChange(trx, conversation, updated);
    // An unanswered question joins its group; once a group was acted on, every assistant reply
    // may be the same question asked again (answered or not), which measures the action.
    if (
      input.author === 'assistant' &&
      (message.unanswered_question !== null || (await hasActedGroups(trx, input.workspaceId)))
    ) {
      await scheduleQuestionRecording(trx, conversation);
    }
    const [sources] = await answerSourcesOf(trx, input.workspaceId, [message]);
    const view = presentMessage(message, sources);
    await appendEvents(trx, input.workspaceId, [
      {
        type: 'message.created',
        conversationId: conversation.id,
        payload: view,
      },
      {
        type: 'conversation.updated',
        conversationId: conversation.id,
        payload: presentConversation(updated, contact),
      },
    ]);
    return view;
  });
}

async function recordDelivery(
  db: Db,
  workspaceId: string,
  messageId: string,
  change: { status: string; externalId?: string; error: string | null },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('messages')
      .set({
        status: change.status,
        error: change.error,
        ...(change.externalId ? { external_id: change.externalId } : {}),
      })
      .where('id', '=', messageId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const [sources] = await answerSourcesOf(trx, workspaceId, [row]);
    const events: NewEvent[] = [
      {
        type: 'message.updated',
        conversationId: row.conversation_id,
        payload: presentMessage(row, sources),
      },
    ];
    await appendEvents(trx, workspaceId, events);
  });
}

/** The send job: one attempt at handing a queued message to its platform. */
export async function deliverMessage(
  ctx: Context,
  messageId: string,
  job: JobContext,
): Promise<JobOutcome> {
  const message = await ctx.db
    .selectFrom('messages')
    .selectAll()
    .where('id', '=', messageId)
    .executeTakeFirst();
  if (message?.status !== 'queued') return;
  // Replies reach the customer in the order they were written: wait while an earlier one of
  // this conversation is still being sent (a deferral, not a failed attempt).
  const earlier = await ctx.db
    .selectFrom('messages')
    .innerJoin('jobs', (join) =>
      join.on('jobs.dedupe_key', '=', sql<string>`${SEND_DEDUPE_PREFIX} || messages.id::text`),
    )
    .select('messages.id')
    .where('messages.conversation_id', '=', message.conversation_id)
    .where('messages.status', '=', 'queued')
    .where('jobs.status', 'in', ['pending', 'running'])
    .where('messages.seq', '<', message.seq)
    .limit(1)
    .executeTakeFirst();
  if (earlier) return { runAgainAt: new Date(Date.now() + SEND_ORDER_WAIT_MS) };
  const conversation = await ctx.db
    .selectFrom('conversations')
    .selectAll()
    .where('id', '=', message.conversation_id)
    .executeTakeFirstOrThrow();
  const [channelRow, contact, answered] = await Promise.all([
    ctx.db
      .selectFrom('channels')
      .selectAll()
      .where('id', '=', message.channel_id)
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('contacts')
      .selectAll()
      .where('id', '=', conversation.contact_id)
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('messages')
      .select('external_id')
      .where('conversation_id', '=', conversation.id)
      .where('author', '=', 'contact')
      .where('external_id', 'is not', null)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ]);
  const channel = toChannelRecord(channelRow, ctx.secretBox);
  const connector = connectorFor(channel.kind);
  if (!connector) {
    await recordDelivery(ctx.db, message.workspace_id, message.id, {
      status: 'failed',
      error: 'This channel cannot send replies.',
    });
    return;
  }
  const outbound: OutboundMessage = {
    id: message.id,
    text: message.text,
    author: message.author === 'assistant' ? 'assistant' : 'operator',
    replyToExternalId: answered?.external_id ?? null,
    humanAgentTag: message.metadata.humanAgentTag === true,
  };
  const result = await connector.send(outbound, {
    channel,
    conversation: {
      id: conversation.id,
      threadKey: conversation.thread_key,
      subject: conversation.subject,
      metadata: conversation.metadata,
      lastInboundAt: conversation.last_inbound_at ? new Date(conversation.last_inbound_at) : null,
    },
    contact: {
      externalId: contact.external_id,
      displayName: contact.display_name,
      email: contact.email,
    },
  });
  if (result.ok) {
    await recordDelivery(ctx.db, message.workspace_id, message.id, {
      status: 'sent',
      externalId: result.externalId,
      error: null,
    });
    return;
  }
  if (result.retryable && !job.isLastAttempt) {
    await recordDelivery(ctx.db, message.workspace_id, message.id, {
      status: 'queued',
      error: `Retrying: ${result.message}`,
    });
    throw new RetryableJobError(result.message, result.retryAfterMs);
  }
  ctx.log.warn('outbound message failed', { messageId, kind: result.kind, reason: result.message });
  await recordDelivery(ctx.db, message.workspace_id, message.id, {
    status: 'failed',
    error: result.message,
  });
}
