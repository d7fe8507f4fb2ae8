/**
 * Insights → customer questions: unanswered questions grouped by meaning, and the one-click
 * fixes (a Q&A, a suggested question, an instruction line; admins only, as they change the
 * assistant), resolve and reopen.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  actOnQuestionGroup,
  setQuestionGroupStatus,
} from '../../commands/question-group-actions.js';
import type { Context } from '../../context.js';
import { dayWindow } from '../../lib/insights-window.js';
import { actorName } from '../../policies/actor-name.js';
import { byOperator } from '../../policies/audit-origin.js';
import { operatorOf, requireAdmin, requireOperator } from '../../policies/session.js';
import { listQuestionGroups } from '../../store/question-groups.js';
import { actionBody, groupParams, questionsQuery } from './schema.js';

export async function questionGroupRoutes(app: FastifyInstance, ctx: Context) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const preHandler = requireOperator(ctx.db);
  const tags = ['insights'];

  api.get(
    '/api/insights/questions',
    { preHandler, schema: { querystring: questionsQuery, tags } },
    async (request) => {
      const { workspaceId } = operatorOf(request);
      const query = request.query;
      const window = dayWindow(ctx.now(), query.from, query.to);
      return listQuestionGroups(ctx.db, workspaceId, {
        from: window.start,
        to: window.end,
        channels: query.channel ?? [],
        assistantId: query.assistant ?? null,
        status: query.status,
      });
    },
  );

  api.post(
    '/api/insights/questions/:id/actions',
    { preHandler, schema: { params: groupParams, body: actionBody, tags } },
    async (request, reply) => {
      requireAdmin(request);
      const result = await actOnQuestionGroup(
        ctx.db,
        { ...byOperator(request), actorName: await actorName(ctx.db, request) },
        request.params.id,
        request.body,
      );
      return reply.status(201).send(result);
    },
  );

  for (const [verb, status] of [
    ['resolve', 'resolved'],
    ['reopen', 'open'],
  ] as const) {
    api.post(
      `/api/insights/questions/:id/${verb}`,
      { preHandler, schema: { params: groupParams, tags } },
      async (request) =>
        setQuestionGroupStatus(ctx.db, byOperator(request), request.params.id, status),
    );
  }
}
