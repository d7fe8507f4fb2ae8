/**
 * Recording a security-relevant action in the audit log. Callers spread an origin (who, from
 * where: `policies/audit-origin.ts`) and name the action in one line; a change is recorded in
 * its own transaction when it has one, so the log never claims what did not happen.
 */
import type { AuditAction, AuditDetails, AuditTargetType } from '@parley/domain';
import { insertAuditEntry } from '../store/audit.js';
import type { Db } from '../store/store.js';

/** Who acted, for which workspace, and from where. */
export interface AuditOrigin {
  workspaceId: string;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditRecord extends AuditOrigin {
  action: AuditAction;
  target?: { type: AuditTargetType; id: string; label?: string };
  details?: AuditDetails;
}

const USER_AGENT_MAX = 256;
/** A second line of defence: details name what changed, never a credential's value. */
const SECRET_KEY = /password|secret|token|credential|^key$|apikey|api_key/i;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const CONTROL = /[\u0000-\u001f\u007f]/g;

function withoutSecrets(details: AuditDetails): AuditDetails {
  return Object.fromEntries(Object.entries(details).filter(([key]) => !SECRET_KEY.test(key)));
}

export async function recordAudit(db: Db, record: AuditRecord): Promise<void> {
  await insertAuditEntry(db, {
    workspaceId: record.workspaceId,
    actorUserId: record.actorUserId,
    actorApiKeyId: record.actorApiKeyId,
    action: record.action,
    target: record.target ?? null,
    ip: record.ip,
    userAgent: record.userAgent?.replace(CONTROL, '').slice(0, USER_AGENT_MAX) || null,
    details: withoutSecrets(record.details ?? {}),
  });
}
