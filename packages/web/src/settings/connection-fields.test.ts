import { CHANNEL_KINDS } from '@parley/domain';
import { describe, expect, it } from 'vitest';
import {
  CONNECTION_FIELDS,
  connectionFieldError,
  needsCredentials,
  usesVerifyToken,
} from './connection-fields';

const keys = (kind: keyof typeof CONNECTION_FIELDS) =>
  CONNECTION_FIELDS[kind].map((field) => field.key);

describe('connection fields', () => {
  it('lists what docs/api.md asks for, per kind', () => {
    const meta = [
      'accountId',
      'accessToken',
      'appSecret',
      'verifyToken',
      'graphApiBaseUrl',
      'graphApiVersion',
    ];
    for (const kind of ['messenger', 'facebook_comment', 'instagram_dm', 'instagram_comment']) {
      expect(keys(kind as 'messenger')).toEqual(meta);
    }
    expect(keys('gmail')).toEqual([
      'emailAddress',
      'clientId',
      'clientSecret',
      'refreshToken',
      'pubsubTopic',
      'pushToken',
    ]);
    for (const kind of ['website_widget', 'share_link', 'shopify_widget'] as const) {
      expect(keys(kind)).toEqual([]);
    }
  });

  it('marks secrets, which the browser must not autofill or show', () => {
    const secrets = CHANNEL_KINDS.flatMap((kind) =>
      CONNECTION_FIELDS[kind].filter((field) => field.secret).map((field) => field.key),
    );
    expect(new Set(secrets)).toEqual(
      new Set([
        'accessToken',
        'appSecret',
        'verifyToken',
        'clientSecret',
        'refreshToken',
        'pushToken',
      ]),
    );
  });

  it('widgets need no credentials; Meta and Gmail do', () => {
    expect(needsCredentials('share_link')).toBe(false);
    expect(needsCredentials('messenger')).toBe(true);
    expect(needsCredentials('gmail')).toBe(true);
  });

  it('only Meta kinds need a verify token', () => {
    expect(usesVerifyToken('instagram_dm')).toBe(true);
    expect(usesVerifyToken('gmail')).toBe(false);
    expect(usesVerifyToken('website_widget')).toBe(false);
  });

  it('checks values like the server does', () => {
    const field = (key: string) => {
      const found = [...CONNECTION_FIELDS.messenger, ...CONNECTION_FIELDS.gmail].find(
        (candidate) => candidate.key === key,
      );
      if (!found) throw new Error(key);
      return found;
    };
    expect(connectionFieldError(field('accountId'), '')).toBe('Account id is required.');
    expect(connectionFieldError(field('accountId'), 'my-page')).toMatch(/numeric/);
    expect(connectionFieldError(field('accountId'), ' 1234567 ')).toBeNull();
    expect(connectionFieldError(field('appSecret'), 'abc')).toMatch(/32-character/);
    expect(connectionFieldError(field('appSecret'), 'a'.repeat(32))).toBeNull();
    expect(connectionFieldError(field('verifyToken'), 'short')).toMatch(/at least 8/);
    expect(connectionFieldError(field('graphApiBaseUrl'), '')).toBeNull();
    expect(connectionFieldError(field('graphApiBaseUrl'), 'ftp://x')).toMatch(/http/);
    expect(connectionFieldError(field('graphApiVersion'), '21')).toMatch(/v21\.0/);
    expect(connectionFieldError(field('emailAddress'), 'support@shop.example')).toBeNull();
    expect(connectionFieldError(field('emailAddress'), 'support')).toMatch(/email address/);
    expect(connectionFieldError(field('refreshToken'), 'short')).toMatch(/too short/);
    expect(connectionFieldError(field('pubsubTopic'), 'gmail')).toMatch(/projects\/<project>/);
    expect(connectionFieldError(field('pubsubTopic'), 'projects/p/topics/gmail')).toBeNull();
    expect(connectionFieldError(field('pushToken'), '')).toBeNull();
    expect(connectionFieldError(field('pushToken'), 'short')).toMatch(/16 characters/);
  });
});
