import type { AuditEntryView } from '@parley/domain';
import { describe, expect, it } from 'vitest';
import { actionText, actorText, auditLogQuery, targetText } from './audit-log';

const entry = (overrides: Partial<AuditEntryView>): AuditEntryView => ({
  id: 'e1',
  at: '2026-01-10T10:00:00.000Z',
  action: 'auth.login',
  actor: { type: 'user', id: 'u1', label: 'ada@example.com' },
  target: null,
  ip: '203.0.113.9',
  userAgent: 'Firefox',
  details: {},
  ...overrides,
});

describe('audit log wording', () => {
  it('says what changed, in the settings pages’ words, once each', () => {
    expect(
      actionText(
        entry({
          action: 'channel.rules_changed',
          details: { fields: ['autoReply', 'delayMinSeconds', 'delayMaxSeconds'] },
        }),
      ),
    ).toBe('Changed channel rules (auto-reply, response delay)');
    expect(actionText(entry({ action: 'user.added', details: { role: 'agent' } }))).toBe(
      'Added a teammate (agent)',
    );
    expect(actionText(entry({}))).toBe('Signed in');
  });

  it('names people by email and keys by name', () => {
    expect(actorText(entry({}))).toBe('ada@example.com');
    expect(actorText(entry({ actor: { type: 'api_key', id: 'k1', label: 'Deploy' } }))).toBe(
      'API key “Deploy”',
    );
    expect(actorText(entry({ actor: null }))).toBe('Unknown');
  });

  it('names the target, or says it is gone', () => {
    expect(targetText(entry({ target: { type: 'channel', id: 'c1', label: 'Shop' } }))).toBe(
      'Channel “Shop”',
    );
    expect(targetText(entry({ target: { type: 'api_key', id: 'k1', label: null } }))).toBe(
      'API key (removed)',
    );
    expect(targetText(entry({}))).toBe('');
  });

  it('asks for one action or all, after a cursor', () => {
    expect(auditLogQuery(null, null).toString()).toBe('limit=50');
    expect(auditLogQuery('api_key.created', 'abc').toString()).toBe(
      'limit=50&action=api_key.created&cursor=abc',
    );
  });
});
