/**
 * The visitor's side of the website widget, Shopify widget and share link: find the channel
 * for an assistant, open the visitor's conversation, and take their messages through ingest.
 */
import { CHANNEL_LABELS, type MessageView } from '@parley/domain';
import type { Context } from '../context.js';
import { badRequest, forbidden, notFound } from '../lib/errors.js';
import { withoutNul } from '../lib/text.js';
import { sealVisitorCursor } from '../live/visitor-cursor.js';
import { presentMessage } from '../presenters/conversation.js';
import { latestSeq } from '../store/events.js';
import type { AssistantRow } from '../store/schema.js';
import { afterCustomerMessage } from './automation.js';
import { type ChannelForIngest, ingest } from './ingest.js';

export const WIDGET_KINDS = ['website_widget', 'share_link', 'shopify_widget'] as const;
export type WidgetChannelKind = (typeof WIDGET_KINDS)[number];

export interface Visitor {
  assistant: AssistantRow;
  kind: WidgetChannelKind;
  visitorId: string;
  /** Facts established by the server (e.g. a verified Shopify shop and customer). */
  attributes?: Record<string, string>;
  /** A connected channel the request was verified for (a Shopify store); otherwise the
   * assistant's channel of `kind` is used, created on first use. */
  channel?: ChannelForIngest;
}

const VISITOR_ID = /^[A-Za-z0-9_-]{16,64}$/;

export function assertVisitorId(visitorId: string): void {
  if (!VISITOR_ID.test(visitorId))
    badRequestThrow('visitorId must be 16–64 letters, digits, - or _.');
}

function badRequestThrow(message: string): never {
  throw badRequest(message);
}

export async function findAssistantByKey(ctx: Context, key: string): Promise<AssistantRow> {
  const assistant = await ctx.db
    .selectFrom('assistants')
    .selectAll()
    .where('public_key', '=', key)
    .executeTakeFirst();
  if (!assistant) throw notFound('The assistant for this key');
  return assistant;
}

/** Browsers send Origin on cross-site requests; a page not on the list may not use the key. */
export function assertOriginAllowed(
  assistant: AssistantRow,
  origin: string | undefined,
  ownOrigin: string | null,
) {
  if (!origin || origin === ownOrigin) return;
  const allowed = assistant.allowed_origins;
  if (allowed.includes('*') || allowed.includes(origin)) return;
  throw forbidden(`This site (${origin}) is not allowed to use this assistant's widget.`);
}

/** The assistant's channel of this kind, if a visitor has written through it before. */
async function findWidgetChannel(ctx: Context, visitor: Visitor): Promise<ChannelForIngest | null> {
  if (visitor.channel) return visitor.channel;
  const { assistant, kind } = visitor;
  const row = await ctx.db
    .selectFrom('channels')
    .select(['id', 'workspace_id', 'assistant_id'])
    .where('workspace_id', '=', assistant.workspace_id)
    .where('kind', '=', kind)
    .where('assistant_id', '=', assistant.id)
    .executeTakeFirst();
  return row
    ? { id: row.id, workspaceId: row.workspace_id, kind, assistantId: row.assistant_id }
    : null;
}

/** The assistant's channel of this kind, created by the first visitor message. Concurrent
 * first messages all insert; the unique index (migration 0007) keeps one, the others read it. */
