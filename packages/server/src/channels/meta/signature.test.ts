import { describe, expect, it } from 'vitest';
import { APP_SECRET, PAGE_ID, signMetaBody } from '../../test-support/meta-fixtures.js';
import type { ChannelRecord, RawRequest } from '../connector.js';
import { signatureMatches, verifyMetaSignature } from './signature.js';

const channel: ChannelRecord = {
  id: 'channel-1',
  workspaceId: 'workspace-1',
  kind: 'messenger',
  name: 'Page',
  assistantId: null,
  config: {},
  secrets: { appSecret: APP_SECRET },
};

// Spacing and a non-ASCII character: re-serializing the parsed JSON would change these bytes.
const rawBody = Buffer.from(`{"object": "page",  "entry": [{"id": "${PAGE_ID}", "note": "café"}]}`);

function request(headers: Record<string, string | undefined>, body = rawBody): RawRequest {
  return { method: 'POST', url: '/webhooks/meta', headers, query: {}, rawBody: body };
}

describe('X-Hub-Signature-256 verification', () => {
  it('accepts the HMAC-SHA256 of the raw bytes keyed with the app secret', () => {
    const signature = signMetaBody(rawBody);
    expect(verifyMetaSignature(request({ 'x-hub-signature-256': signature }), channel)).toEqual({
      ok: true,
    });
  });

  it('rejects a signature computed over the re-serialized JSON instead of the raw bytes', () => {
    const reserialized = JSON.stringify(JSON.parse(rawBody.toString('utf8')));
    const signature = signMetaBody(reserialized);
    const result = verifyMetaSignature(request({ 'x-hub-signature-256': signature }), channel);
    expect(result).toMatchObject({ ok: false, status: 403 });
  });

  it('rejects a body signed with another secret', () => {
    const signature = signMetaBody(rawBody, 'ffffffffffffffffffffffffffffffff');
    const result = verifyMetaSignature(request({ 'x-hub-signature-256': signature }), channel);
    expect(result).toMatchObject({ ok: false, status: 403 });
  });

  it('rejects a body changed after signing', () => {
    const signature = signMetaBody(rawBody);
    const tampered = Buffer.from(rawBody.toString('utf8').replace('café', 'cafe'));
    const result = verifyMetaSignature(
      request({ 'x-hub-signature-256': signature }, tampered),
      channel,
    );
    expect(result).toMatchObject({ ok: false, status: 403 });
  });

  it('answers 401 when the header is missing', () => {
    expect(verifyMetaSignature(request({}), channel)).toMatchObject({ ok: false, status: 401 });
  });

  it('rejects malformed headers without throwing', () => {
    for (const header of [
      'sha1=abc',
      'sha256=',
      'sha256=zz',
      `sha256=${'a'.repeat(63)}`,
      'garbage',
    ]) {
      expect(signatureMatches(rawBody, header, APP_SECRET)).toBe(false);
    }
  });

  it('refuses to verify for a channel that has no app secret', () => {
    const signature = signMetaBody(rawBody);
    const result = verifyMetaSignature(request({ 'x-hub-signature-256': signature }), {
      ...channel,
      secrets: {},
    });
    expect(result).toMatchObject({ ok: false, status: 403 });
  });
});
