/** Changing one's own password: the current one first, then the policy for the new one. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { recordAudit } from '../../commands/audit.js';
import type { Context } from '../../context.js';
import { AppError, badRequest } from '../../lib/errors.js';
import { assertStrongPassword } from '../../lib/password-policy.js';
import { hashPassword, verifyPassword } from '../../lib/passwords.js';
import { byOperator } from '../../policies/audit-origin.js';
import {
  endOtherSessions,
  operatorOf,
  requireOperator,
  SESSION_COOKIE,
} from '../../policies/session.js';
import { clearFailures, passwordThrottleKey } from '../../store/login-throttle.js';
import { changePasswordBody } from './schema.js';
import { takeAttempt } from './throttle.js';

export async function passwordRoutes(app: FastifyInstance, ctx: Context) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/auth/password',
    {
      schema: { body: changePasswordBody, tags: ['auth'] },
      preHandler: requireOperator(ctx.db, { allowWithoutTwoFactor: true }),
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const operator = operatorOf(request);
      const token = request.cookies[SESSION_COOKIE];
      // An API key has no password of its own to change.
      if (!token) throw badRequest('Sign in to change your password.');
      const user = await ctx.db
        .selectFrom('users')
        .select(['email', 'name', 'password_hash'])
        .where('id', '=', operator.userId)
        .executeTakeFirstOrThrow();
      // Same account throttle as the login, so a stolen session cannot guess the password.
      const throttle = passwordThrottleKey(user.email);
      await takeAttempt(ctx, reply, throttle);
      if (!(await verifyPassword(request.body.currentPassword, user.password_hash))) {
        throw new AppError(400, 'wrong_password', 'Your current password is not right.');
      }
      await clearFailures(ctx.db, throttle);
      assertStrongPassword(request.body.newPassword, user);
      await ctx.db
        .updateTable('users')
        .set({ password_hash: await hashPassword(request.body.newPassword) })
        .where('id', '=', operator.userId)
        .execute();
      await endOtherSessions(ctx.db, operator.userId, token);
      await recordAudit(ctx.db, {
        ...byOperator(request, operator),
        action: 'auth.password_changed',
      });
      return reply.status(204).send();
    },
  );
}
