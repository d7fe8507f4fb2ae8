/**
 * Setting up and turning off two-factor sign-in for oneself, and (admins) requiring it of
 * every admin of the workspace. The enrolment routes stay open to an admin whose workspace
 * requires two-factor and who has not set it up yet; everything else is closed to them.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { recordAudit } from '../../commands/audit.js';
import {
  confirmTwoFactorEnrollment,
  disableTwoFactor,
  startTwoFactorEnrollment,
  twoFactorStatus,
  verifySecondFactor,
} from '../../commands/two-factor.js';
import type { Context } from '../../context.js';
import { AppError, badRequest } from '../../lib/errors.js';
import { verifyPassword } from '../../lib/passwords.js';
import { byOperator } from '../../policies/audit-origin.js';
import { operatorOf, requireAdmin, requireOperator } from '../../policies/session.js';
import { clearFailures, codeThrottleKey } from '../../store/login-throttle.js';
import { codeBody, disableTwoFactorBody, securitySettingsBody } from './schema.js';
import { takeAttempt } from './throttle.js';

/** Two-factor belongs to a person's sign-in; an API key cannot change it. */
function signedInUser(request: FastifyRequest): string {
  if (request.headers.authorization)
    throw badRequest('Two-factor sign-in is set up from a signed-in session, not an API key.');
  return operatorOf(request).userId;
}

export async function twoFactorRoutes(app: FastifyInstance, ctx: Context) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];
  const enrolment = requireOperator(ctx.db, { allowWithoutTwoFactor: true });
  const codeLimit = { rateLimit: { max: 10, timeWindow: '1 minute' } };

  api.get('/api/auth/two-factor', { preHandler: enrolment, schema: { tags } }, async (request) =>
    twoFactorStatus(ctx, operatorOf(request).userId),
  );

  api.post('/api/auth/two-factor/setup', { preHandler: enrolment, schema: { tags } }, (request) =>
    startTwoFactorEnrollment(ctx, signedInUser(request)),
  );

  api.post(
    '/api/auth/two-factor/confirm',
    { preHandler: enrolment, schema: { body: codeBody, tags }, config: codeLimit },
    async (request) => {
      const recoveryCodes = await confirmTwoFactorEnrollment(
        ctx,
        signedInUser(request),
        request.body.code,
      );
      await recordAudit(ctx.db, { ...byOperator(request), action: 'auth.two_factor_enabled' });
      return { recoveryCodes };
    },
  );

  api.post(
    '/api/auth/two-factor/disable',
    {
      preHandler: requireOperator(ctx.db),
      schema: { body: disableTwoFactorBody, tags },
      config: codeLimit,
    },
    async (request, reply) => {
      const userId = signedInUser(request);
      const user = await ctx.db
        .selectFrom('users')
        .innerJoin('workspaces', 'workspaces.id', 'users.workspace_id')
        .select(['users.role', 'users.password_hash', 'workspaces.require_admin_two_factor'])
        .where('users.id', '=', userId)
        .executeTakeFirstOrThrow();
      if (user.role === 'admin' && user.require_admin_two_factor) {
        throw new AppError(
          403,
          'two_factor_required',
          'This workspace requires two-factor sign-in for admins, so it stays on.',
        );
      }
      const throttle = codeThrottleKey(userId);
      await takeAttempt(ctx, reply, throttle);
      const { password, code } = request.body;
      const proven =
        password !== undefined
          ? await verifyPassword(password, user.password_hash)
          : await verifySecondFactor(ctx, userId, code ?? '');
      if (!proven) {
        throw new AppError(400, 'not_proven', 'That password or code is not right.');
      }
      await clearFailures(ctx.db, throttle);
      await disableTwoFactor(ctx, userId);
      await recordAudit(ctx.db, { ...byOperator(request), action: 'auth.two_factor_disabled' });
      return reply.status(204).send();
    },
  );

  api.get(
    '/api/workspace/security',
    { preHandler: requireOperator(ctx.db), schema: { tags: ['workspace'] } },
    async (request) => {
      const row = await ctx.db
        .selectFrom('workspaces')
        .select('require_admin_two_factor')
        .where('id', '=', operatorOf(request).workspaceId)
        .executeTakeFirstOrThrow();
      return { requireAdminTwoFactor: row.require_admin_two_factor };
    },
  );

  api.put(
    '/api/workspace/security',
    {
      preHandler: requireOperator(ctx.db),
      schema: { body: securitySettingsBody, tags: ['workspace'] },
    },
    async (request) => {
      const admin = requireAdmin(request);
      if (request.body.requireAdminTwoFactor) {
        // Whoever turns it on must already comply, or they would shut themselves out.
        const self = await twoFactorStatus(ctx, admin.userId);
        if (!self.enabled)
          throw badRequest('Set up two-factor sign-in for yourself before requiring it.');
      }
      await ctx.db
        .updateTable('workspaces')
        .set({ require_admin_two_factor: request.body.requireAdminTwoFactor })
        .where('id', '=', admin.workspaceId)
        .execute();
      await recordAudit(ctx.db, {
        ...byOperator(request),
        action: 'workspace.settings_changed',
        target: { type: 'workspace', id: admin.workspaceId },
        details: { requireAdminTwoFactor: request.body.requireAdminTwoFactor },
      });
      return { requireAdminTwoFactor: request.body.requireAdminTwoFactor };
    },
  );
}
