/**
 * The audit log's SQL: an entry is appended with its labels (who acted, what it was about)
 * looked up in the same statement, and read newest first, keyset-paginated on (at, id).
 */
import type { AuditAction, AuditDetails, AuditTargetType } from '@parley/domain';
import { sql } from 'kysely';
import type { AuditLogRow } from './schema.js';
import type { Db } from './store.js';

export interface NewAuditEntry {
  workspaceId: string;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  action: AuditAction;
  /** Without a label, the target's current name (or email) is looked up. */
  target: { type: AuditTargetType; id: string; label?: string } | null;
  ip: string | null;
  userAgent: string | null;
  details: AuditDetails;
}

const LABEL_COLUMNS: Record<AuditTargetType, { table: string; column: string }> = {
  user: { table: 'users', column: 'email' },
  api_key: { table: 'api_keys', column: 'name' },
  channel: { table: 'channels', column: 'name' },
  assistant: { table: 'assistants', column: 'name' },
  workspace: { table: 'workspaces', column: 'name' },
  question_group: { table: 'question_groups', column: 'label' },
};

function targetLabel(entry: NewAuditEntry) {
  const target = entry.target;
  if (!target) return null;
  if (target.label !== undefined) return target.label;
  const { table, column } = LABEL_COLUMNS[target.type];
  // Scoped to the workspace, so no label of another tenant can ever be copied in.
  const scope =
    target.type === 'workspace'
      ? sql`id = ${entry.workspaceId}::uuid`
      : sql`workspace_id = ${entry.workspaceId}::uuid`;
  return sql<string | null>`(SELECT ${sql.ref(column)} FROM ${sql.table(table)}
    WHERE id = ${target.id}::uuid AND ${scope})`;
}

export async function insertAuditEntry(db: Db, entry: NewAuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      workspace_id: entry.workspaceId,
      actor_user_id: entry.actorUserId,
      actor_api_key_id: entry.actorApiKeyId,
      // A key acts under its own name; a person under their email.
      actor_label: sql<string>`coalesce(
        (SELECT name FROM api_keys WHERE id = ${entry.actorApiKeyId}::uuid),
        (SELECT email FROM users WHERE id = ${entry.actorUserId}::uuid),
        '')`,
      action: entry.action,
      target_type: entry.target?.type ?? null,
      target_id: entry.target?.id ?? null,
      target_label: targetLabel(entry),
      ip: entry.ip,
      user_agent: entry.userAgent,
      details: JSON.stringify(entry.details),
    })
    .execute();
}

export interface AuditFilter {
  actions?: AuditAction[];
  /** A teammate's or an API key's id. */
  actorId?: string;
  from?: Date;
  to?: Date;
}

export interface AuditPosition {
  at: string;
  id: string;
}

export async function listAuditEntries(
  db: Db,
  workspaceId: string,
  filter: AuditFilter,
  page: { after?: AuditPosition; limit: number },
): Promise<{ rows: AuditLogRow[]; next: AuditPosition | null }> {
  let query = db.selectFrom('audit_log').selectAll().where('workspace_id', '=', workspaceId);
  if (filter.actions && filter.actions.length > 0)
    query = query.where('action', 'in', filter.actions);
  const actorId = filter.actorId;
  if (actorId) {
    query = query.where((eb) =>
      eb.or([eb('actor_user_id', '=', actorId), eb('actor_api_key_id', '=', actorId)]),
    );
  }
  if (filter.from) query = query.where('at', '>=', filter.from);
  if (filter.to) query = query.where('at', '<=', filter.to);
  const after = page.after;
  if (after) {
    query = query.where(sql<boolean>`(at, id) < (${new Date(after.at)}, ${after.id}::uuid)`);
  }
  const rows = await query
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .execute();
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return {
    rows: items,
    next: rows.length > page.limit && last ? { at: last.at.toISOString(), id: last.id } : null,
  };
}
