/**
 * Generated conversations for Insights tests and the bench: rows written straight into the
 * database with INSERT … SELECT generate_series (a million in about a minute), with random
 * facts, analyses and, for frustrated ones, the quoted customer message. Rollups are not
 * touched: callers rebuild them (store/insights.ts) as an upgrade would.
 */
import { ANALYSIS_VERSION } from '@parley/domain';
import { sql } from 'kysely';
import type { Db } from '../store/store.js';

export interface GeneratedChannel {
  id: string;
  kind: string;
  assistantId: string | null;
  contactId: string;
}

export interface GenerateOptions {
  workspaceId: string;
  channels: GeneratedChannel[];
  count: number;
  /** Conversations start within the `days` days that end with `lastDay` (UTC, inclusive). */
  lastDay: string;
  days: number;
  /** Keeps thread keys of several calls apart. */
  prefix: string;
  topics?: readonly string[];
  batchSize?: number;
}

const TRIGGERS = ['human_requested', 'keyword', 'frustration', 'failed_answers', 'operator'];
const DEFAULT_TOPICS = ['shipping', 'returns', 'sizing', 'payment', 'order status'];

export async function generateConversations(db: Db, options: GenerateOptions): Promise<void> {
  const batchSize = options.batchSize ?? 100_000;
  const topics = options.topics ?? DEFAULT_TOPICS;
  const channelIds = options.channels.map((channel) => channel.id);
  const kinds = options.channels.map((channel) => channel.kind);
  const assistants = options.channels.map((channel) => channel.assistantId);
  const contacts = options.channels.map((channel) => channel.contactId);
  const end = new Date(`${options.lastDay}T23:59:59.999Z`);
  for (let first = 1; first <= options.count; first += batchSize) {
    const last = Math.min(options.count, first + batchSize - 1);
    await sql`
      WITH src AS (
        SELECT g, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5,
          random() AS r6, random() AS r7, random() AS r8, random() AS r9, random() AS r10,
          random() AS r11, random() AS r12,
          1 + (g % ${options.channels.length}) AS idx
        FROM generate_series(${first}::int, ${last}::int) g
      ), base AS (
        SELECT src.*,
          ${end}::timestamptz - r1 * ${options.days * 86_400} * interval '1 second' AS started,
          (${assistants}::uuid[])[idx] AS assistant_id,
          CASE WHEN (${assistants}::uuid[])[idx] IS NULL THEN 0 ELSE floor(r3 * 4)::int END AS replies,
          CASE WHEN (${assistants}::uuid[])[idx] IS NOT NULL AND r6 < 0.3
            THEN (${TRIGGERS}::text[])[1 + (g % 5)] END AS trigger
        FROM src
      ), shaped AS (
        SELECT base.*,
          CASE WHEN trigger IS NOT NULL THEN started + r7 * 1800 * interval '1 second' END AS handover_at,
          CASE
            WHEN trigger IS NOT NULL AND r9 < 0.8 THEN started + (r7 * 1800 + r9 * 3600) * interval '1 second'
            WHEN assistant_id IS NULL AND r8 < 0.5 THEN started + r8 * 7200 * interval '1 second'
          END AS person_at
        FROM base
      )
      INSERT INTO conversations (workspace_id, channel_id, channel_kind, assistant_id, contact_id,
        thread_key, preview, last_activity_at, created_at, customer_messages, assistant_replies,
        unanswered_replies, first_customer_at, first_ai_reply_at, first_person_reply_at,
        handover_trigger, handover_at, handover_reply_at, analysis, analysis_version)
      SELECT ${options.workspaceId}::uuid, (${channelIds}::uuid[])[idx], (${kinds}::text[])[idx],
        assistant_id, (${contacts}::uuid[])[idx], ${options.prefix}::text || g, 'Generated conversation',
        started + interval '1 hour', started, 1 + floor(r2 * 5)::int, replies,
        CASE WHEN replies > 0 AND r4 < 0.3 THEN 1 ELSE 0 END, started,
        CASE WHEN replies > 0 THEN started + r5 * r5 * 600 * interval '1 second' END,
        person_at, trigger, handover_at, CASE WHEN trigger IS NOT NULL THEN person_at END,
        CASE WHEN r10 < 0.8 THEN jsonb_build_object(
          'version', ${ANALYSIS_VERSION}::int, 'summary', 'Generated', 'keyphrases', '[]'::jsonb,
          'topics', CASE WHEN r11 < 0.3
            THEN jsonb_build_array((${topics}::text[])[1 + (g % ${topics.length})],
              (${topics}::text[])[1 + ((g + 1) % ${topics.length})])
            ELSE jsonb_build_array((${topics}::text[])[1 + (g % ${topics.length})]) END,
          'sentiment', jsonb_build_object('label', 'neutral', 'score', round((r11 * 2 - 1)::numeric, 2),
            'trend', 'steady'),
          'frustrated', r12 < 0.05, 'frustratedBy', null,
          'humanRequested', trigger = 'human_requested', 'humanRequestedBy', null,
          'unansweredQuestions', '[]'::jsonb, 'actionItems', '[]'::jsonb, 'language', 'en',
          'analyzer', 'generated', 'analyzedAt', started, 'lastMessageId', '') END,
        CASE WHEN r10 < 0.8 THEN ${ANALYSIS_VERSION}::int END
      FROM shaped
    `.execute(db);
  }
  // The quoted customer message of each frustrated conversation, and a person's reply after
  // it where one replied, so the issue list has quotes and "replied" marks to show.
  await sql`
    INSERT INTO messages (workspace_id, conversation_id, channel_id, author, direction, text,
      status, created_at)
    SELECT workspace_id, id, channel_id, 'contact', 'inbound', 'This is taking forever!',
      'received', created_at + interval '1 second'
    FROM conversations
    WHERE workspace_id = ${options.workspaceId} AND thread_key LIKE ${`${options.prefix}%`}
      AND analysis @> '{"frustrated": true}'
  `.execute(db);
  await sql`
    INSERT INTO messages (workspace_id, conversation_id, channel_id, author, direction, text,
      status, created_at)
    SELECT workspace_id, id, channel_id, 'operator', 'outbound', 'Sorry, I am on it.', 'sent',
      first_person_reply_at
    FROM conversations
    WHERE workspace_id = ${options.workspaceId} AND thread_key LIKE ${`${options.prefix}%`}
      AND analysis @> '{"frustrated": true}' AND first_person_reply_at > created_at + interval '1 second'
  `.execute(db);
  await sql`
    UPDATE conversations c SET analysis = jsonb_set(c.analysis, '{frustratedBy}',
      jsonb_build_object('messageId', m.id, 'quote', m.text))
    FROM messages m
    WHERE m.conversation_id = c.id AND m.author = 'contact'
      AND c.workspace_id = ${options.workspaceId} AND c.thread_key LIKE ${`${options.prefix}%`}
      AND c.analysis @> '{"frustrated": true}'
  `.execute(db);
}
