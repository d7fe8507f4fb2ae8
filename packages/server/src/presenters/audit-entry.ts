/** API shape of an audit log entry: who (a teammate or an API key), what, to what, from where. */
import type { AuditEntryView } from '@parley/domain';
import type { AuditLogRow } from '../store/schema.js';

function actorOf(row: AuditLogRow): AuditEntryView['actor'] {
  if (row.actor_api_key_id)
    return { type: 'api_key', id: row.actor_api_key_id, label: row.actor_label };
  if (row.actor_user_id) return { type: 'user', id: row.actor_user_id, label: row.actor_label };
  return null;
}

export function presentAuditEntry(row: AuditLogRow): AuditEntryView {
  return {
    id: row.id,
    at: row.at.toISOString(),
    action: row.action,
    actor: actorOf(row),
    target:
      row.target_type && row.target_id
        ? { type: row.target_type, id: row.target_id, label: row.target_label }
        : null,
    ip: row.ip,
    userAgent: row.user_agent,
    details: row.details,
  };
}
