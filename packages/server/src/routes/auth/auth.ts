/**
 * Log in (password, then a second factor when enrolled), log out, and who am I.
 * Failed attempts count per account (store/login-throttle.ts) on top of the per-IP limit.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { checkPassword } from '../../commands/sign-in.js';
import { verifySecondFactor } from '../../commands/two-factor.js';
import type { Context } from '../../context.js';
import { unauthorized } from '../../lib/errors.js';
import {
  assertCsrf,
  endSession,
  findOperator,
  operatorOf,
  requireOperator,
  SESSION_COOKIE,
  startSession,
} from '../../policies/session.js';
import {
  challengeUserId,
  createLoginChallenge,
  endLoginChallenge,
} from '../../store/login-challenges.js';
import { clearFailures, codeThrottleKey, passwordThrottleKey } from '../../store/login-throttle.js';
import { recordFailedLogin, recordLogin, recordLogout } from './audit.js';
import { passwordRoutes } from './password.js';
import { loginBody, secondFactorBody } from './schema.js';
import { takeAttempt } from './throttle.js';
import { twoFactorRoutes } from './two-factor.js';

type AuthContext = Context & { secureCookies: boolean };

/** Per IP, on top of the per-account throttle. */
const LOGIN_RATE_LIMIT = { max: 20, timeWindow: '1 minute' };

async function sessionView(ctx: Context, userId: string, csrfToken: string) {
  const row = await ctx.db
    .selectFrom('users')
    .innerJoin('workspaces', 'workspaces.id', 'users.workspace_id')
    .select([
      'users.id',
      'users.email',
      'users.name',
      'users.role',
      'users.totp_secret_encrypted',
      'workspaces.id as workspaceId',
      'workspaces.name as workspaceName',
      'workspaces.require_admin_two_factor',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirstOrThrow();
  return {
    user: { id: row.id, email: row.email, name: row.name, role: row.role },
    workspace: { id: row.workspaceId, name: row.workspaceName },
    csrfToken,
    /** Until set up, this session reaches only the two-factor enrolment routes. */
    twoFactorEnrollmentRequired:
      row.require_admin_two_factor && row.role === 'admin' && !row.totp_secret_encrypted,
  };
}

async function signIn(
  ctx: AuthContext,
  request: FastifyRequest,
  reply: FastifyReply,
  user: { id: string; workspace_id: string },
) {
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
}

export async function authRoutes(app: FastifyInstance, ctx: AuthContext) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/auth/login',
    { schema: { body: loginBody, tags: ['auth'] }, config: { rateLimit: LOGIN_RATE_LIMIT } },
    async (request, reply) => {
      const throttle = passwordThrottleKey(request.body.email);
      await takeAttempt(ctx, reply, throttle);
      const { accounts, matches } = await checkPassword(ctx.db, request.body);
      const [user] = matches;
      if (!user) {
        const shared = accounts.length > 1;
        for (const account of accounts) recordFailedLogin(ctx, request, reply, account, { shared });
        throw unauthorized('Wrong email or password.');
      }
      await clearFailures(ctx.db, throttle);
      if (matches.length > 1) {
        // The password is right in several workspaces: the person picks one and logs in again.
        return {
          workspaceChoiceRequired: true,
          workspaces: matches.map((match) => ({
            id: match.workspace_id,
            name: match.workspaceName,
          })),
        };
      }
      if (user.totp_secret_encrypted) {
        return {
          twoFactorRequired: true,
          challenge: await createLoginChallenge(ctx.db, user.id, ctx.now()),
        };
      }
      return signIn(ctx, request, reply, user);
    },
  );

  api.post(
    '/api/auth/login/totp',
    {
      schema: { body: secondFactorBody, tags: ['auth'] },
      config: { rateLimit: LOGIN_RATE_LIMIT },
    },
    async (request, reply) => {
      const userId = await challengeUserId(ctx.db, request.body.challenge, ctx.now());
      if (!userId) throw unauthorized('This sign-in has expired. Enter your password again.');
      const throttle = codeThrottleKey(userId);
      await takeAttempt(ctx, reply, throttle);
      const user = await ctx.db
        .selectFrom('users')
        .select(['id', 'workspace_id'])
        .where('id', '=', userId)
        .executeTakeFirstOrThrow();
      if (!(await verifySecondFactor(ctx, userId, request.body.code))) {
        recordFailedLogin(ctx, request, reply, user);
        throw unauthorized('That code is not right. Enter the current code or a recovery code.');
      }
      await clearFailures(ctx.db, throttle);
      await endLoginChallenge(ctx.db, request.body.challenge);
      return signIn(ctx, request, reply, user);
    },
  );

  api.post('/api/auth/logout', { schema: { tags: ['auth'] } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    const operator = token ? await findOperator(ctx.db, token) : null;
    // A live session ends only with its CSRF token, so another site cannot sign people out.
    if (token && operator) {
      assertCsrf(request, operator);
      await recordLogout(ctx, request);
      await endSession(ctx.db, token);
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  api.get(
    '/api/auth/me',
    {
      schema: { tags: ['auth'] },
      preHandler: requireOperator(ctx.db, { allowWithoutTwoFactor: true }),
    },
    async (request) => {
      const operator = operatorOf(request);
      return sessionView(ctx, operator.userId, operator.csrfToken);
    },
  );

  await passwordRoutes(app, ctx);
  await twoFactorRoutes(app, ctx);
}
