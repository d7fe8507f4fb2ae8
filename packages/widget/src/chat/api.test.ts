import { describe, expect, it } from 'vitest';
import { messageView } from '../testing/message-view.js';
import { ApiError, createWidgetApi, type Fetch, normalizeConfig } from './api.js';

function recordingFetch(status: number, payload: unknown) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchImpl: Fetch = async (url, init) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(payload), { status });
  };
  return { calls, fetchImpl };
}

describe('createWidgetApi', () => {
  it('posts JSON without cookies', async () => {
    const sent = messageView({ id: 'm-1', author: 'contact' });
    const { calls, fetchImpl } = recordingFetch(200, sent);
    const api = createWidgetApi('https://parley.test', 'pk_1', fetchImpl);
    const request = {
      key: 'pk_1',
      visitorId: 'v-1',
      channel: 'website_widget' as const,
      conversationId: 'c-1',
      text: 'Hi',
      clientMessageId: 'cm-1',
    };
    await expect(api.send(request)).resolves.toEqual(sent);
    expect(calls[0]?.url).toBe('https://parley.test/api/widget/messages');
    expect(calls[0]?.init).toMatchObject({
      method: 'POST',
      credentials: 'omit',
      headers: { 'content-type': 'application/json' },
    });
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual(request);
  });

  it('asks for the config by public key', async () => {
    const { calls, fetchImpl } = recordingFetch(200, {});
    await createWidgetApi('https://parley.test', 'pk 1', fetchImpl).config();
    expect(calls[0]?.url).toBe('https://parley.test/api/widget/config?key=pk%201');
    expect(calls[0]?.init.method).toBe('GET');
  });

  it('keeps only well-formed messages of a session, and its stream position', async () => {
    const good = messageView({ id: 'm-1' });
    const { fetchImpl } = recordingFetch(200, {
      conversationId: 'c-1',
      messages: [good, { id: 2 }],
      lastEventId: 17,
    });
    const api = createWidgetApi('https://parley.test', 'pk_1', fetchImpl);
    const session = await api.session({ key: 'pk_1', visitorId: 'v-1', channel: 'share_link' });
    expect(session).toEqual({ conversationId: 'c-1', messages: [good], lastEventId: '17' });
  });

  it('accepts a session without a conversation yet (no message written)', async () => {
    const { fetchImpl } = recordingFetch(200, {
      conversationId: null,
      messages: [],
      lastEventId: 'v1.sealed',
    });
    const api = createWidgetApi('https://parley.test', 'pk_1', fetchImpl);
    const session = await api.session({ key: 'pk_1', visitorId: 'v-1', channel: 'share_link' });
    expect(session).toEqual({ conversationId: null, messages: [], lastEventId: 'v1.sealed' });
  });

  it('turns error bodies into ApiError', async () => {
    const { fetchImpl } = recordingFetch(403, {
      error: { code: 'origin_not_allowed', message: 'Origin not allowed' },
    });
    const api = createWidgetApi('https://parley.test', 'pk_1', fetchImpl);
    const failure = api.session({ key: 'pk_1', visitorId: 'v-1', channel: 'website_widget' });
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 403, code: 'origin_not_allowed' });
  });
});

describe('normalizeConfig', () => {
  it('reads a complete config', () => {
    const config = normalizeConfig({
      assistant: { name: 'Ava', greeting: 'Hi!', suggestedQuestions: ['Shipping?', '', 3] },
      theme: { color: '#0ea5e9' },
    });
    expect(config).toEqual({
      assistant: { name: 'Ava', greeting: 'Hi!', suggestedQuestions: ['Shipping?'] },
      themeColor: '#0ea5e9',
    });
  });

  it('falls back for anything missing', () => {
    expect(normalizeConfig(null)).toEqual({
      assistant: { name: 'Assistant', greeting: '', suggestedQuestions: [] },
      themeColor: null,
    });
  });
});