async function widgetChannel(ctx: Context, visitor: Visitor): Promise<ChannelForIngest> {
  const found = await findWidgetChannel(ctx, visitor);
  if (found) return found;
  const { assistant, kind } = visitor;
  await ctx.db
    .insertInto('channels')
    .values({
      workspace_id: assistant.workspace_id,
      kind,
      name: `${CHANNEL_LABELS[kind]} · ${assistant.name}`,
      assistant_id: assistant.id,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const created = await findWidgetChannel(ctx, visitor);
  if (!created) throw new Error(`The ${kind} channel of assistant ${assistant.id} vanished`);
  return created;
}

/** What the widget shows before the first message. */
export function widgetConfig(assistant: AssistantRow) {
  return {
    assistant: {
      name: assistant.name,
      greeting: assistant.greeting,
      suggestedQuestions: assistant.suggested_questions,
    },
    theme: { color: '#4f46e5' },
  };
}

/** What the visitor may see of a message: no operator ids or internal metadata. */
export function presentForVisitor(message: MessageView): MessageView {
  const clientMessageId = message.metadata.clientMessageId;
  // Citations and unanswered marks are for the team, not the visitor.
  return {
    ...message,
    metadata: typeof clientMessageId === 'string' ? { clientMessageId } : {},
    answeredFrom: [],
    unansweredQuestion: null,
  };
}

/**
 * What a visitor's chat shows when it opens: their conversation so far (none before their first
 * message) and the stream position of that snapshot. Writes nothing, so loading a page — or
 * calling this in a loop — leaves no rows behind; the first message creates the conversation.
 */
export async function openVisitorSession(ctx: Context, visitor: Visitor) {
  assertVisitorId(visitor.visitorId);
  const workspaceId = visitor.assistant.workspace_id;
  // Read the cursor first: events after it are streamed, so nothing falls in between.
  const seq = await latestSeq(ctx.db, workspaceId);
  const channel = await findWidgetChannel(ctx, visitor);
  const conversation = channel
    ? await ctx.db
        .selectFrom('conversations')
        .select('id')
        .where('channel_id', '=', channel.id)
        .where('thread_key', '=', visitor.visitorId)
        .executeTakeFirst()
    : undefined;
  const rows = conversation
    ? await ctx.db
        .selectFrom('messages')
        .selectAll()
        .where('conversation_id', '=', conversation.id)
        .orderBy('created_at')
        .orderBy('id')
        .execute()
    : [];
  return {
    conversationId: conversation?.id ?? null,
    lastEventId: sealVisitorCursor(ctx.secretBox, workspaceId, seq),
    messages: rows.map((row) => presentForVisitor(presentMessage(row))),
  };
}

export async function postVisitorMessage(
  ctx: Context,
  visitor: Visitor,
  input: { text: string; clientMessageId: string },
): Promise<MessageView> {
  assertVisitorId(visitor.visitorId);
  const text = withoutNul(input.text).trim();
  if (!text) throw badRequest('A message needs some text.');
  const channel = await widgetChannel(ctx, visitor);
  const [outcome] = await ingest(
    ctx.db,
    channel,
    [
      {
        type: 'message',
        // Scoped by visitor so one visitor's ids can never collide with another's.
        externalId: `${visitor.visitorId}:${input.clientMessageId}`,
        threadKey: visitor.visitorId,
        contact: {
          externalId: visitor.visitorId,
          ...(visitor.attributes ? { attributes: visitor.attributes } : {}),
        },
        author: 'contact',
        text,
        sentAt: ctx.now(),
        metadata: { clientMessageId: input.clientMessageId },
      },
    ],
    afterCustomerMessage,
  );
  if (!outcome || (outcome.status !== 'created' && outcome.status !== 'duplicate')) {
    throw new Error('Visitor message was not stored');
  }
  const row = await ctx.db
    .selectFrom('messages')
    .selectAll()
    .where('id', '=', outcome.messageId)
    .executeTakeFirstOrThrow();
  return presentForVisitor(presentMessage(row));
}

/** The visitor's conversation, if they have one, for the live stream. */
export async function findVisitorConversation(
  ctx: Context,
  visitor: Visitor,
  conversationId: string,
) {
  const conversation = await ctx.db
    .selectFrom('conversations')
    .innerJoin('contacts', 'contacts.id', 'conversations.contact_id')
    .select(['conversations.id', 'conversations.workspace_id'])
    .where('conversations.id', '=', conversationId)
    .where('conversations.workspace_id', '=', visitor.assistant.workspace_id)
    // Only the visitor's own widget conversation: a Messenger PSID is not a visitor id.
    .where('conversations.channel_kind', 'in', WIDGET_KINDS)
    .where('contacts.external_id', '=', visitor.visitorId)
    .executeTakeFirst();
  if (!conversation) throw notFound('The conversation');
  return conversation;
}
