import { describe, expect, it } from 'vitest';
import type { ApiKey } from '../api';
import {
  authorizationHeader,
  curlExample,
  keyPreview,
  listedKeyOf,
  markRevoked,
  orderApiKeys,
} from './api-keys';

const key = (id: string, createdAt: string, revokedAt: string | null = null): ApiKey => ({
  id,
  name: `Key ${id}`,
  role: 'agent',
  prefix: `prl_${id}`,
  lastUsedAt: null,
  revokedAt,
  createdAt,
});

describe('API keys', () => {
  it('lists keys in use first, newest first', () => {
    const ordered = orderApiKeys([
      key('old', '2026-01-01T00:00:00Z'),
      key('gone', '2026-03-01T00:00:00Z', '2026-03-02T00:00:00Z'),
      key('new', '2026-02-01T00:00:00Z'),
    ]);
    expect(ordered.map((item) => item.id)).toEqual(['new', 'old', 'gone']);
  });

  it('marks a revoked key with the time, leaving the others and earlier revocations alone', () => {
    const now = new Date('2026-04-01T10:00:00Z');
    const keys = [key('a', '2026-01-01T00:00:00Z'), key('b', '2026-01-02T00:00:00Z', 'earlier')];
    expect(markRevoked(keys, 'a', now)).toEqual([
      { ...keys[0], revokedAt: '2026-04-01T10:00:00.000Z' },
      keys[1],
    ]);
    expect(markRevoked(keys, 'b', now)[1]?.revokedAt).toBe('earlier');
  });

  it('keeps the secret out of the list entry of a new key', () => {
    const created = { ...key('a', '2026-01-01T00:00:00Z'), key: 'prl_secret-value' };
    const listed = listedKeyOf(created);
    expect(listed).toEqual(key('a', '2026-01-01T00:00:00Z'));
    expect(JSON.stringify(listed)).not.toContain('secret-value');
  });

  it('shows only the start of a key, and how to send a whole one', () => {
    expect(keyPreview('prl_abc123')).toBe('prl_abc123…');
    expect(authorizationHeader('prl_xyz')).toBe('Authorization: Bearer prl_xyz');
    expect(curlExample('https://parley.example', '<key>')).toBe(
      'curl -H "Authorization: Bearer <key>" https://parley.example/api/conversations',
    );
  });
});
