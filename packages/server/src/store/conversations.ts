/**
 * The inbox query: conversations most recently active first, filtered, with keyset
 * pagination on (last_activity_at, id) — never OFFSET, so page 100 costs what page 1 does.
 */
import {
  ACTIVE_WINDOW_MS,
  ANALYSIS_VERSION,
  type ChannelKind,
  type ConversationCard,
  type ConversationOutcome,
  type ConversationStatus,
  type HandoverTrigger,
  RECENT_WINDOW_MS,
  type SentimentLabel,
} from '@parley/domain';
import { type ExpressionBuilder, sql } from 'kysely';
import { isStorableDate } from '../lib/safe-input.js';
import { presentConversation } from '../presenters/conversation.js';
import type { ContactRow, ConversationRow, Database } from './schema.js';
import type { Db } from './store.js';

export interface InboxFilter {
  channels?: ChannelKind[];
  assistantId?: string;
  status?: ConversationStatus;
  unreadOnly?: boolean;
  from?: Date;
  to?: Date;
  query?: string;
  /** What the analysis found; conversations not analyzed yet match none of these. */
  sentiment?: SentimentLabel;
  frustrated?: boolean;
  humanRequested?: boolean;
  hasUnanswered?: boolean;
  hasOpenActionItems?: boolean;
  topic?: string;
  /** UTC days (`YYYY-MM-DD`, inclusive) the conversation started on, as Insights counts them. */
  startedFrom?: string;
  startedTo?: string;
  /** Insights' outcome of the conversation (insights/rollup.ts `isAiOnly`). */
  outcome?: ConversationOutcome;
  handover?: HandoverTrigger;
  /** Conversations with a question in this group of unanswered questions. */
  questionGroupId?: string;
}

