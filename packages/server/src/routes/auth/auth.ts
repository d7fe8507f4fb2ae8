/** Log in, log out, and who am I. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Context } from '../../context.js';
import { unauthorized } from '../../lib/errors.js';
import { verifyPassword } from '../../lib/passwords.js';
import {
  endSession,
  operatorOf,
  requireOperator,
  SESSION_COOKIE,
  startSession,
} from '../../policies/session.js';
import { recordFailedLogin, recordLogin, recordLogout } from './audit.js';
import { loginBody } from './schema.js';

async function sessionView(ctx: Context, userId: string, csrfToken: string) {
  const row = await ctx.db
    .selectFrom('users')
    .innerJoin('workspaces', 'workspaces.id', 'users.workspace_id')
    .select([
      'users.id',
      'users.email',
      'users.name',
      'users.role',
      'workspaces.id as workspaceId',
      'workspaces.name as workspaceName',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirstOrThrow();
  return {
    user: { id: row.id, email: row.email, name: row.name, role: row.role },
    workspace: { id: row.workspaceId, name: row.workspaceName },
    csrfToken,
  };
}

export async function authRoutes(app: FastifyInstance, ctx: Context & { secureCookies: boolean }) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/auth/login',
    {
      schema: { body: loginBody, tags: ['auth'] },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const user = await ctx.db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', request.body.email.toLowerCase())
        .executeTakeFirst();
      if (!user || !(await verifyPassword(request.body.password, user.password_hash))) {
        recordFailedLogin(ctx, request, reply, user);
        throw unauthorized('Wrong email or password.');
      }
      const session = await startSession(ctx.db, user);
      await recordLogin(ctx, request, user);
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: ctx.secureCookies,
        maxAge: session.maxAgeSeconds,
      });
      return sessionView(ctx, user.id, session.csrfToken);
    },
  );

  api.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'] } },
    async (request: FastifyRequest, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      await recordLogout(ctx, request);
      if (token) await endSession(ctx.db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  api.get(
    '/api/auth/me',
    { schema: { tags: ['auth'] }, preHandler: requireOperator(ctx.db) },
    async (request) => {
      const operator = operatorOf(request);
      return sessionView(ctx, operator.userId, operator.csrfToken);
    },
  );
}
