/** The audit log's vocabulary: the security-relevant actions it records. A closed set, so the
 * server can validate filters and the app must word every action (a missing one fails to build). */

export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.password_changed',
  'auth.two_factor_enabled',
  'auth.two_factor_disabled',
  'user.added',
  'user.removed',
  'user.role_changed',
  'api_key.created',
  'api_key.revoked',
  'channel.connected',
  'channel.disconnected',
  'channel.rules_changed',
  'assistant.created',
  'assistant.updated',
  'assistant.duplicated',
  'assistant.deleted',
  'workspace.settings_changed',
  'conversations.exported',
  'question_group.acted',
  'question_group.resolved',
  'question_group.reopened',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What an entry is about; its label is a snapshot, so it still reads well after a deletion. */
export type AuditTargetType =
  | 'user'
  | 'api_key'
  | 'channel'
  | 'assistant'
  | 'workspace'
  | 'question_group';

/** Details are flat, small and never secret (no passwords, tokens or keys). */
export type AuditDetails = Record<string, string | number | boolean | string[] | null>;

export interface AuditEntryView {
  id: string;
  at: string;
  action: AuditAction;
  /** Who acted, or null when nobody is known (e.g. a removed credential). */
  actor: { type: 'user' | 'api_key'; id: string; label: string } | null;
  target: { type: AuditTargetType; id: string; label: string | null } | null;
  ip: string | null;
  userAgent: string | null;
  details: AuditDetails;
}
