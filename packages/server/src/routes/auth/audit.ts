/**
 * What logging in and out leaves in the audit log. Kept beside the auth routes so each one
 * needs a single call. A failed login is recorded only for an email that has an account (an
 * unknown email belongs to no workspace), and only after the answer is sent: a write that
 * only known emails pay for would make them measurably slower, telling which emails exist.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../../commands/audit.js';
import type { Context } from '../../context.js';
import { byOperator, byUser } from '../../policies/audit-origin.js';
import { authenticate, SESSION_COOKIE } from '../../policies/session.js';

type LoginUser = { id: string; workspace_id: string };

export async function recordLogin(ctx: Context, request: FastifyRequest, user: LoginUser) {
  await recordAudit(ctx.db, { ...byUser(request, user), action: 'auth.login' });
}

/**
 * `shared`: the email has accounts in several workspaces, so the attempt cannot be told to be
 * aimed at any one of them. Each still records it, but without the client's address and
 * browser: another tenant that added the same email must not watch this person's sign-ins.
 */
export function recordFailedLogin(
  ctx: Context,
  request: FastifyRequest,
  reply: FastifyReply,
  user: LoginUser | undefined,
  { shared = false }: { shared?: boolean } = {},
): void {
  if (!user) return;
  const origin = byUser(request, user);
  const entry = shared
    ? { ...origin, ip: null, userAgent: null, details: { sharedEmail: true } }
    : origin;
  // `close` also fires when the client hangs up early, so dropping the connection cannot
  // keep a guess out of the log.
  reply.raw.once('close', () => {
    recordAudit(ctx.db, { ...entry, action: 'auth.login_failed' }).catch((error: unknown) =>
      ctx.log.error('audit: recording a failed login failed', { error }),
    );
  });
}

/** Call before the session ends, while it still says who is leaving. */
export async function recordLogout(ctx: Context, request: FastifyRequest): Promise<void> {
  if (!request.cookies[SESSION_COOKIE]) return;
  const operator = request.operator ?? (await authenticate(ctx.db, request));
  if (!operator || operator.apiKeyId) return;
  await recordAudit(ctx.db, { ...byOperator(request, operator), action: 'auth.logout' });
}
