/**
 * Insights: the performance report (from daily rollups), the issue list (from the stored
 * analysis), and their CSV exports. Read-only; every operator of the workspace may read.
 */
import type {
  ChannelKind,
  InsightsQuery,
  PerformanceFigures,
  PerformanceReport,
} from '@parley/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Context } from '../../context.js';
import { type CsvValue, csvRow } from '../../insights/csv.js';
import {
  buildPerformanceReport,
  dayNumber,
  dayString,
  previousPeriod,
} from '../../insights/report.js';
import { HANDOVER_TRIGGERS } from '../../insights/rollup.js';
import { badRequest } from '../../lib/errors.js';
import { operatorOf, requireOperator } from '../../policies/session.js';
import {
  decodeIssueCursor,
  listIssues,
  loadPerformanceRows,
  loadTopicRows,
} from '../../store/insights.js';
import type { Db } from '../../store/store.js';
import { sendCsv } from '../csv-reply.js';
import { issuesQuery, MAX_PERIOD_DAYS, performanceCsvQuery, performanceQuery } from './schema.js';

const DEFAULT_PERIOD_DAYS = 30;

/** The filters with their defaults: the 30 days that end today (UTC). */
export function resolveQuery(
  query: {
    from?: string | undefined;
    to?: string | undefined;
    channel?: ChannelKind[] | undefined;
    assistant?: string | undefined;
  },
  now: Date,
): InsightsQuery {
  const to = query.to ?? dayString(Math.floor(now.getTime() / 86_400_000));
  const from = query.from ?? dayString(dayNumber(to) - DEFAULT_PERIOD_DAYS + 1);
  const length = dayNumber(to) - dayNumber(from) + 1;
  if (length < 1 || length > MAX_PERIOD_DAYS) {
    throw badRequest(`Pick a period of 1 to ${MAX_PERIOD_DAYS} days, \`from\` before \`to\`.`);
  }
  return { from, to, channels: query.channel ?? [], assistant: query.assistant ?? '' };
}

export async function performanceReport(
  db: Db,
  workspaceId: string,
  query: InsightsQuery,
): Promise<PerformanceReport> {
  const filter = { ...query, from: previousPeriod(query.from, query.to).from };
  const [rows, topics, assistants] = await Promise.all([
    loadPerformanceRows(db, workspaceId, { ...filter, currentFrom: query.from }),
    loadTopicRows(db, workspaceId, filter),
    db
      .selectFrom('assistants')
      .select(['id', 'name'])
      .where('workspace_id', '=', workspaceId)
      .execute(),
  ]);
  return buildPerformanceReport(
    query,
    rows,
    topics,
    new Map(assistants.map((assistant) => [assistant.id, assistant.name])),
  );
}

const FIGURE_HEADERS = [
  'conversations',
  'customer_messages',
  'messages_per_conversation',
  'answered_by_ai_share',
  'handed_over_share',
  ...HANDOVER_TRIGGERS.map((trigger) => `handovers_${trigger}`),
  'ai_first_response_p50_s',
  'ai_first_response_p90_s',
  'human_first_response_p50_s',
  'human_first_response_p90_s',
  'pause_to_human_reply_p50_s',
  'pause_to_human_reply_p90_s',
  'unanswered_rate',
  'average_end_sentiment',
];

function figureCells(figures: PerformanceFigures): CsvValue[] {
  return [
    figures.conversations,
    figures.customerMessages,
    figures.messagesPerConversation,
    figures.answeredByAiShare,
    figures.handedOverShare,
    ...HANDOVER_TRIGGERS.map((trigger) => figures.handoversByTrigger[trigger] ?? 0),
    figures.aiFirstResponseSeconds.p50,
    figures.aiFirstResponseSeconds.p90,
    figures.humanFirstResponseSeconds.p50,
    figures.humanFirstResponseSeconds.p90,
    figures.pauseToHumanReplySeconds.p50,
    figures.pauseToHumanReplySeconds.p90,
    figures.unansweredRate,
    figures.averageEndSentiment,
  ];
}

/** One table of the report as CSV rows, header first. */
export function performanceCsv(
  report: PerformanceReport,
  table: 'channels' | 'assistants' | 'daily' | 'topics',
): string[] {
  const { query, previous } = report;
  switch (table) {
    case 'channels':
    case 'assistants': {
      const rows = table === 'channels' ? report.byChannel : report.byAssistant;
      return [
        csvRow([
          table === 'channels' ? 'channel' : 'assistant_id',
          'label',
          'period',
          'from',
          'to',
          ...FIGURE_HEADERS,
        ]),
        ...rows.flatMap((row) => [
          csvRow([
            row.key,
            row.label,
            'current',
            query.from,
            query.to,
            ...figureCells(row.current),
          ]),
          csvRow([
            row.key,
            row.label,
            'previous',
            previous.from,
            previous.to,
            ...figureCells(row.previous),
          ]),
        ]),
      ];
    }
    case 'daily':
      return [
        csvRow(['day', 'channel', 'conversations', 'customer_messages']),
        ...report.daily.map((entry) =>
          csvRow([entry.day, entry.channel, entry.conversations, entry.customerMessages]),
        ),
      ];
    case 'topics':
      return [
        csvRow(['topic', 'conversations', 'previous_conversations']),
        ...report.topics.map((topic) =>
          csvRow([topic.topic, topic.conversations, topic.previousConversations]),
        ),
      ];
  }
}

export async function insightsRoutes(app: FastifyInstance, ctx: Context) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const preHandler = requireOperator(ctx.db);
  const tags = ['insights'];

  api.get(
    '/api/insights/performance',
    { schema: { querystring: performanceQuery, tags }, preHandler },
    async (request) =>
      performanceReport(
        ctx.db,
        operatorOf(request).workspaceId,
        resolveQuery(request.query, ctx.now()),
      ),
  );

  api.get(
    '/api/insights/performance.csv',
    { schema: { querystring: performanceCsvQuery, tags }, preHandler },
    async (request, reply) => {
      const query = resolveQuery(request.query, ctx.now());
      const report = await performanceReport(ctx.db, operatorOf(request).workspaceId, query);
      const table = request.query.table;
      return sendCsv(
        reply,
        `insights-${table}-${query.from}-${query.to}.csv`,
        performanceCsv(report, table),
      );
    },
  );

  api.get(
    '/api/insights/issues',
    { schema: { querystring: issuesQuery, tags }, preHandler },
    async (request) => {
      const cursor = request.query.cursor ? decodeIssueCursor(request.query.cursor) : null;
      if (request.query.cursor && !cursor) throw badRequest('The page cursor is not valid.');
      return listIssues(
        ctx.db,
        operatorOf(request).workspaceId,
        resolveQuery(request.query, ctx.now()),
        { cursor, limit: request.query.limit },
      );
    },
  );
}
