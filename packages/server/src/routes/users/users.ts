/** Teammates of a workspace: admins add operators (agents or admins) and remove them. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Context } from '../../context.js';
import { badRequest, conflict, notFound } from '../../lib/errors.js';
import { hashPassword } from '../../lib/passwords.js';
import { safeText } from '../../lib/safe-input.js';
import { operatorOf, requireAdmin, requireOperator } from '../../policies/session.js';

const createBody = z.object({
  email: z.email().max(320),
  name: safeText().trim().min(1).max(100),
  password: z.string().min(10, 'Passwords need at least 10 characters.').max(500),
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
      const taken = await ctx.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', email)
        .executeTakeFirst();
      if (taken) throw conflict('user_exists', 'Someone already signs in with this email address.');
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
        .executeTakeFirstOrThrow();
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
        .executeTakeFirst();
      if (deleted.numDeletedRows === 0n) throw notFound('The user');
      return reply.status(204).send();
    },
  );
}
