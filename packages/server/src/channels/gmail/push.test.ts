import { describe, expect, it } from 'vitest';
import { pubsubPushBody } from '../../test-support/gmail-fixtures.js';
import { MalformedPayloadError } from '../connector.js';
import { decodeGmailPush, MalformedGmailPushError, verifyGmailPush } from './push.js';

const PUSH_TOKEN = 'c2VjcmV0LXB1c2gtdG9rZW4';

describe('authenticating a Gmail push', () => {
  it('accepts the secret token in the push URL', () => {
    expect(verifyGmailPush({ query: { token: PUSH_TOKEN } }, PUSH_TOKEN)).toEqual({ ok: true });
  });

  it('rejects a wrong token, a token of another length and a missing token', () => {
    expect(
      verifyGmailPush({ query: { token: `${PUSH_TOKEN.slice(0, -1)}x` } }, PUSH_TOKEN),
    ).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(verifyGmailPush({ query: { token: 'short' } }, PUSH_TOKEN)).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(verifyGmailPush({ query: {} }, PUSH_TOKEN)).toMatchObject({ ok: false, status: 401 });
  });

  it('fails closed when the channel has no push token configured', () => {
    expect(verifyGmailPush({ query: { token: 'anything' } }, undefined)).toMatchObject({
      ok: false,
      status: 403,
    });
  });
});

describe('decoding a Pub/Sub push body', () => {
  it('reads the mailbox and historyId from the base64 JSON data', () => {
    const body = pubsubPushBody({ emailAddress: 'Support@Shop.example', historyId: 9876543210 });
    expect(decodeGmailPush(body)).toEqual({
      emailAddress: 'support@shop.example',
      historyId: '9876543210',
      pubsubMessageId: body.message.messageId,
    });
  });

  it('accepts a historyId sent as a string beyond 2^53', () => {
    const body = pubsubPushBody({
      emailAddress: 'support@shop.example',
      historyId: '18446744073709551000',
    });
    expect(decodeGmailPush(body).historyId).toBe('18446744073709551000');
  });

  it.each([
    ['no message', { subscription: 'projects/p/subscriptions/s' }],
    ['no data', { message: { messageId: '1' } }],
    ['data that is not JSON', { message: { data: Buffer.from('not json').toString('base64') } }],
    ['no emailAddress', { message: { data: Buffer.from('{"historyId":1}').toString('base64') } }],
    [
      'a historyId that is not a number',
      {
        message: {
          data: Buffer.from('{"emailAddress":"a@b.c","historyId":"x1"}').toString('base64'),
        },
      },
    ],
    ['a body that is not an object', 'hello'],
  ])('rejects a body with %s as malformed', (_, body) => {
    expect(() => decodeGmailPush(body)).toThrow(MalformedGmailPushError);
    expect(() => decodeGmailPush(body)).toThrow(MalformedPayloadError);
  });
});
