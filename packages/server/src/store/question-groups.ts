/**
 * Reading unanswered-question groups for Insights: counts of the filtered period per group
 * (from the members' index on (workspace, asked_at)), then the listed groups' examples,
 * actions, follow-ups and a teammate's reply to pre-fill a Q&A.
 */
import type {
  ChannelKind,
  QuestionGroup,
  QuestionGroupAction,
  QuestionGroupList,
  QuestionQuote,
} from '@parley/domain';
import { sql } from 'kysely';
import { type QuestionAndReply, teammateAnswerOf } from '../ai/grouping/teammate-answer.js';
import type { Db } from './store.js';

export interface QuestionGroupQuery {
  from: Date;
  /** Exclusive end. */
  to: Date;
  channels: ChannelKind[];
  assistantId: string | null;
  status: 'open' | 'resolved' | 'all';
}

const LISTED = 50;
const EXAMPLES = 5;
/** Newest questions of a group whose teammate replies are weighed for the Q&A pre-fill. */
const ANSWER_CANDIDATES = 20;

interface CountRow {
  group_id: string;
  count: number | string;
  conversations: number | string;
  languages: string[];
}

export async function listQuestionGroups(
  db: Db,
  workspaceId: string,
  query: QuestionGroupQuery,
): Promise<QuestionGroupList> {
  const channels =
    query.channels.length > 0 ? sql`AND m.channel_kind IN (${sql.join(query.channels)})` : sql``;
  const assistant = query.assistantId
    ? sql`AND g.assistant_id = ${query.assistantId}::uuid`
    : sql``;
  const status = query.status === 'all' ? sql`` : sql`AND g.status = ${query.status}`;
  const counts = await sql<CountRow>`
    SELECT m.group_id, count(*) AS count, count(DISTINCT m.conversation_id) AS conversations,
      array_agg(DISTINCT m.language) AS languages, min(g.status) AS status
    FROM question_group_members m
    JOIN question_groups g ON g.id = m.group_id
    WHERE m.workspace_id = ${workspaceId}::uuid
      AND m.asked_at >= ${query.from} AND m.asked_at < ${query.to}
      ${channels} ${assistant} ${status}
    GROUP BY m.group_id
    ORDER BY min(g.status) ASC, count(*) DESC, m.group_id
    LIMIT ${LISTED}`.execute(db);
  const ids = counts.rows.map((row) => row.group_id);
  if (ids.length === 0) return { groups: [] };

  const [groups, examples, actions, followups, replies] = await Promise.all([
    db.selectFrom('question_groups').selectAll().where('id', 'in', ids).execute(),
    sql<{
      group_id: string;
      message_id: string;
      conversation_id: string;
      question: string;
      language: string;
      asked_at: Date;
    }>`
      SELECT group_id, message_id, conversation_id, question, language, asked_at FROM (
        SELECT m.*, row_number() OVER (PARTITION BY m.group_id ORDER BY m.asked_at DESC) AS rank
        FROM question_group_members m
        WHERE m.group_id IN (${sql.join(ids)})
          AND m.asked_at >= ${query.from} AND m.asked_at < ${query.to} ${channels}
      ) ranked WHERE rank <= ${EXAMPLES}
      ORDER BY asked_at DESC`.execute(db),
    db
      .selectFrom('question_group_actions')
      .select(['group_id', 'kind', 'user_id', 'user_name', 'at', 'detail'])
      .where('group_id', 'in', ids)
      .orderBy('at')
      .execute(),
    db
      .selectFrom('question_group_followups')
      .select([
        'group_id',
        sql<number>`count(*)`.as('asked'),
        sql<number>`count(*) FILTER (WHERE answered)`.as('answered'),
      ])
      .where('group_id', 'in', ids)
      .groupBy('group_id')
      .execute(),
    // For the newest questions of each group, a person's first reply to it: in the same
    // conversation, with nothing else from the customer in between.
    sql<{ group_id: string; question: string; reply: string }>`
      SELECT group_id, question, reply FROM (
        SELECT m.group_id, m.question, reply.text AS reply,
          row_number() OVER (PARTITION BY m.group_id ORDER BY m.asked_at DESC) AS rank
        FROM question_group_members m
        JOIN LATERAL (
          SELECT r.text FROM messages r
          WHERE r.conversation_id = m.conversation_id AND r.author = 'operator'
            AND r.created_at > m.asked_at AND r.removed_at IS NULL
            AND NOT EXISTS (
              SELECT 1 FROM messages later
              WHERE later.conversation_id = m.conversation_id AND later.author = 'contact'
                AND later.created_at > m.asked_at AND later.created_at < r.created_at
            )
          ORDER BY r.created_at LIMIT 1
        ) reply ON true
        WHERE m.group_id IN (${sql.join(ids)})
      ) ranked WHERE rank <= ${ANSWER_CANDIDATES}`.execute(db),
  ]);

  const byId = new Map(groups.map((row) => [row.id, row]));
  const quotes = new Map<string, QuestionQuote[]>();
  for (const row of examples.rows) {
    quotes.set(row.group_id, [
      ...(quotes.get(row.group_id) ?? []),
      {
        messageId: row.message_id,
        conversationId: row.conversation_id,
        quote: row.question,
        language: row.language,
        at: new Date(row.asked_at).toISOString(),
      },
    ]);
  }
  const actionsOf = new Map<string, QuestionGroupAction[]>();
  for (const row of actions) {
    actionsOf.set(row.group_id, [
      ...(actionsOf.get(row.group_id) ?? []),
      {
        kind: row.kind,
        by: { id: row.user_id ?? '', name: row.user_name },
        at: row.at.toISOString(),
        detail: row.detail,
      },
    ]);
  }
  const followupsOf = new Map(followups.map((row) => [row.group_id, row]));
  const candidatesOf = new Map<string, QuestionAndReply[]>();
  for (const row of replies.rows) {
    candidatesOf.set(row.group_id, [...(candidatesOf.get(row.group_id) ?? []), row]);
  }

  return {
    groups: counts.rows.flatMap((row): QuestionGroup[] => {
      const group = byId.get(row.group_id);
      if (!group) return [];
      const followup = followupsOf.get(row.group_id);
      return [
        {
          id: group.id,
          label: group.label,
          assistantId: group.assistant_id,
          count: Number(row.count),
          conversations: Number(row.conversations),
          languages: [...row.languages].sort(),
          examples: quotes.get(group.id) ?? [],
          teammateAnswer: teammateAnswerOf(candidatesOf.get(group.id) ?? []),
          status: group.status,
          actions: actionsOf.get(group.id) ?? [],
          sinceAction: group.first_action_at
            ? { asked: Number(followup?.asked ?? 0), answered: Number(followup?.answered ?? 0) }
            : null,
        },
      ];
    }),
  };
}
