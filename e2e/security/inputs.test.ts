/**
 * The inputs a security review found answering 500 (NUL bytes, dates PostgreSQL cannot hold,
 * malformed ids), replayed against a real server process: each is a 400 that says what is
 * wrong. The route-level fuzz (packages/server/src/routes/hostile-inputs.test.ts) covers
 * every other route and parameter.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLogin, type ParleyProcess, startParley } from '../support/parley-process.js';

const NUL = '\u0000';
const NUL_IN_ADDRESS = /NUL character \(%00\)/;
const NUL_IN_TEXT = /must not contain NUL/;

interface Answer {
  status: number;
  message: string;
}

describe('hostile inputs against a running server', () => {
  let dataDir: string;
  let parley: ParleyProcess;
  let operator: { cookie: string; csrfToken: string };
  let assistantId: string;
  let channelId: string;

  const call = async (
    path: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Answer> => {
    const response = await fetch(`${parley.url}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...init.headers,
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    const text = await response.text();
    const body = (text.startsWith('{') ? JSON.parse(text) : {}) as {
      error?: { message?: string };
    };
    return { status: response.status, message: body.error?.message ?? text };
  };
  const asOperator = (path: string, init: { method?: string; body?: unknown } = {}) =>
    call(path, {
      ...init,
      headers: { cookie: operator.cookie, 'x-csrf-token': operator.csrfToken },
    });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'parley-e2e-inputs-'));
    parley = await startParley({ DATA_DIR: dataDir });
    operator = await demoLogin(parley.url);
    const list = async (path: string) => {
      const response = await fetch(`${parley.url}${path}`, {
        headers: { cookie: operator.cookie },
      });
      return ((await response.json()) as { items: { id: string }[] }).items[0]?.id ?? '';
    };
    assistantId = await list('/api/assistants');
    channelId = await list('/api/channels');
  });

  afterAll(async () => {
    await parley?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('without logging in', () => {
    it('refuses a NUL in a widget key, in the address or in the body', async () => {
      expect(await call('/api/widget/config?key=pk_%00abc')).toEqual({
        status: 400,
        message: expect.stringMatching(NUL_IN_ADDRESS),
      });
      expect(
        await call('/api/widget/session', {
          body: { key: `pk_${NUL}abc`, visitorId: 'visitor-0123456789ab' },
        }),
      ).toEqual({ status: 400, message: expect.stringMatching(NUL_IN_TEXT) });
    });

    it('refuses a Meta delivery whose entry id is a NUL', async () => {
      const answer = await call('/webhooks/meta', {
        body: { object: 'page', entry: [{ id: NUL, time: 1, messaging: [] }] },
        headers: { 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` },
      });
      expect(answer).toEqual({ status: 400, message: expect.stringMatching(/not a Meta webhook/) });
    });

    it('refuses a NUL as the Shopify shop and in a share-link slug', async () => {
      expect(await call('/shopify/proxy/api/widget/config?shop=%00')).toEqual({
        status: 400,
        message: expect.stringMatching(NUL_IN_ADDRESS),
      });
      expect(await call('/c/ava%00')).toEqual({
        status: 400,
        message: expect.stringMatching(NUL_IN_ADDRESS),
      });
    });
  });

  describe('as an operator', () => {
    it('refuses a NUL in the search', async () => {
      expect(await asOperator('/api/conversations?q=%00')).toEqual({
        status: 400,
        message: expect.stringMatching(NUL_IN_ADDRESS),
      });
    });

    it('refuses dates and page cursors outside what the inbox can hold', async () => {
      expect(await asOperator('/api/conversations?from=0000-01-01')).toEqual({
        status: 400,
        message: expect.stringMatching(/Dates must be between 1970-01-01 and 9999-12-31/),
      });
      expect(await asOperator('/api/conversations?to=%2B275760-09-13T00:00:00Z')).toMatchObject({
        status: 400,
      });
      const cursor = Buffer.from(
        JSON.stringify({
          at: '+275760-09-13T00:00:00.000Z',
          id: '00000000-0000-4000-8000-000000000000',
        }),
      ).toString('base64url');
      expect(await asOperator(`/api/conversations?cursor=${cursor}`)).toEqual({
        status: 400,
        message: 'The page cursor is not valid.',
      });
    });

    it('refuses an id that is not one', async () => {
      expect(await asOperator('/api/conversations/not-a-uuid')).toEqual({
        status: 400,
        message: expect.stringMatching(/params\/id Invalid UUID/),
      });
    });

    it('refuses a NUL in names and keywords in settings', async () => {
      const attempts: [string, { method?: string; body: unknown }][] = [
        [`/api/assistants/${assistantId}`, { method: 'PATCH', body: { name: `Ava${NUL}` } }],
        [
          `/api/channels/${channelId}/rules`,
          { method: 'PUT', body: { keywords: [`refund${NUL}`] } },
        ],
        [
          '/api/users',
          {
            body: {
              email: 'nul@parley.local',
              name: `Nu${NUL}ll`,
              password: 'a long enough password',
            },
          },
        ],
        ['/api/api-keys', { body: { name: `Script${NUL}` } }],
      ];
      for (const [path, init] of attempts) {
        expect(await asOperator(path, init), path).toEqual({
          status: 400,
          message: expect.stringMatching(NUL_IN_TEXT),
        });
      }
    });
  });

  it('kept running and serving throughout', async () => {
    expect(await call('/api/health')).toMatchObject({ status: 200 });
    expect(parley.output()).not.toMatch(/request failed/);
  });
});
