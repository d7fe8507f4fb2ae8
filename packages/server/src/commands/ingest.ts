/**
 * Ingest: stores normalized inbound events from any channel in one transaction — contact,
 * conversation, message and the event rows that announce them. Idempotent on the platform's
 * message id, so a retried webhook is stored once.
 */
import type {
  InboundContact,
  InboundEdit,
  InboundEvent,
  InboundMessage,
  InboundReceipt,
  InboundRemoval,
} from '@parley/domain';
import { directionOf } from '@parley/domain';
import { sql } from 'kysely';
import type { ChannelRecord } from '../channels/connector.js';
import { factsAfterMessage } from '../insights/facts.js';
import { RollupDelta } from '../insights/rollup.js';
import { withoutNul } from '../lib/text.js';
import { presentConversation, presentMessage, previewOf } from '../presenters/conversation.js';
import { answerSourcesOf } from '../store/answer-sources.js';
import { appendEvents, type NewEvent } from '../store/events.js';
import { applyRollupDelta } from '../store/insights.js';
import type { ContactRow, ConversationRow, MessageRow } from '../store/schema.js';
import type { Db } from '../store/store.js';
import { scheduleAnalysis } from './analyze-conversation.js';

export type IngestOutcome =
  | { status: 'created'; messageId: string; conversationId: string }
  | { status: 'duplicate'; messageId: string; conversationId: string }
  | { status: 'updated'; messageIds: string[] }
  | { status: 'ignored'; reason: string };

/** Called inside the ingest transaction for each newly stored message (automation hooks). */
export type AfterMessageHook = (
  trx: Db,
  stored: { message: MessageRow; conversation: ConversationRow; contact: ContactRow },
  events: NewEvent[],
) => Promise<void>;

export type ChannelForIngest = Pick<ChannelRecord, 'id' | 'workspaceId' | 'kind' | 'assistantId'>;

const STATUS_RANK: Record<string, number> = { queued: 0, sent: 1, delivered: 2, read: 3 };

export async function ingest(
  db: Db,
  channel: ChannelForIngest,
  inbound: InboundEvent[],
  afterMessage?: AfterMessageHook,
): Promise<IngestOutcome[]> {
  return db.transaction().execute(async (trx) => {
    const events: NewEvent[] = [];
    const outcomes: IngestOutcome[] = [];
    const rollups = new RollupDelta();
    for (const event of inbound) {
      outcomes.push(
        await ingestOne(trx, channel, withoutNul(event), { events, rollups }, afterMessage),
      );
    }
    // Rollup rows are shared by many conversations: locked last, in key order, held briefly.
    await applyRollupDelta(trx, rollups);
    await appendEvents(trx, channel.workspaceId, events);
    return outcomes;
  });
}

/** What one ingest transaction writes last: its events and its rollup changes. */
interface IngestEffects {
  events: NewEvent[];
  rollups: RollupDelta;
}

function ingestOne(
  trx: Db,
  channel: ChannelForIngest,
  event: InboundEvent,
  { events, rollups }: IngestEffects,
  afterMessage?: AfterMessageHook,
): Promise<IngestOutcome> {
  switch (event.type) {
    case 'message':
      return ingestMessage(trx, channel, event, { events, rollups }, afterMessage);
    case 'receipt':
      return ingestReceipt(trx, channel, event, events);
    case 'edit':
      return ingestEdit(trx, channel, event, events);
    case 'removal':
      return ingestRemoval(trx, channel, event, events);
  }
}

