/** API keys for scripts and integrations: created and revoked by admins, shown once. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import { recordAudit } from '../../commands/audit.js';
import type { Context } from '../../context.js';
import { notFound } from '../../lib/errors.js';
import { randomToken } from '../../lib/ids.js';
import { safeText } from '../../lib/safe-input.js';
import { byOperator } from '../../policies/audit-origin.js';
import {
  API_KEY_PREFIX,
  hashApiKey,
  requireAdmin,
  requireOperator,
} from '../../policies/session.js';
import type { ApiKeysTable } from '../../store/schema.js';

const createBody = z.object({
  name: safeText().trim().min(1).max(100),
  role: z.enum(['admin', 'agent']).default('agent'),
});
const idParams = z.object({ id: z.string().uuid() });

function presentApiKey(row: Selectable<ApiKeysTable>) {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    prefix: row.key_prefix,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

export async function apiKeyRoutes(app: FastifyInstance, ctx: Context) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const preHandler = requireOperator(ctx.db);
  const tags = ['api-keys'];

  api.get('/api/api-keys', { preHandler, schema: { tags } }, async (request) => {
    const { workspaceId } = requireAdmin(request);
    const rows = await ctx.db
      .selectFrom('api_keys')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('created_at', 'desc')
      .execute();
    return { items: rows.map(presentApiKey) };
  });

  api.post(
    '/api/api-keys',
    { preHandler, schema: { body: createBody, tags } },
    async (request, reply) => {
      const operator = requireAdmin(request);
      const key = `${API_KEY_PREFIX}${randomToken(30)}`;
      const row = await ctx.db
        .insertInto('api_keys')
        .values({
          workspace_id: operator.workspaceId,
          created_by: operator.userId,
          name: request.body.name,
          role: request.body.role,
          key_hash: hashApiKey(key),
          key_prefix: key.slice(0, API_KEY_PREFIX.length + 6),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(ctx.db, {
        ...byOperator(request),
        action: 'api_key.created',
        target: { type: 'api_key', id: row.id, label: row.name },
        details: { role: row.role },
      });
      // The only time the key itself is shown.
      return reply.status(201).send({ ...presentApiKey(row), key });
    },
  );

  api.delete(
    '/api/api-keys/:id',
    { preHandler, schema: { params: idParams, tags } },
    async (request, reply) => {
      const { workspaceId } = requireAdmin(request);
      const result = await ctx.db
        .updateTable('api_keys')
        .set({ revoked_at: new Date() })
        .where('id', '=', request.params.id)
        .where('workspace_id', '=', workspaceId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) throw notFound('The API key');
      await recordAudit(ctx.db, {
        ...byOperator(request),
        action: 'api_key.revoked',
        target: { type: 'api_key', id: request.params.id },
      });
      return reply.status(204).send();
    },
  );
}
