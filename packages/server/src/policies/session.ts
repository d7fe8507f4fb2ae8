/**
 * Operator sessions: an httpOnly cookie holds a random token; the database keeps only its
 * hash. State-changing requests must echo the session's CSRF token in `x-csrf-token`.
 * When a workspace requires two-factor sign-in for admins, an admin's session without it
 * reaches only the routes that let them enrol (`allowWithoutTwoFactor`), nothing else.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, unauthorized } from '../lib/errors.js';
import { randomToken } from '../lib/ids.js';
import type { Db } from '../store/store.js';

export const SESSION_COOKIE = 'parley_session';
const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export interface Operator {
  userId: string;
  workspaceId: string;
  role: 'admin' | 'agent';
  csrfToken: string;
  /** Set when the caller is an API key (acting for `userId`, who created it). */
  apiKeyId?: string;
  /** An admin of a workspace that requires two-factor, signed in without it. */
  mustEnrollTwoFactor: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    operator?: Operator;
  }
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function startSession(db: Db, user: { id: string; workspace_id: string }) {
  const token = randomToken();
  const csrfToken = randomToken(18);
  await db
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      workspace_id: user.workspace_id,
      user_id: user.id,
      csrf_token: csrfToken,
      expires_at: new Date(Date.now() + SESSION_TTL_MS),
    })
    .execute();
  return { token, csrfToken, maxAgeSeconds: SESSION_TTL_MS / 1000 };
}

export async function endSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
}

/** After a password change: every other session of the user ends. */
export async function endOtherSessions(db: Db, userId: string, keepToken: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where('id', '!=', hashToken(keepToken))
    .execute();
}

/** The operator a session token belongs to, whatever its two-factor state. */
export async function findOperator(db: Db, token: string): Promise<Operator | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('workspaces', 'workspaces.id', 'users.workspace_id')
    .select([
      'users.id as userId',
      'users.workspace_id as workspaceId',
      'users.role',
      'users.totp_secret_encrypted',
      'workspaces.require_admin_two_factor',
      'sessions.csrf_token',
    ])
    .where('sessions.id', '=', hashToken(token))
    .where('sessions.expires_at', '>', new Date())
    .executeTakeFirst();
  return row
    ? {
        userId: row.userId,
        workspaceId: row.workspaceId,
        role: row.role,
        csrfToken: row.csrf_token,
        mustEnrollTwoFactor:
          row.require_admin_two_factor && row.role === 'admin' && !row.totp_secret_encrypted,
      }
    : null;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export const API_KEY_PREFIX = 'prl_';

/** A bearer API key acts for the workspace with the key's role; no cookie, so no CSRF. */
async function findApiKeyOperator(db: Db, key: string): Promise<Operator | null> {
  const row = await db
    .updateTable('api_keys')
    .set({ last_used_at: new Date() })
    .where('key_hash', '=', hashToken(key))
    .where('revoked_at', 'is', null)
    .returning(['id', 'created_by', 'workspace_id', 'role'])
    .executeTakeFirst();
  return row
    ? {
        userId: row.created_by,
        workspaceId: row.workspace_id,
        role: row.role,
        csrfToken: '',
        apiKeyId: row.id,
        // Keys are not sign-ins; the requirement is about how people log in.
        mustEnrollTwoFactor: false,
      }
    : null;
}

export function hashApiKey(key: string): string {
  return hashToken(key);
}

const bearerKey = (request: FastifyRequest) => {
  const authorization = request.headers.authorization;
  return authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length).trim() : null;
};

async function identify(db: Db, request: FastifyRequest): Promise<Operator | null> {
  const key = bearerKey(request);
  if (key !== null) return findApiKeyOperator(db, key);
  const token = request.cookies[SESSION_COOKIE];
  return token ? findOperator(db, token) : null;
}

/** Who is calling — an API key or a session with full rights — or null; CSRF is the caller's
 * concern. */
export async function authenticate(db: Db, request: FastifyRequest): Promise<Operator | null> {
  const operator = await identify(db, request);
  return operator?.mustEnrollTwoFactor ? null : operator;
}

/** Writes with a session cookie must echo its CSRF token; a bearer key is not sent by browsers
 * on their own, so it needs none. */
export function assertCsrf(request: FastifyRequest, operator: Operator): void {
  if (bearerKey(request) !== null || SAFE_METHODS.has(request.method)) return;
  const sent = request.headers['x-csrf-token'];
  if (typeof sent !== 'string' || !sameToken(sent, operator.csrfToken)) {
    throw new AppError(403, 'csrf', 'Missing or invalid CSRF token; reload the page.');
  }
}

/** preHandler for operator routes: an API key, or a session with CSRF enforced on writes.
 * `allowWithoutTwoFactor` marks the few routes an admin needs to enrol in two-factor. */
export function requireOperator(db: Db, options: { allowWithoutTwoFactor?: boolean } = {}) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const operator = await identify(db, request);
    if (!operator) {
      throw unauthorized(
        bearerKey(request) !== null ? 'The API key is not valid or was revoked.' : undefined,
      );
    }
    assertCsrf(request, operator);
    if (operator.mustEnrollTwoFactor && !options.allowWithoutTwoFactor) {
      throw new AppError(
        403,
        'two_factor_enrollment_required',
        'This workspace requires two-factor sign-in for admins. Set it up in Settings → Security first.',
      );
    }
    request.operator = operator;
  };
}

/** The operator of a request that passed `requireOperator`. */
export function operatorOf(request: FastifyRequest): Operator {
  if (!request.operator) throw unauthorized();
  return request.operator;
}

/** Workspace settings (channels, rules, assistants) are for admins. */
export function requireAdmin(request: FastifyRequest): Operator {
  const operator = operatorOf(request);
  if (operator.role !== 'admin')
    throw new AppError(403, 'forbidden', 'Only workspace admins can change this.');
  return operator;
}
