/** Conversation intelligence settings of the workspace (topics, safety-net triggers) and the
 * backfill that analyzes existing conversations. Everyone reads; admins change. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { startBackfill } from '../../commands/analysis-backfill.js';
import type { Context } from '../../context.js';
import { operatorOf, requireAdmin, requireOperator } from '../../policies/session.js';
import {
  latestBackfill,
  loadAnalysisSettings,
  presentBackfill,
  saveAnalysisSettings,
} from '../../store/analysis.js';
import { settingsBody } from './schema.js';

export async function analysisRoutes(app: FastifyInstance, ctx: Context) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const preHandler = requireOperator(ctx.db);
  const tags = ['analysis'];

  api.get('/api/analysis/settings', { preHandler, schema: { tags } }, async (request) =>
    loadAnalysisSettings(ctx.db, operatorOf(request).workspaceId),
  );

  api.put(
    '/api/analysis/settings',
    { preHandler, schema: { body: settingsBody, tags } },
    async (request) => {
      const { workspaceId } = requireAdmin(request);
      return saveAnalysisSettings(ctx.db, workspaceId, request.body);
    },
  );

  api.get('/api/analysis/backfill', { preHandler, schema: { tags } }, async (request) => {
    const row = await latestBackfill(ctx.db, operatorOf(request).workspaceId);
    return { backfill: row ? presentBackfill(row) : null };
  });

  api.post('/api/analysis/backfill', { preHandler, schema: { tags } }, async (request, reply) => {
    const { workspaceId } = requireAdmin(request);
    const row = await startBackfill(ctx.db, workspaceId);
    return reply.status(202).send({ backfill: presentBackfill(row) });
  });
}
