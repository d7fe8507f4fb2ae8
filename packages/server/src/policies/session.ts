/**
 * Operator sessions: an httpOnly cookie holds a random token; the database keeps only its
 * hash. State-changing requests must echo the session's CSRF token in `x-csrf-token`.
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

async function findOperator(db: Db, token: string): Promise<Operator | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'users.id as userId',
      'users.workspace_id as workspaceId',
      'users.role',
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

/** Who is calling — an API key or a session — or null; CSRF is the caller's concern. */
export async function authenticate(db: Db, request: FastifyRequest): Promise<Operator | null> {
  const key = bearerKey(request);
  if (key !== null) return findApiKeyOperator(db, key);
  const token = request.cookies[SESSION_COOKIE];
  return token ? findOperator(db, token) : null;
}

/** preHandler for operator routes: an API key, or a session with CSRF enforced on writes. */
export function requireOperator(db: Db) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const operator = await authenticate(db, request);
    if (!operator) {
      throw unauthorized(
        bearerKey(request) !== null ? 'The API key is not valid or was revoked.' : undefined,
      );
    }
    // A bearer key is not sent by browsers on their own, so it needs no CSRF token.
    if (bearerKey(request) === null && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, operator.csrfToken)) {
        throw new AppError(403, 'csrf', 'Missing or invalid CSRF token; reload the page.');
      }
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
