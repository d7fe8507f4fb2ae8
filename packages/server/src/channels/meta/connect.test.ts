import { describe, expect, it } from 'vitest';
import { metaChannelInput } from './connect.js';

const valid = {
  accountId: '104567890123456',
  accessToken: 'EAAGm0PX4ZCpsBAKZB7example0token0value',
  appSecret: '3c9d0a5f1e2b4c6d8e0f1a2b3c4d5e6f',
  verifyToken: 'open-sesame-42',
};

describe('connecting a Meta channel', () => {
  it('splits the input into routing id, config and secrets, with Graph API defaults', () => {
    expect(metaChannelInput('messenger', valid)).toEqual({
      ok: true,
      settings: {
        kind: 'messenger',
        externalAccountId: '104567890123456',
        config: {
          accountId: '104567890123456',
          graphApiBaseUrl: 'https://graph.facebook.com',
          graphApiVersion: 'v21.0',
        },
        secrets: {
          accessToken: valid.accessToken,
          appSecret: valid.appSecret,
          verifyToken: valid.verifyToken,
        },
      },
    });
  });

  it('keeps a custom Graph API base URL (without trailing slash) and version', () => {
    const result = metaChannelInput('instagram_dm', {
      ...valid,
      graphApiBaseUrl: 'http://127.0.0.1:8080/',
      graphApiVersion: 'v20.0',
    });
    expect(result).toMatchObject({
      ok: true,
      settings: { config: { graphApiBaseUrl: 'http://127.0.0.1:8080', graphApiVersion: 'v20.0' } },
    });
  });

  it('names every field that is wrong', () => {
    const result = metaChannelInput('facebook_comment', {
      accountId: 'my page',
      accessToken: 'short',
      appSecret: 'not-hex',
      verifyToken: 'x',
      graphApiBaseUrl: 'ftp://graph.example',
      graphApiVersion: '21',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.field).sort()).toEqual([
      'accessToken',
      'accountId',
      'appSecret',
      'graphApiBaseUrl',
      'graphApiVersion',
      'verifyToken',
    ]);
  });
});
