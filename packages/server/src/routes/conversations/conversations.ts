/** The inbox: list, open, reply, pause/resume, mark read. Always scoped to the operator's workspace. */
import { type ConversationCard, contactLabel, openActionItemCount } from '@parley/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { setActionItemDone } from '../../commands/action-items.js';
import { markRead, pauseAi, resumeAi } from '../../commands/pause.js';
import { privateReply } from '../../commands/private-reply.js';
import { sendReply } from '../../commands/send-message.js';
import type { Context } from '../../context.js';
import { csvRow } from '../../insights/csv.js';
import { badRequest, notFound } from '../../lib/errors.js';
import { endOfDayIfDate } from '../../lib/safe-input.js';
import { operatorOf, requireOperator } from '../../policies/session.js';
import { presentMessage } from '../../presenters/conversation.js';
import { answerSourcesOf } from '../../store/answer-sources.js';
import {
  decodeCursor,
  getConversation,
  type InboxFilter,
  listConversations,
} from '../../store/conversations.js';
import { sendCsv } from '../csv-reply.js';
import {
  actionItemBody,
  actionItemParams,
  conversationParams,
  inboxFilterQuery,
  listQuery,
  replyBody,
} from './schema.js';

type InboxFilterQuery = z.infer<typeof inboxFilterQuery>;

function inboxFilterOf(query: InboxFilterQuery): InboxFilter {
  return {
    ...(query.channel ? { channels: query.channel } : {}),
    ...(query.assistant ? { assistantId: query.assistant } : {}),
    ...(query.status ? { status: query.status } : {}),
    unreadOnly: query.unread === 'true',
    ...(query.from ? { from: new Date(query.from) } : {}),
    ...(query.to ? { to: endOfDayIfDate(query.to) } : {}),
    ...(query.q ? { query: query.q } : {}),
    ...(query.sentiment ? { sentiment: query.sentiment } : {}),
    frustrated: query.frustrated === 'true',
    humanRequested: query.humanRequested === 'true',
    hasUnanswered: query.hasUnanswered === 'true',
    hasOpenActionItems: query.hasOpenActionItems === 'true',
    ...(query.topic ? { topic: query.topic } : {}),
    ...(query.startedFrom ? { startedFrom: query.startedFrom } : {}),
    ...(query.startedTo ? { startedTo: query.startedTo } : {}),
    ...(query.outcome ? { outcome: query.outcome } : {}),
    ...(query.handover ? { handover: query.handover } : {}),
    ...(query.questionGroup ? { questionGroupId: query.questionGroup } : {}),
  };
}

const CSV_PAGE = 500;

const CONVERSATION_CSV_HEADERS = [
  'id',
  'started_at',
  'last_activity_at',
  'channel',
  'assistant_id',
  'contact',
  'contact_email',
  'subject',
  'ai_paused',
  'outcome',
  'handover_trigger',
  'summary',
  'topics',
  'sentiment',
  'sentiment_score',
  'frustrated',
  'human_requested',
  'unanswered_questions',
  'open_action_items',
];

function conversationCsvRow(card: ConversationCard): string {
  const analysis = card.analysis;
  return csvRow([
    card.id,
    card.createdAt,
    card.lastActivityAt,
    card.channelKind,
    card.assistantId,
    contactLabel(card.contact),
    card.contact.email,
    card.subject,
    card.aiPaused,
    card.outcome ?? null,
    card.handoverTrigger ?? null,
    analysis?.summary ?? card.summary,
    analysis?.topics.join('; '),
    analysis?.sentiment.label,
    analysis?.sentiment.score,
    analysis?.frustrated,
    analysis?.humanRequested,
    analysis?.unansweredQuestions.map((question) => question.quote).join(' | '),
    analysis ? openActionItemCount(analysis) : null,
  ]);
}

