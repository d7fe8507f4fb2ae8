/** Where an audited action came from: the request's operator (a teammate or an API key), its
 * IP address (X-Forwarded-For only behind a trusted proxy) and browser. */
import type { FastifyRequest } from 'fastify';
import type { AuditOrigin } from '../commands/audit.js';
import { operatorOf } from './session.js';

function client(request: FastifyRequest) {
  return { ip: request.ip || null, userAgent: request.headers['user-agent'] ?? null };
}

/** The operator of a request that passed `requireOperator` (or one found otherwise). */
export function byOperator(request: FastifyRequest, operator = operatorOf(request)): AuditOrigin {
  return {
    workspaceId: operator.workspaceId,
    // An API key acts as itself, not as the teammate who created it.
    actorUserId: operator.apiKeyId ? null : operator.userId,
    actorApiKeyId: operator.apiKeyId ?? null,
    ...client(request),
  };
}

/** A teammate who is not signed in yet (logging in). */
export function byUser(request: FastifyRequest, user: { id: string; workspace_id: string }) {
  return {
    workspaceId: user.workspace_id,
    actorUserId: user.id,
    actorApiKeyId: null,
    ...client(request),
  } satisfies AuditOrigin;
}
