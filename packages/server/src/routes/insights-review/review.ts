/** Insights → quality review: answers to rate, ratings, and each assistant's weekly score. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { rateAnswer, reviewQueue } from '../../commands/answer-review.js';
import type { Context } from '../../context.js';
import { dayWindow } from '../../lib/insights-window.js';
import { actorName } from '../../policies/actor-name.js';
import { operatorOf, requireOperator } from '../../policies/session.js';
import { answerParams, ratingBody, reviewQuery } from './schema.js';

export async function reviewRoutes(app: FastifyInstance, ctx: Context) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const preHandler = requireOperator(ctx.db);
  const tags = ['insights'];

  api.get(
    '/api/insights/review',
    { preHandler, schema: { querystring: reviewQuery, tags } },
    async (request) => {
      const query = request.query;
      const window = dayWindow(ctx.now(), query.from, query.to);
      return reviewQueue(ctx.db, operatorOf(request).workspaceId, {
        from: window.start,
        to: window.end,
        channels: query.channel ?? [],
        assistantId: query.assistant ?? null,
      });
    },
  );

  api.put(
    '/api/insights/review/:messageId',
    { preHandler, schema: { params: answerParams, body: ratingBody, tags } },
    async (request) => {
      const operator = operatorOf(request);
      return rateAnswer(
        ctx.db,
        {
          workspaceId: operator.workspaceId,
          userId: operator.apiKeyId ? null : operator.userId,
          name: await actorName(ctx.db, request),
        },
        request.params.messageId,
        request.body,
      );
    },
  );
}
