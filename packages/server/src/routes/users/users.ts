/** Teammates of a workspace: admins add operators (agents or admins) and remove them. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../commands/audit.js';
import type { Context } from '../../context.js';
import { badRequest, conflict, isUniqueViolation, notFound } from '../../lib/errors.js';
import { assertStrongPassword } from '../../lib/password-policy.js';
import { hashPassword } from '../../lib/passwords.js';
import { safeText } from '../../lib/safe-input.js';
import { byOperator } from '../../policies/audit-origin.js';
import { operatorOf, requireAdmin, requireOperator } from '../../policies/session.js';

const createBody = z.object({
  email: z.email().max(320),
  name: safeText().trim().min(1).max(100),
  // Length and strength: lib/password-policy.ts, which also says why a password is refused.
  password: z.string().max(500),
  role: z.enum(['admin', 'agent']).default('agent'),
});
const idParams = z.object({ id: z.string().uuid() });

function presentUser(row: {
  id: string;
  email: string;
  name: string;
  role: string;
  created_at: Date;
}) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    createdAt: row.created_at.toISOString(),
  };
}

export async function userRoutes(app: FastifyInstance, ctx: Context) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const preHandler = requireOperator(ctx.db);
  const tags = ['users'];

  api.get('/api/users', { preHandler, schema: { tags } }, async (request) => {
    const rows = await ctx.db
      .selectFrom('users')
      .select(['id', 'email', 'name', 'role', 'created_at'])
      .where('workspace_id', '=', operatorOf(request).workspaceId)
      .orderBy('name')
      .execute();
    return {
      items: rows.map(presentUser),
    };
  });

  api.post(
    '/api/users',
    { preHandler, schema: { body: createBody, tags } },
    async (request, reply) => {
      const { workspaceId } = requireAdmin(request);
      const email = request.body.email.toLowerCase();
      assertStrongPassword(request.body.password, { email, name: request.body.name });
      const row = await ctx.db
        .insertInto('users')
        .values({
          workspace_id: workspaceId,
          email,
          name: request.body.name,
          role: request.body.role,
          password_hash: await hashPassword(request.body.password),
        })
        .returning(['id', 'email', 'name', 'role', 'created_at'])
        .executeTakeFirstOrThrow()
        .catch((error: unknown) => {
          // Emails are unique per workspace only: other workspaces' users are not ours to reveal.
          if (isUniqueViolation(error))
            throw conflict(
              'user_exists',
              'Someone in this workspace already signs in with this email.',
            );
          throw error;
        });
      await recordAudit(ctx.db, {
        ...byOperator(request),
        action: 'user.added',
        target: { type: 'user', id: row.id, label: row.email },
        details: { role: row.role },
      });
      return reply.status(201).send(presentUser(row));
    },
  );

  api.delete(
    '/api/users/:id',
    { preHandler, schema: { params: idParams, tags } },
    async (request, reply) => {
      const operator = requireAdmin(request);
      if (request.params.id === operator.userId) throw badRequest('You cannot remove yourself.');
      // Sessions and API keys of the removed user go with the row (ON DELETE CASCADE).
      const deleted = await ctx.db
        .deleteFrom('users')
        .where('id', '=', request.params.id)
        .where('workspace_id', '=', operator.workspaceId)
        .returning(['id', 'email'])
        .executeTakeFirst();
      if (!deleted) throw notFound('The user');
      await recordAudit(ctx.db, {
        ...byOperator(request),
        action: 'user.removed',
        target: { type: 'user', id: deleted.id, label: deleted.email },
      });
      return reply.status(204).send();
    },
  );
}
