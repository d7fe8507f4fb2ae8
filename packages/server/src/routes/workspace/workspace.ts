/** Assistants and connected channels of the operator's workspace (secrets never included). */
import type { FastifyInstance } from 'fastify';
import type { Context } from '../../context.js';
import { operatorOf, requireOperator } from '../../policies/session.js';

export async function workspaceRoutes(app: FastifyInstance, ctx: Context) {
  const preHandler = requireOperator(ctx.db);

  app.get('/api/assistants', { preHandler, schema: { tags: ['workspace'] } }, async (request) => {
    const rows = await ctx.db
      .selectFrom('assistants')
      .select([
        'id',
        'name',
        'public_key',
        'greeting',
        'suggested_questions',
        'allowed_origins',
        'share_slug',
      ])
      .where('workspace_id', '=', operatorOf(request).workspaceId)
      .orderBy('name')
      .execute();
    return {
      items: rows.map((row) => ({
        id: row.id,
        name: row.name,
        publicKey: row.public_key,
        greeting: row.greeting,
        suggestedQuestions: row.suggested_questions,
        allowedOrigins: row.allowed_origins,
        shareUrl: `/c/${row.share_slug}`,
      })),
    };
  });

  app.get('/api/channels', { preHandler, schema: { tags: ['workspace'] } }, async (request) => {
    const rows = await ctx.db
      .selectFrom('channels')
      .select(['id', 'kind', 'name', 'assistant_id'])
      .where('workspace_id', '=', operatorOf(request).workspaceId)
      .orderBy('name')
      .execute();
    return {
      items: rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        name: row.name,
        assistantId: row.assistant_id,
      })),
    };
  });
}