export async function conversationRoutes(app: FastifyInstance, ctx: Context) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const preHandler = requireOperator(ctx.db);
  const tags = ['conversations'];

  api.get(
    '/api/conversations',
    { schema: { querystring: listQuery, tags }, preHandler },
    async (request) => {
      const { workspaceId } = operatorOf(request);
      const query = request.query;
      if (query.cursor && !decodeCursor(query.cursor))
        throw badRequest('The page cursor is not valid.');
      return listConversations(
        ctx.db,
        workspaceId,
        inboxFilterOf(query),
        { ...(query.cursor ? { cursor: query.cursor } : {}), limit: query.limit },
        ctx.now(),
      );
    },
  );

  api.get(
    '/api/conversations.csv',
    { schema: { querystring: inboxFilterQuery, tags }, preHandler },
    async (request, reply) => {
      const { workspaceId } = operatorOf(request);
      const filter = inboxFilterOf(request.query);
      const now = ctx.now();
      // Page by page along the inbox's own keyset, so a large export never sits in memory.
      async function* lines() {
        yield csvRow(CONVERSATION_CSV_HEADERS);
        let cursor: string | null = null;
        do {
          const page = await listConversations(
            ctx.db,
            workspaceId,
            filter,
            { ...(cursor ? { cursor } : {}), limit: CSV_PAGE },
            now,
          );
          for (const card of page.items) yield conversationCsvRow(card);
          cursor = page.nextCursor;
        } while (cursor);
      }
      return sendCsv(reply, `conversations-${now.toISOString().slice(0, 10)}.csv`, lines());
    },
  );

  api.get(
    '/api/conversations/:id',
    { schema: { params: conversationParams, tags }, preHandler },
    async (request) => {
      const card = await getConversation(
        ctx.db,
        operatorOf(request).workspaceId,
        request.params.id,
      );
      if (!card) throw notFound('The conversation');
      return card;
    },
  );

  api.get(
    '/api/conversations/:id/messages',
    { schema: { params: conversationParams, tags }, preHandler },
    async (request) => {
      const { workspaceId } = operatorOf(request);
      const card = await getConversation(ctx.db, workspaceId, request.params.id);
      if (!card) throw notFound('The conversation');
      const rows = await ctx.db
        .selectFrom('messages')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('conversation_id', '=', card.id)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      // The analysis comes along, so a thread can mark its unanswered questions in place.
      const sources = await answerSourcesOf(ctx.db, workspaceId, rows);
      return {
        items: rows.map((row, index) => presentMessage(row, sources[index])),
        analysis: card.analysis,
      };
    },
  );

  api.post(
    '/api/conversations/:id/messages',
    { schema: { params: conversationParams, body: replyBody, tags }, preHandler },
    async (request, reply) => {
      const operator = operatorOf(request);
      const message = await sendReply(ctx, {
        workspaceId: operator.workspaceId,
        conversationId: request.params.id,
        text: request.body.text,
        author: 'operator',
        userId: operator.userId,
      });
      return reply.status(201).send(message);
    },
  );

  api.post(
    '/api/conversations/:id/private-reply',
    { schema: { params: conversationParams, body: replyBody, tags }, preHandler },
    async (request, reply) => {
      const operator = operatorOf(request);
      const result = await privateReply(ctx, {
        workspaceId: operator.workspaceId,
        conversationId: request.params.id,
        text: request.body.text,
        userId: operator.userId,
      });
      return reply.status(201).send(result);
    },
  );

  api.post(
    '/api/conversations/:id/action-items/:itemId',
    { schema: { params: actionItemParams, body: actionItemBody, tags }, preHandler },
    async (request) => {
      const operator = operatorOf(request);
      return setActionItemDone(ctx, {
        workspaceId: operator.workspaceId,
        conversationId: request.params.id,
        itemId: request.params.itemId,
        done: request.body.done,
        userId: operator.userId,
      });
    },
  );

  for (const [action, command] of [
    ['pause', pauseAi],
    ['resume', resumeAi],
    ['read', markRead],
  ] as const) {
    api.post(
      `/api/conversations/:id/${action}`,
      { schema: { params: conversationParams, tags }, preHandler },
      async (request) => command(ctx, operatorOf(request).workspaceId, request.params.id),
    );
  }
}