export async function upsertContact(trx: Db, channel: ChannelForIngest, contact: InboundContact) {
  return trx
    .insertInto('contacts')
    .values({
      workspace_id: channel.workspaceId,
      channel_id: channel.id,
      external_id: contact.externalId,
      display_name: contact.displayName ?? null,
      username: contact.username ?? null,
      email: contact.email ?? null,
      attributes: JSON.stringify(contact.attributes ?? {}),
    })
    .onConflict((oc) =>
      oc.columns(['channel_id', 'external_id']).doUpdateSet({
        display_name: sql`COALESCE(excluded.display_name, contacts.display_name)`,
        username: sql`COALESCE(excluded.username, contacts.username)`,
        email: sql`COALESCE(excluded.email, contacts.email)`,
        attributes: sql`contacts.attributes || excluded.attributes`,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface ThreadOpening {
  threadKey: string;
  at: Date;
  preview?: string;
  subject?: string | null;
  metadata?: Record<string, unknown>;
}

/** Creates the conversation or locks the existing one, so concurrent deliveries of the same
 * thread serialize and a duplicate check after it sees committed siblings. */
export async function lockConversation(
  trx: Db,
  channel: ChannelForIngest,
  contact: ContactRow,
  opening: ThreadOpening,
): Promise<{ conversation: ConversationRow; created: boolean }> {
  const findExisting = () =>
    trx
      .selectFrom('conversations')
      .selectAll()
      .where('channel_id', '=', channel.id)
      .where('thread_key', '=', opening.threadKey)
      .forUpdate()
      .executeTakeFirst();
  const existing = await findExisting();
  if (existing) return { conversation: existing, created: false };
  const inserted = await trx
    .insertInto('conversations')
    .values({
      workspace_id: channel.workspaceId,
      channel_id: channel.id,
      channel_kind: channel.kind,
      assistant_id: channel.assistantId,
      contact_id: contact.id,
      thread_key: opening.threadKey,
      subject: opening.subject ?? null,
      metadata: JSON.stringify(opening.metadata ?? {}),
      preview: opening.preview ?? '',
      last_activity_at: opening.at,
    })
    .onConflict((oc) => oc.columns(['channel_id', 'thread_key']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { conversation: inserted, created: true };
  // Another transaction created it first; take its row.
  const raced = await findExisting();
  if (!raced) throw new Error(`Conversation ${opening.threadKey} vanished while being created`);
  return { conversation: raced, created: false };
}

async function ingestMessage(
  trx: Db,
  channel: ChannelForIngest,
  inbound: InboundMessage,
  { events, rollups }: IngestEffects,
  afterMessage?: AfterMessageHook,
): Promise<IngestOutcome> {
  const findDuplicate = () =>
    trx
      .selectFrom('messages')
      .select(['id', 'conversation_id'])
      .where('channel_id', '=', channel.id)
      .where('external_id', '=', inbound.externalId)
      .executeTakeFirst();
  // Platform retries are common: answer them before taking any lock.
  const earlier = await findDuplicate();
  if (earlier) {
    return { status: 'duplicate', messageId: earlier.id, conversationId: earlier.conversation_id };
  }

  if (inbound.echoOf) {
    const echoed = await recordEcho(trx, channel, inbound.echoOf, inbound.externalId);
    if (echoed) return echoed;
  } else if (inbound.author === 'business') {
    const own = await matchOwnReply(trx, channel, inbound);
    if (own) return own;
  }

  const contact = await upsertContact(trx, channel, inbound.contact);
  const { conversation, created } = await lockConversation(trx, channel, contact, {
    threadKey: inbound.threadKey,
    at: inbound.sentAt,
    preview: previewOf(inbound.text, inbound.attachments),
    subject: inbound.conversation?.subject ?? null,
    metadata: inbound.conversation?.metadata ?? {},
  });
  const parent = inbound.parentExternalId
    ? await trx
        .selectFrom('messages')
        .select('id')
        .where('channel_id', '=', channel.id)
        .where('external_id', '=', inbound.parentExternalId)
        .executeTakeFirst()
    : undefined;

  const direction = directionOf(inbound.author);
  const message = await trx
    .insertInto('messages')
    .values({
      workspace_id: channel.workspaceId,
      conversation_id: conversation.id,
      channel_id: channel.id,
      external_id: inbound.externalId,
      author: inbound.author,
      direction,
      text: inbound.text,
      attachments: JSON.stringify(inbound.attachments ?? []),
      status: direction === 'inbound' ? 'received' : 'sent',
      parent_id: parent?.id ?? null,
      metadata: JSON.stringify(inbound.metadata ?? {}),
      created_at: inbound.sentAt,
    })
    // A concurrent delivery of the same message may have committed while we waited for the
    // conversation lock; nothing has been changed yet, so it is simply reported.
    .onConflict((oc) =>
      oc.columns(['channel_id', 'external_id']).where('external_id', 'is not', null).doNothing(),
    )
    .returningAll()
    .executeTakeFirst();
  if (!message) {
    const raced = await findDuplicate();
    if (!raced) throw new Error(`Message ${inbound.externalId} conflicted but cannot be found`);
    return { status: 'duplicate', messageId: raced.id, conversationId: raced.conversation_id };
  }

  const fromContact = inbound.author === 'contact';
  // Late-arriving (older) messages must not move the card's activity or preview backwards.
  const isNewest = inbound.sentAt.getTime() >= new Date(conversation.last_activity_at).getTime();
  const facts = factsAfterMessage(
    conversation,
    { author: inbound.author, at: new Date(message.created_at), unanswered: false },
    { hasAssistant: conversation.assistant_id !== null, paused: conversation.ai_paused },
  );
  const updated = await trx
    .updateTable('conversations')
    .set({
      ...facts,
      last_activity_at: sql`GREATEST(last_activity_at, ${inbound.sentAt})`,
      ...(isNewest ? { preview: previewOf(inbound.text, inbound.attachments) } : {}),
      ...(fromContact
        ? {
            last_inbound_at: sql`GREATEST(COALESCE(last_inbound_at, ${inbound.sentAt}), ${inbound.sentAt})`,
            unread_count: sql`unread_count + 1`,
          }
        : {}),
      ...(inbound.conversation?.subject && !conversation.subject
        ? { subject: inbound.conversation.subject }
        : {}),
      ...(inbound.conversation?.metadata && !created
        ? { metadata: sql`metadata || ${JSON.stringify(inbound.conversation.metadata)}::jsonb` }
        : {}),
    })
    .where('id', '=', conversation.id)
    .returningAll()
    .executeTakeFirstOrThrow();

  events.push({
    type: 'message.created',
    conversationId: conversation.id,
    payload: presentMessage(message),
  });
  await scheduleAnalysis(trx, updated);
  let final = updated;
  if (afterMessage) {
    await afterMessage(trx, { message, conversation: updated, contact }, events);
    // The hook may have changed the conversation (e.g. paused the AI): announce its final state.
    final = await trx
      .selectFrom('conversations')
      .selectAll()
      .where('id', '=', conversation.id)
      .executeTakeFirstOrThrow();
  }
  events.push({
    // A conversation opened by a widget before its first message is announced now.
    type: created || conversation.preview === '' ? 'conversation.created' : 'conversation.updated',
    conversationId: conversation.id,
    payload: presentConversation(final, contact),
  });
  // A new conversation was not in the rollups yet (its opening row is not counted).
  rollups.change(created ? null : conversation, final);
  return { status: 'created', messageId: message.id, conversationId: conversation.id };
}

/** The platform's echo of a message Parley sent: it only tells us the platform's id, which
 * the send job may not have recorded yet. */
async function recordEcho(
  trx: Db,
  channel: ChannelForIngest,
  ownMessageId: string,
  externalId: string,
): Promise<IngestOutcome | null> {
  const own = await trx
    .updateTable('messages')
    .set({ external_id: sql`COALESCE(external_id, ${externalId})` })
    .where('id', '=', ownMessageId)
    .where('channel_id', '=', channel.id)
    .returning(['id', 'conversation_id'])
    .executeTakeFirst();
  return own
    ? { status: 'duplicate', messageId: own.id, conversationId: own.conversation_id }
    : null;
}

/** A platform that reports the business's own posts without an echo marker (a comment reply
 * Parley just made) may do so before the send job has recorded the platform's id: the same
 * text on the same thread, still without an id, minutes old, is that reply. */
async function matchOwnReply(
  trx: Db,
  channel: ChannelForIngest,
  inbound: InboundMessage,
): Promise<IngestOutcome | null> {
  const candidate = trx
    .selectFrom('messages')
    .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
    .select('messages.id')
    .where('conversations.channel_id', '=', channel.id)
    .where('conversations.thread_key', '=', inbound.threadKey)
    .where('messages.author', 'in', ['operator', 'assistant'])
    .where('messages.external_id', 'is', null)
    .where('messages.text', '=', inbound.text)
    .where('messages.created_at', '>', sql<Date>`now() - interval '10 minutes'`)
    .orderBy('messages.created_at')
    .limit(1);
  const own = await trx
    .updateTable('messages')
    .set({ external_id: inbound.externalId })
    .where('id', '=', candidate)
    .returning(['id', 'conversation_id'])
    .executeTakeFirst();
  return own
    ? { status: 'duplicate', messageId: own.id, conversationId: own.conversation_id }
    : null;
}

async function ingestReceipt(
  trx: Db,
  channel: ChannelForIngest,
  receipt: InboundReceipt,
  events: NewEvent[],
): Promise<IngestOutcome> {
  const lowerStatuses = Object.keys(STATUS_RANK).filter(
    (status) =>
      (STATUS_RANK[status] ?? 0) < (STATUS_RANK[receipt.status] ?? 0) && status !== 'queued',
  );
  let query = trx
    .updateTable('messages')
    .set({ status: receipt.status })
    .where('channel_id', '=', channel.id)
    .where('direction', '=', 'outbound')
    .where('status', 'in', lowerStatuses);
  if (receipt.externalIds && receipt.externalIds.length > 0) {
    query = query.where('external_id', 'in', receipt.externalIds);
  } else if (receipt.watermark) {
    const conversation = await trx
      .selectFrom('conversations')
      .select('id')
      .where('channel_id', '=', channel.id)
      .where('thread_key', '=', receipt.threadKey)
      .executeTakeFirst();
    if (!conversation) return { status: 'ignored', reason: 'receipt for an unknown conversation' };
    query = query
      .where('conversation_id', '=', conversation.id)
      .where('created_at', '<=', receipt.watermark);
  } else {
    return { status: 'ignored', reason: 'receipt names no messages' };
  }
  const rows = await query.returningAll().execute();
  const sources = await answerSourcesOf(trx, channel.workspaceId, rows);
  rows.forEach((row, index) => {
    events.push({
      type: 'message.updated',
      conversationId: row.conversation_id,
      payload: presentMessage(row, sources[index]),
    });
  });
  return { status: 'updated', messageIds: rows.map((row) => row.id) };
}

async function ingestEdit(
  trx: Db,
  channel: ChannelForIngest,
  edit: InboundEdit,
  events: NewEvent[],
): Promise<IngestOutcome> {
  const current = await trx
    .selectFrom('messages')
    .selectAll()
    .where('channel_id', '=', channel.id)
    .where('external_id', '=', edit.externalId)
    .forUpdate()
    .executeTakeFirst();
  if (!current) return { status: 'ignored', reason: 'edit of an unknown message' };
  // A retried edit carries the text we already have: nothing changes.
  if (current.text === edit.text) return { status: 'updated', messageIds: [] };
  const history = [
    ...current.history,
    { text: current.text, replacedAt: edit.editedAt.toISOString() },
  ];
  const row = await trx
    .updateTable('messages')
    .set({ text: edit.text, edited_at: edit.editedAt, history: JSON.stringify(history) })
    .where('id', '=', current.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  events.push({
    type: 'message.updated',
    conversationId: row.conversation_id,
    payload: presentMessage(row),
  });
  return { status: 'updated', messageIds: [row.id] };
}

async function ingestRemoval(
  trx: Db,
  channel: ChannelForIngest,
  removal: InboundRemoval,
  events: NewEvent[],
): Promise<IngestOutcome> {
  const row = await trx
    .updateTable('messages')
    .set({ removed_at: removal.removedAt })
    .where('channel_id', '=', channel.id)
    .where('external_id', '=', removal.externalId)
    .where('removed_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (!row) return { status: 'ignored', reason: 'removal of an unknown or removed message' };
  events.push({
    type: 'message.updated',
    conversationId: row.conversation_id,
    payload: presentMessage(row),
  });
  return { status: 'updated', messageIds: [row.id] };
}
