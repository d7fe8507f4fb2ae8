/**
 * Insights in the database: applying rollup changes at the end of a write's transaction,
 * keeping the issue list in step with the stored analysis, reading both back, and rebuilding
 * everything from the raw tables.
 */
import {
  ANALYSIS_VERSION,
  type ChannelKind,
  type ConversationAnalysis,
  contactLabel,
  type IssueItem,
  type IssueList,
} from '@parley/domain';
import { sql } from 'kysely';
import { BUCKET_LOWER_BOUNDS, HISTOGRAM_BUCKETS } from '../insights/histogram.js';
import type { DailyCountRow, GroupRow, TopicRow } from '../insights/report.js';
import {
  type ConversationFacts,
  type DailyDelta,
  emptyCounters,
  HANDOVER_TRIGGERS,
  RollupDelta,
  type TopicDelta,
  utcDay,
} from '../insights/rollup.js';
import { isStorableDate } from '../lib/safe-input.js';
import type { ConversationRow } from './schema.js';
import type { Db } from './store.js';

/** The job kind migration 0014 queues per workspace (the name is fixed there). */
export const INSIGHTS_REBUILD_JOB = 'insights.rebuild';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const intArray = (values: readonly number[]) =>
  sql<number[]>`${`{${values.join(',')}}`}::integer[]`;

function dailyValues(delta: DailyDelta) {
  const { key, counters } = delta;
  return {
    workspace_id: key.workspaceId,
    day: key.day,
    channel_kind: key.channelKind,
    assistant_key: key.assistantKey,
    conversations: counters.conversations,
    customer_messages: counters.customerMessages,
    ai_only: counters.aiOnly,
    handed_over: counters.handedOver,
    handover_human_requested: counters.handovers.human_requested,
    handover_keyword: counters.handovers.keyword,
    handover_frustration: counters.handovers.frustration,
    handover_failed_answers: counters.handovers.failed_answers,
    handover_operator: counters.handovers.operator,
    assistant_replies: counters.assistantReplies,
    unanswered_replies: counters.unansweredReplies,
    sentiment_sum: counters.sentimentSum,
    sentiment_count: counters.sentimentCount,
    ai_first_response: intArray(counters.aiFirstResponse),
    human_first_response: intArray(counters.humanFirstResponse),
    pause_to_reply: intArray(counters.pauseToReply),
  };
}

const ADDED_COLUMNS = [
  'conversations',
  'customer_messages',
  'ai_only',
  'handed_over',
  'handover_human_requested',
  'handover_keyword',
  'handover_frustration',
  'handover_failed_answers',
  'handover_operator',
  'assistant_replies',
  'unanswered_replies',
  'sentiment_sum',
  'sentiment_count',
] as const;

const HISTOGRAM_COLUMNS = ['ai_first_response', 'human_first_response', 'pause_to_reply'] as const;

async function upsertDaily(db: Db, deltas: DailyDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  await db
    .insertInto('insights_daily')
    .values(deltas.map(dailyValues))
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'day', 'channel_kind', 'assistant_key']).doUpdateSet((eb) => {
        const set: Record<string, unknown> = {};
        for (const column of ADDED_COLUMNS) {
          set[column] = eb(`insights_daily.${column}`, '+', eb.ref(`excluded.${column}`));
        }
        for (const column of HISTOGRAM_COLUMNS) {
          set[column] =
            sql`insights_histogram_add(${sql.ref(`insights_daily.${column}`)}, ${sql.ref(`excluded.${column}`)})`;
        }
        return set;
      }),
    )
    .execute();
}