export interface InboxPage {
  items: ConversationCard[];
  nextCursor: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Cursor {
  at: string;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(raw: string): Cursor | null {
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (typeof value.at !== 'string' || typeof value.id !== 'string') return null;
    if (!UUID.test(value.id)) return null;
    if (!isStorableDate(new Date(value.at))) return null;
    return { at: value.at, id: value.id };
  } catch {
    return null;
  }
}

function statusCondition(
  eb: ExpressionBuilder<Database, 'conversations'>,
  status: ConversationStatus,
  now: Date,
) {
  const activeSince = new Date(now.getTime() - ACTIVE_WINDOW_MS);
  const recentSince = new Date(now.getTime() - RECENT_WINDOW_MS);
  switch (status) {
    case 'paused':
      return eb('conversations.ai_paused', '=', true);
    case 'active':
      return eb.and([
        eb('conversations.ai_paused', '=', false),
        eb('conversations.last_activity_at', '>', activeSince),
      ]);
    case 'recent':
      return eb.and([
        eb('conversations.ai_paused', '=', false),
        eb('conversations.last_activity_at', '<=', activeSince),
        eb('conversations.last_activity_at', '>', recentSince),
      ]);
    case 'idle':
      return eb.and([
        eb('conversations.ai_paused', '=', false),
        eb('conversations.last_activity_at', '<=', recentSince),
      ]);
  }
}

/** jsonb containment tests on the analysis, each served by the GIN index of migration 0009. */
function analysisPatterns(filter: InboxFilter): unknown[] {
  const patterns: unknown[] = [];
  if (filter.sentiment) patterns.push({ sentiment: { label: filter.sentiment } });
  if (filter.frustrated) patterns.push({ frustrated: true });
  if (filter.humanRequested) patterns.push({ humanRequested: true });
  if (filter.hasUnanswered) patterns.push({ unansweredQuestions: [{}] });
  if (filter.hasOpenActionItems) patterns.push({ actionItems: [{ done: false }] });
  if (filter.topic) patterns.push({ topics: [filter.topic] });
  return patterns;
}

const conversationColumns = [
  'conversations.id',
  'conversations.workspace_id',
  'conversations.channel_id',
  'conversations.channel_kind',
  'conversations.assistant_id',
  'conversations.contact_id',
  'conversations.thread_key',
  'conversations.subject',
  'conversations.metadata',
  'conversations.preview',
  'conversations.last_activity_at',
  'conversations.last_inbound_at',
  'conversations.ai_paused',
  'conversations.ai_paused_reason',
  'conversations.unread_count',
  'conversations.summary',
  'conversations.analysis',
  'conversations.analysis_version',
  'conversations.analyzed_through_message_id',
  'conversations.created_at',
  'conversations.customer_messages',
  'conversations.assistant_replies',
  'conversations.unanswered_replies',
  'conversations.first_customer_at',
  'conversations.first_ai_reply_at',
  'conversations.first_person_reply_at',
  'conversations.handover_trigger',
  'conversations.handover_at',
  'conversations.handover_reply_at',
] as const;

const contactColumns = [
  'contacts.id as contact__id',
  'contacts.workspace_id as contact__workspace_id',
  'contacts.channel_id as contact__channel_id',
  'contacts.external_id as contact__external_id',
  'contacts.display_name as contact__display_name',
  'contacts.username as contact__username',
  'contacts.email as contact__email',
  'contacts.attributes as contact__attributes',
  'contacts.created_at as contact__created_at',
] as const;

type JoinedRow = ConversationRow & {
  contact__id: string;
  contact__workspace_id: string;
  contact__channel_id: string;
  contact__external_id: string;
  contact__display_name: string | null;
  contact__username: string | null;
  contact__email: string | null;
  contact__attributes: Record<string, string>;
  contact__created_at: Date;
};

function splitJoined(row: JoinedRow): [ConversationRow, ContactRow] {
  const contact: ContactRow = {
    id: row.contact__id,
    workspace_id: row.contact__workspace_id,
    channel_id: row.contact__channel_id,
    external_id: row.contact__external_id,
    display_name: row.contact__display_name,
    username: row.contact__username,
    email: row.contact__email,
    attributes: row.contact__attributes,
    created_at: row.contact__created_at,
  };
  return [row, contact];
}

function baseQuery(db: Db, workspaceId: string) {
  return (
    db
      .selectFrom('conversations')
      .innerJoin('contacts', 'contacts.id', 'conversations.contact_id')
      .select([...conversationColumns, ...contactColumns])
      .where('conversations.workspace_id', '=', workspaceId)
      // Older versions opened a widget conversation before the visitor wrote; a conversation
      // joins the inbox with its first message (every stored message gives a non-empty preview).
      .where('conversations.preview', '<>', '')
  );
}

export async function listConversations(
  db: Db,
  workspaceId: string,
  filter: InboxFilter,
  page: { cursor?: string; limit: number },
  now: Date,
): Promise<InboxPage> {
  let query = baseQuery(db, workspaceId);
  if (filter.channels && filter.channels.length > 0) {
    query = query.where('conversations.channel_kind', 'in', filter.channels);
  }
  if (filter.assistantId)
    query = query.where('conversations.assistant_id', '=', filter.assistantId);
  if (filter.unreadOnly) query = query.where('conversations.unread_count', '>', 0);
  if (filter.from) query = query.where('conversations.last_activity_at', '>=', filter.from);
  if (filter.to) query = query.where('conversations.last_activity_at', '<=', filter.to);
  if (filter.startedFrom) {
    query = query.where(
      'conversations.created_at',
      '>=',
      new Date(`${filter.startedFrom}T00:00:00Z`),
    );
  }
  if (filter.startedTo) {
    query = query.where(
      'conversations.created_at',
      '<=',
      new Date(`${filter.startedTo}T23:59:59.999Z`),
    );
  }
  if (filter.outcome === 'ai_only') {
    query = query
      .where('conversations.assistant_replies', '>', 0)
      .where('conversations.first_person_reply_at', 'is', null)
      .where('conversations.handover_trigger', 'is', null);
  } else if (filter.outcome === 'handed_over') {
    query = query.where('conversations.handover_trigger', 'is not', null);
  }
  if (filter.handover) query = query.where('conversations.handover_trigger', '=', filter.handover);
  const status = filter.status;
  if (status) query = query.where((eb) => statusCondition(eb, status, now));
  const patterns = analysisPatterns(filter);
  if (patterns.length > 0) {
    query = query.where('conversations.analysis_version', '=', ANALYSIS_VERSION);
    for (const pattern of patterns) {
      query = query.where(
        sql<boolean>`conversations.analysis @> ${JSON.stringify(pattern)}::jsonb`,
      );
    }
  }
  const groupId = filter.questionGroupId;
  if (groupId) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('question_group_members')
          .select('question_group_members.message_id')
          .whereRef('question_group_members.conversation_id', '=', 'conversations.id')
          .where('question_group_members.group_id', '=', groupId),
      ),
    );
  }
  const text = filter.query?.trim();
  if (text) {
    const pattern = `%${text.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('messages')
            .select(sql`1`.as('one'))
            .whereRef('messages.conversation_id', '=', 'conversations.id')
            .where(sql<boolean>`messages.search @@ websearch_to_tsquery('simple', ${text})`),
        ),
        eb('contacts.display_name', 'ilike', pattern),
        eb('contacts.email', 'ilike', pattern),
        eb('contacts.username', 'ilike', pattern),
        eb('conversations.subject', 'ilike', pattern),
        sql<boolean>`to_tsvector('simple', COALESCE(conversations.analysis->>'summary', '')) @@ websearch_to_tsquery('simple', ${text})`,
      ]),
    );
  }
  const cursor = page.cursor ? decodeCursor(page.cursor) : null;
  if (cursor) {
    query = query.where(
      sql<boolean>`(conversations.last_activity_at, conversations.id) < (${new Date(cursor.at)}, ${cursor.id}::uuid)`,
    );
  }
  const rows = (await query
    .orderBy('conversations.last_activity_at', 'desc')
    .orderBy('conversations.id', 'desc')
    .limit(page.limit + 1)
    .execute()) as JoinedRow[];
  const hasMore = rows.length > page.limit;
  const items = rows.slice(0, page.limit).map((row) => presentConversation(...splitJoined(row)));
  const last = items.at(-1);
  return {
    items,
    nextCursor: hasMore && last ? encodeCursor({ at: last.lastActivityAt, id: last.id }) : null,
  };
}

export async function getConversation(
  db: Db,
  workspaceId: string,
  conversationId: string,
): Promise<ConversationCard | null> {
  const row = (await baseQuery(db, workspaceId)
    .where('conversations.id', '=', conversationId)
    .executeTakeFirst()) as JoinedRow | undefined;
  return row ? presentConversation(...splitJoined(row)) : null;
}
