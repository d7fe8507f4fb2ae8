/** The audit log in words: what each action, actor and target reads as in the table. */
import type { AuditAction, AuditEntryView } from '@parley/domain';

export const ACTION_LABELS: Record<AuditAction, string> = {
  'auth.login': 'Signed in',
  'auth.login_failed': 'Sign-in failed (wrong password)',
  'auth.logout': 'Signed out',
  'auth.password_changed': 'Changed their password',
  'auth.two_factor_enabled': 'Turned on two-factor sign-in',
  'auth.two_factor_disabled': 'Turned off two-factor sign-in',
  'user.added': 'Added a teammate',
  'user.removed': 'Removed a teammate',
  'user.role_changed': 'Changed a teammate’s role',
  'api_key.created': 'Created an API key',
  'api_key.revoked': 'Revoked an API key',
  'channel.connected': 'Connected a channel',
  'channel.disconnected': 'Disconnected a channel',
  'channel.rules_changed': 'Changed channel rules',
  'assistant.created': 'Created an assistant',
  'assistant.updated': 'Changed an assistant',
  'assistant.duplicated': 'Duplicated an assistant',
  'assistant.deleted': 'Deleted an assistant',
  'workspace.settings_changed': 'Changed workspace settings',
  'conversations.exported': 'Exported conversations',
  'question_group.acted': 'Acted on a group of customer questions',
  'question_group.resolved': 'Resolved a group of customer questions',
  'question_group.reopened': 'Reopened a group of customer questions',
};

/** Setting names as the settings pages call them. */
const FIELD_LABELS: Record<string, string> = {
  autoReply: 'auto-reply',
  delayMinSeconds: 'response delay',
  delayMaxSeconds: 'response delay',
  questionsOnly: 'questions only',
  keywords: 'keywords',
  subjectKeywords: 'subject keywords',
  autoPause: 'safety net',
  assistantId: 'assistant',
  name: 'name',
  instructions: 'instructions',
  greeting: 'greeting',
  suggestedQuestions: 'suggested questions',
  allowedOrigins: 'allowed sites',
  model: 'model settings',
};

/** "Changed channel rules (auto-reply, keywords)", "Added a teammate (agent)". */
export function actionText(entry: AuditEntryView): string {
  const { fields, role } = entry.details;
  const extra = Array.isArray(fields)
    ? [...new Set(fields.map((field) => FIELD_LABELS[field] ?? field))].join(', ')
    : typeof role === 'string'
      ? role
      : '';
  return extra ? `${ACTION_LABELS[entry.action]} (${extra})` : ACTION_LABELS[entry.action];
}

export function actorText(entry: AuditEntryView): string {
  if (!entry.actor) return 'Unknown';
  return entry.actor.type === 'api_key' ? `API key “${entry.actor.label}”` : entry.actor.label;
}

const TARGET_NOUNS = {
  user: 'Teammate',
  api_key: 'API key',
  channel: 'Channel',
  assistant: 'Assistant',
  workspace: 'Workspace',
  question_group: 'Question group',
} as const;

/** "Channel “Shop Messenger”"; a target deleted before it was recorded has no name. */
export function targetText(entry: AuditEntryView): string {
  if (!entry.target) return '';
  const noun = TARGET_NOUNS[entry.target.type];
  return entry.target.label ? `${noun} “${entry.target.label}”` : `${noun} (removed)`;
}

export const AUDIT_PAGE_SIZE = 50;

/** The query for a page of the log: one action or all, after `cursor`. */
export function auditLogQuery(action: AuditAction | null, cursor: string | null): URLSearchParams {
  const query = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE) });
  if (action) query.set('action', action);
  if (cursor) query.set('cursor', cursor);
  return query;
}