async function upsertTopics(db: Db, deltas: TopicDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  await db
    .insertInto('insights_topic_daily')
    .values(
      deltas.map(({ key, topic, conversations }) => ({
        workspace_id: key.workspaceId,
        day: key.day,
        channel_kind: key.channelKind,
        assistant_key: key.assistantKey,
        topic,
        conversations,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['workspace_id', 'day', 'channel_kind', 'assistant_key', 'topic'])
        .doUpdateSet((eb) => ({
          conversations: eb(
            'insights_topic_daily.conversations',
            '+',
            eb.ref('excluded.conversations'),
          ),
        })),
    )
    .execute();
}

const BATCH = 500;

/** Applies the collected changes; call it last in the transaction that changed the facts. */
export async function applyRollupDelta(db: Db, delta: RollupDelta): Promise<void> {
  const daily = delta.dailyChanges();
  for (let start = 0; start < daily.length; start += BATCH) {
    await upsertDaily(db, daily.slice(start, start + BATCH));
  }
  const topics = delta.topicChanges();
  for (let start = 0; start < topics.length; start += BATCH) {
    await upsertTopics(db, topics.slice(start, start + BATCH));
  }
  delta.clear();
}

/** One conversation changed within a transaction that holds its row lock. */
export async function recordFactsChange(
  db: Db,
  before: ConversationFacts | null,
  after: ConversationFacts | null,
): Promise<void> {
  const delta = new RollupDelta();
  delta.change(before, after);
  await applyRollupDelta(db, delta);
}

/** Keeps the issue list equal to what the conversation's current analysis quotes. */
export async function syncIssues(db: Db, row: ConversationRow): Promise<void> {
  await db.deleteFrom('insights_issues').where('conversation_id', '=', row.id).execute();
  const analysis: ConversationAnalysis | null =
    row.analysis_version === ANALYSIS_VERSION ? row.analysis : null;
  if (!analysis) return;
  const quotes = [
    ['frustrated', analysis.frustrated ? analysis.frustratedBy : null],
    ['human_requested', analysis.humanRequested ? analysis.humanRequestedBy : null],
  ] as const;
  const wanted = quotes.filter(([, quote]) => quote !== null);
  if (wanted.length === 0) return;
  // A model's analysis may quote an id that is no message; such a quote is left out.
  const ids = wanted.map(([, quote]) => quote?.messageId ?? '').filter((id) => UUID.test(id));
  if (ids.length === 0) return;
  const messages = await db
    .selectFrom('messages')
    .select(['id', 'created_at'])
    .where('conversation_id', '=', row.id)
    .where('id', 'in', ids)
    .execute();
  const values = wanted.flatMap(([kind, quote]) => {
    const message = messages.find((candidate) => candidate.id === quote?.messageId);
    if (!message || !quote) return [];
    return [
      {
        conversation_id: row.id,
        kind,
        workspace_id: row.workspace_id,
        message_id: message.id,
        quote: quote.quote,
        at: message.created_at,
        day: utcDay(row.created_at),
        channel_kind: row.channel_kind,
        assistant_key: row.assistant_id ?? '',
      },
    ];
  });
  if (values.length > 0) await db.insertInto('insights_issues').values(values).execute();
}

export interface RebuildOptions {
  /** One workspace; all when absent. */
  workspaceId?: string;
  /** Also recount the message-derived facts (counts, first reply times) from `messages`. */
  recountFacts?: boolean;
}

export interface RebuildResult {
  conversations: number;
  dailyRows: number;
  topicRows: number;
  issues: number;
}

/** Message counts and first reply times recounted from the messages. Handover triggers and
 * times stay: a pause leaves no message behind, so what was recorded live is its only record. */
async function recountFacts(db: Db, workspaceId: string | undefined): Promise<void> {
  const scope = (column: string) =>
    workspaceId ? sql`AND ${sql.ref(column)} = ${workspaceId}` : sql``;
  await sql`
    UPDATE conversations c SET
      customer_messages = m.customer_messages,
      assistant_replies = m.assistant_replies,
      unanswered_replies = m.unanswered_replies,
      first_customer_at = m.first_customer_at
    FROM (
      SELECT conversation_id,
        count(*) FILTER (WHERE author = 'contact') AS customer_messages,
        count(*) FILTER (WHERE author = 'assistant') AS assistant_replies,
        count(*) FILTER (WHERE author = 'assistant' AND unanswered_question IS NOT NULL)
          AS unanswered_replies,
        min(created_at) FILTER (WHERE author = 'contact') AS first_customer_at
      FROM messages WHERE true ${scope('messages.workspace_id')}
      GROUP BY conversation_id
    ) m
    WHERE m.conversation_id = c.id
  `.execute(db);
  await sql`
    UPDATE conversations c SET
      first_ai_reply_at = (
        SELECT min(created_at) FROM messages
        WHERE conversation_id = c.id AND author = 'assistant' AND created_at >= c.first_customer_at),
      first_person_reply_at = (
        SELECT min(created_at) FROM messages WHERE conversation_id = c.id
          AND author IN ('operator', 'business') AND created_at >= c.first_customer_at),
      handover_reply_at = (
        SELECT min(created_at) FROM messages WHERE conversation_id = c.id
          AND author IN ('operator', 'business') AND created_at >= c.handover_at)
    WHERE true ${scope('c.workspace_id')}
  `.execute(db);
}

/** Seconds between two instants, at the millisecond precision JavaScript dates carry. */
const seconds = (from: string, to: string) =>
  sql.raw(
    `GREATEST(0, EXTRACT(EPOCH FROM date_trunc('milliseconds', ${to}) - date_trunc('milliseconds', ${from}))::float8)`,
  );

/**
 * The rollups of every conversation, aggregated in the database: the same contribution as
 * `contributionOf` in insights/rollup.ts, written in SQL so a million conversations never cross
 * the wire (the rollup tests hold the two to exact equality). Buckets use the very bounds of
 * insights/histogram.ts through `width_bucket`.
 */
async function rebuildRollups(
  db: Db,
  workspaceId: string | undefined,
): Promise<Omit<RebuildResult, 'issues'>> {
  const scope = workspaceId ? sql`AND workspace_id = ${workspaceId}` : sql``;
  const bounds = `{${BUCKET_LOWER_BOUNDS.join(',')}}`;
  const bucket = (from: string, to: string) =>
    sql`CASE WHEN ${sql.raw(from)} IS NOT NULL AND ${sql.raw(to)} IS NOT NULL
      THEN width_bucket(${seconds(from, to)}, ${bounds}::float8[]) END`;
  const triggers = sql.join(HANDOVER_TRIGGERS.map((trigger) => sql`${trigger}`));
  const facts = sql`
    SELECT workspace_id, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, channel_kind,
      COALESCE(assistant_id::text, '') AS assistant_key, customer_messages, assistant_replies,
      unanswered_replies,
      CASE WHEN handover_trigger IN (${triggers}) THEN handover_trigger END AS trigger,
      (assistant_replies > 0 AND first_person_reply_at IS NULL AND handover_trigger IS NULL)::int
        AS ai_only,
      CASE WHEN analysis_version = ${ANALYSIS_VERSION}
        THEN (analysis->'sentiment'->>'score')::float8 END AS sentiment,
      CASE WHEN analysis_version = ${ANALYSIS_VERSION} THEN analysis->'topics' END AS topics,
      ${bucket('first_customer_at', 'first_ai_reply_at')} AS b0,
      ${bucket('first_customer_at', 'first_person_reply_at')} AS b1,
      ${bucket('handover_at', 'handover_reply_at')} AS b2
    FROM conversations WHERE preview <> '' ${scope}`;
  const handovers = sql.join(
    HANDOVER_TRIGGERS.map(
      (trigger) =>
        sql`count(*) FILTER (WHERE trigger = ${trigger})::int AS ${sql.ref(`handover_${trigger}`)}`,
    ),
  );
  const handoverColumns = sql.join(
    HANDOVER_TRIGGERS.map((trigger) => sql.ref(`handover_${trigger}`)),
  );
  const daily = await sql`
    WITH facts AS MATERIALIZED (${facts}),
    counts AS (
      SELECT workspace_id, day, channel_kind, assistant_key, count(*)::int AS conversations,
        sum(customer_messages)::int AS customer_messages, sum(ai_only)::int AS ai_only,
        count(trigger)::int AS handed_over, ${handovers},
        sum(assistant_replies)::int AS assistant_replies,
        sum(unanswered_replies)::int AS unanswered_replies,
        COALESCE(sum(sentiment), 0) AS sentiment_sum, count(sentiment)::int AS sentiment_count
      FROM facts GROUP BY 1, 2, 3, 4
    ),
    buckets AS (
      SELECT workspace_id, day, channel_kind, assistant_key, v.h, v.b, count(*)::int AS n
      FROM facts CROSS JOIN LATERAL (VALUES (0, b0), (1, b1), (2, b2)) AS v(h, b)
      WHERE v.b IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6
    ),
    dense AS (
      SELECT c.workspace_id, c.day, c.channel_kind, c.assistant_key, h.h,
        array_agg(COALESCE(bk.n, 0) ORDER BY i.i) AS histogram
      FROM counts c
      CROSS JOIN (VALUES (0), (1), (2)) AS h(h)
      CROSS JOIN generate_series(0, ${HISTOGRAM_BUCKETS - 1}) AS i(i)
      LEFT JOIN buckets bk ON bk.workspace_id = c.workspace_id AND bk.day = c.day
        AND bk.channel_kind = c.channel_kind AND bk.assistant_key = c.assistant_key
        AND bk.h = h.h AND bk.b = i.i
      GROUP BY 1, 2, 3, 4, 5
    )
    INSERT INTO insights_daily (workspace_id, day, channel_kind, assistant_key, conversations,
      customer_messages, ai_only, handed_over, ${handoverColumns}, assistant_replies,
      unanswered_replies, sentiment_sum, sentiment_count, ai_first_response,
      human_first_response, pause_to_reply)
    SELECT c.workspace_id, c.day::date, c.channel_kind, c.assistant_key, c.conversations,
      c.customer_messages, c.ai_only, c.handed_over, ${handoverColumns}, c.assistant_replies,
      c.unanswered_replies, c.sentiment_sum, c.sentiment_count, d0.histogram, d1.histogram,
      d2.histogram
    FROM counts c
    JOIN dense d0 USING (workspace_id, day, channel_kind, assistant_key)
    JOIN dense d1 USING (workspace_id, day, channel_kind, assistant_key)
    JOIN dense d2 USING (workspace_id, day, channel_kind, assistant_key)
    WHERE d0.h = 0 AND d1.h = 1 AND d2.h = 2
  `.execute(db);
  const topics = await sql`
    WITH facts AS (${facts})
    INSERT INTO insights_topic_daily (workspace_id, day, channel_kind, assistant_key, topic,
      conversations)
    SELECT workspace_id, day::date, channel_kind, assistant_key, topic, count(*)::int
    FROM facts
    CROSS JOIN LATERAL (
      SELECT DISTINCT topic FROM jsonb_array_elements_text(
        CASE WHEN jsonb_typeof(topics) = 'array' THEN topics ELSE '[]'::jsonb END) AS t(topic)
    ) AS named
    GROUP BY 1, 2, 3, 4, 5
  `.execute(db);
  const total = await sql<{ n: number }>`
    SELECT COALESCE(sum(conversations), 0)::int AS n FROM insights_daily WHERE true ${scope}
  `.execute(db);
  return {
    conversations: Number(total.rows[0]?.n ?? 0),
    dailyRows: Number(daily.numAffectedRows ?? 0),
    topicRows: Number(topics.numAffectedRows ?? 0),
  };
}

/** Every conversation's contribution added to empty rollups, in one transaction that first
 * locks the rollup tables: writers wait at their rollup update, so none is counted twice or
 * lost (its facts are either in this snapshot or applied after it). */
export async function rebuildInsights(
  db: Db,
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  return db.transaction().execute(async (trx) => {
    await sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ`.execute(trx);
    await sql`LOCK TABLE insights_daily, insights_topic_daily, insights_issues IN EXCLUSIVE MODE`.execute(
      trx,
    );
    if (options.recountFacts) await recountFacts(trx, options.workspaceId);
    let daily = trx.deleteFrom('insights_daily');
    let topics = trx.deleteFrom('insights_topic_daily');
    let issues = trx.deleteFrom('insights_issues');
    if (options.workspaceId) {
      daily = daily.where('workspace_id', '=', options.workspaceId);
      topics = topics.where('workspace_id', '=', options.workspaceId);
      issues = issues.where('workspace_id', '=', options.workspaceId);
    }
    await daily.execute();
    await topics.execute();
    await issues.execute();

    const counted = await rebuildRollups(trx, options.workspaceId);
    const scope = options.workspaceId ? sql`AND c.workspace_id = ${options.workspaceId}` : sql``;
    const inserted = await sql`
      INSERT INTO insights_issues
        (conversation_id, kind, workspace_id, message_id, quote, at, day, channel_kind, assistant_key)
      SELECT c.id, q.kind, c.workspace_id, m.id, q.by->>'quote', m.created_at,
        (c.created_at AT TIME ZONE 'UTC')::date, c.channel_kind, COALESCE(c.assistant_id::text, '')
      FROM conversations c
      CROSS JOIN LATERAL (VALUES
        ('frustrated', CASE WHEN c.analysis @> '{"frustrated": true}' THEN c.analysis->'frustratedBy' END),
        ('human_requested',
          CASE WHEN c.analysis @> '{"humanRequested": true}' THEN c.analysis->'humanRequestedBy' END)
      ) AS q(kind, by)
      JOIN messages m ON m.conversation_id = c.id AND m.id::text = q.by->>'messageId'
      WHERE c.analysis_version = ${ANALYSIS_VERSION} AND jsonb_typeof(q.by) = 'object' ${scope}
    `.execute(trx);
    return { ...counted, issues: Number(inserted.numAffectedRows ?? 0) };
  });
}

interface GroupKey {
  current: boolean;
  channel_kind: string;
  assistant_key: string;
}

export interface RollupFilter {
  /** First and last day, inclusive, `YYYY-MM-DD`. */
  from: string;
  to: string;
  channels: readonly string[];
  /** Assistant id; '' for any. */
  assistant: string;
}

function rollupScope(workspaceId: string, filter: RollupFilter) {
  return sql.join(
    [
      sql`workspace_id = ${workspaceId}`,
      sql`day >= ${filter.from}::date`,
      sql`day <= ${filter.to}::date`,
      ...(filter.channels.length > 0
        ? [sql`channel_kind IN (${sql.join(filter.channels.map((kind) => sql`${kind}`))})`]
        : []),
      ...(filter.assistant ? [sql`assistant_key = ${filter.assistant}`] : []),
    ],
    sql` AND `,
  );
}

/**
 * A period and the one before it, summed per period × channel × assistant in the database
 * (a few dozen rows, whatever the number of days; histograms added up here); and
 * the period's conversations and customer messages per day and channel.
 */
export async function loadPerformanceRows(
  db: Db,
  workspaceId: string,
  filter: RollupFilter & { currentFrom: string },
): Promise<{ groups: GroupRow[]; daily: DailyCountRow[] }> {
  const scope = rollupScope(workspaceId, filter);
  const current = sql<boolean>`day >= ${filter.currentFrom}::date`;
  const sums = sql.join(
    ADDED_COLUMNS.map((column) => sql`sum(${sql.ref(column)}) AS ${sql.ref(column)}`),
  );
  const [scalars, buckets, daily] = await Promise.all([
    sql<Record<(typeof ADDED_COLUMNS)[number], number> & GroupKey>`
      SELECT ${current} AS current, channel_kind, assistant_key, ${sums}
      FROM insights_daily WHERE ${scope}
      GROUP BY 1, 2, 3
    `.execute(db),
    // Histograms travel as text and are summed here: cheaper for the database than
    // unnesting every bucket of every row.
    sql<GroupKey & { histograms: string }>`
      SELECT ${current} AS current, channel_kind, assistant_key,
        array_to_string(ai_first_response, ',') || ';' || array_to_string(human_first_response, ',')
          || ';' || array_to_string(pause_to_reply, ',') AS histograms
      FROM insights_daily WHERE ${scope}
    `.execute(db),
    sql<{ day: string; channel_kind: string; conversations: number; customer_messages: number }>`
      SELECT day::text AS day, channel_kind, sum(conversations) AS conversations,
        sum(customer_messages) AS customer_messages
      FROM insights_daily WHERE ${scope} AND ${current}
      GROUP BY 1, 2
    `.execute(db),
  ]);
  const groups = new Map<string, GroupRow>();
  const groupOf = (row: GroupKey) => {
    const id = `${row.current}|${row.channel_kind}|${row.assistant_key}`;
    let group = groups.get(id);
    if (!group) {
      group = {
        period: row.current ? 'current' : 'previous',
        channelKind: row.channel_kind,
        assistantKey: row.assistant_key,
        counters: emptyCounters(),
      };
      groups.set(id, group);
    }
    return group.counters;
  };
  for (const row of scalars.rows) {
    const counters = groupOf(row);
    counters.conversations = Number(row.conversations);
    counters.customerMessages = Number(row.customer_messages);
    counters.aiOnly = Number(row.ai_only);
    counters.handedOver = Number(row.handed_over);
    counters.handovers = {
      human_requested: Number(row.handover_human_requested),
      keyword: Number(row.handover_keyword),
      frustration: Number(row.handover_frustration),
      failed_answers: Number(row.handover_failed_answers),
      operator: Number(row.handover_operator),
    };
    counters.assistantReplies = Number(row.assistant_replies);
    counters.unansweredReplies = Number(row.unanswered_replies);
    counters.sentimentSum = Number(row.sentiment_sum);
    counters.sentimentCount = Number(row.sentiment_count);
  }
  for (const row of buckets.rows) {
    const counters = groupOf(row);
    const targets = [counters.aiFirstResponse, counters.humanFirstResponse, counters.pauseToReply];
    row.histograms.split(';').forEach((text, index) => {
      const target = targets[index];
      if (!target || text === '') return;
      text.split(',').forEach((count, bucket) => {
        if (count !== '0') target[bucket] = (target[bucket] ?? 0) + Number(count);
      });
    });
  }
  return {
    groups: [...groups.values()],
    daily: daily.rows.map((row) => ({
      day: row.day,
      channelKind: row.channel_kind,
      conversations: Number(row.conversations),
      customerMessages: Number(row.customer_messages),
    })),
  };
}

/** Topic counts per day of a period, summed over the filtered channels and assistants. */
export async function loadTopicRows(
  db: Db,
  workspaceId: string,
  filter: RollupFilter,
): Promise<TopicRow[]> {
  let query = db
    .selectFrom('insights_topic_daily')
    .select([sql<string>`day::text`.as('day'), 'topic'])
    .select((eb) => eb.fn.sum<number>('conversations').as('conversations'))
    .where('workspace_id', '=', workspaceId)
    .where('day', '>=', filter.from)
    .where('day', '<=', filter.to)
    .groupBy(['day', 'topic']);
  if (filter.channels.length > 0) query = query.where('channel_kind', 'in', filter.channels);
  if (filter.assistant) query = query.where('assistant_key', '=', filter.assistant);
  const rows = await query.execute();
  return rows.map((row) => ({
    day: row.day,
    topic: row.topic,
    conversations: Number(row.conversations),
  }));
}

export interface IssueCursor {
  at: string;
  conversationId: string;
  kind: 'frustrated' | 'human_requested';
}

export function encodeIssueCursor(cursor: IssueCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeIssueCursor(raw: string): IssueCursor | null {
  try {
    const value = JSON.parse(
      Buffer.from(raw, 'base64url').toString('utf8'),
    ) as Partial<IssueCursor>;
    if (typeof value.at !== 'string' || typeof value.conversationId !== 'string') return null;
    if (!UUID.test(value.conversationId)) return null;
    if (value.kind !== 'frustrated' && value.kind !== 'human_requested') return null;
    const at = new Date(value.at);
    if (!isStorableDate(at)) return null;
    return { at: at.toISOString(), conversationId: value.conversationId, kind: value.kind };
  } catch {
    return null;
  }
}

/** Frustrated conversations and requests for a person that started in the period, newest
 * quote first; a page reads the period's slice of one index and probes each thread once. */
export async function listIssues(
  db: Db,
  workspaceId: string,
  filter: RollupFilter,
  page: { cursor: IssueCursor | null; limit: number },
): Promise<IssueList> {
  let query = db
    .selectFrom('insights_issues as i')
    .innerJoin('conversations as c', 'c.id', 'i.conversation_id')
    .innerJoin('contacts', 'contacts.id', 'c.contact_id')
    .select([
      'i.conversation_id',
      'i.kind',
      'i.message_id',
      'i.quote',
      'i.at',
      'i.channel_kind',
      'contacts.display_name',
      'contacts.email',
      'contacts.username',
      'contacts.external_id',
      'contacts.id as contact_id',
      'contacts.attributes',
    ])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('messages as m')
            .select(sql`1`.as('one'))
            .whereRef('m.conversation_id', '=', 'i.conversation_id')
            .whereRef('m.created_at', '>', 'i.at')
            .where('m.author', 'in', ['operator', 'business']),
        )
        .as('person_replied'),
    )
    .where('i.workspace_id', '=', workspaceId)
    .where('i.day', '>=', filter.from)
    .where('i.day', '<=', filter.to);
  if (filter.channels.length > 0) query = query.where('i.channel_kind', 'in', filter.channels);
  if (filter.assistant) query = query.where('i.assistant_key', '=', filter.assistant);
  const cursor = page.cursor;
  if (cursor) {
    query = query.where(
      sql<boolean>`(i.at, i.conversation_id, i.kind) < (${new Date(cursor.at)}, ${cursor.conversationId}::uuid, ${cursor.kind})`,
    );
  }
  const rows = await query
    .orderBy('i.at', 'desc')
    .orderBy('i.conversation_id', 'desc')
    .orderBy('i.kind', 'desc')
    .limit(page.limit + 1)
    .execute();
  const items: IssueItem[] = rows.slice(0, page.limit).map((row) => ({
    conversationId: row.conversation_id,
    channel: row.channel_kind as ChannelKind,
    contactName: contactLabel({
      id: row.contact_id,
      displayName: row.display_name,
      email: row.email,
      username: row.username,
      externalId: row.external_id,
      attributes: row.attributes,
    }),
    kind: row.kind,
    messageId: row.message_id,
    quote: row.quote,
    at: new Date(row.at).toISOString(),
    personReplied: Boolean(row.person_replied),
  }));
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      rows.length > page.limit && last
        ? encodeIssueCursor({ at: last.at, conversationId: last.conversationId, kind: last.kind })
        : null,
  };
}
