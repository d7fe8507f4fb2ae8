import { describe, expect, it } from 'vitest';
import { messageView } from '../testing/message-view.js';
import type { KeyValueStore } from './storage.js';
import {
  type EventSourceLike,
  lastEventStorageKey,
  openMessageStream,
  reconnectDelay,
  streamUrl,
} from './stream.js';

const target = {
  apiBase: 'https://parley.test',
  key: 'pk_1',
  visitorId: 'v 1',
  conversationId: 'conv-1',
};

class FakeEventSource implements EventSourceLike {
  closed = false;
  private readonly listeners = new Map<string, ((event: Event) => void)[]>();

  constructor(readonly url: string) {}

  addEventListener(type: string, listener: (event: Event) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
  }

  emit(type: string, data = '', lastEventId = ''): void {
    const event = { type, data, lastEventId } as unknown as Event;
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

function memoryStore(initial: Record<string, string> = {}): KeyValueStore {
  const values = new Map(Object.entries(initial));
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => values.set(key, value),
  };
}

function harness({ store = memoryStore(), resumeFrom = null as string | null } = {}) {
  const sources: FakeEventSource[] = [];
  const timers: { run: () => void; delayMs: number }[] = [];
  const received: string[] = [];
  const resyncs: number[] = [];
  const stream = openMessageStream({
    target,
    store,
    resumeFrom,
    onMessage: (view) => received.push(view.id),
    onResync: () => resyncs.push(resyncs.length + 1),
    connect: (url) => {
      const source = new FakeEventSource(url);
      sources.push(source);
      return source;
    },
    schedule: (run, delayMs) => timers.push({ run, delayMs }),
  });
  return { stream, sources, timers, received, resyncs, store };
}

const created = (id: string, conversationId = 'conv-1') =>
  JSON.stringify(messageView({ id, conversationId }));

describe('streamUrl', () => {
  it('names the conversation and, when known, the last event seen', () => {
    expect(streamUrl(target, null)).toBe(
      'https://parley.test/api/widget/stream?key=pk_1&visitorId=v+1&conversationId=conv-1',
    );
    expect(streamUrl(target, '42')).toContain('&lastEventId=42');
  });
});

describe('openMessageStream', () => {
  it('delivers created and updated messages of its conversation only', () => {
    const { sources, received } = harness();
    sources[0]?.emit('message.created', created('m-1'), '1');
    sources[0]?.emit('message.updated', created('m-1'), '2');
    sources[0]?.emit('message.created', created('m-2', 'other'), '3');
    sources[0]?.emit('message.created', 'not json', '4');
    expect(received).toEqual(['m-1', 'm-1']);
  });

  it('reconnects after an error from the last event id, with backoff', () => {
    const { sources, timers, store } = harness();
    sources[0]?.emit('message.created', created('m-1'), '7');
    sources[0]?.emit('error');
    expect(sources[0]?.closed).toBe(true);
    expect(timers).toHaveLength(1);
    expect(timers[0]?.delayMs).toBe(1_000);
    timers[0]?.run();
    expect(sources[1]?.url).toContain('lastEventId=7');
    expect(store.getItem(lastEventStorageKey(target))).toBe('7');
    sources[1]?.emit('error');
    expect(timers[1]?.delayMs).toBe(2_000);
  });

  it('resets the backoff once a connection opens', () => {
    const { sources, timers } = harness();
    sources[0]?.emit('error');
    timers[0]?.run();
    sources[1]?.emit('open');
    sources[1]?.emit('error');
    expect(timers[1]?.delayMs).toBe(1_000);
  });

  it('resumes after a reload from the event id kept in the tab', () => {
    const { sources } = harness({ store: memoryStore({ [lastEventStorageKey(target)]: '12' }) });
    expect(sources[0]?.url).toContain('lastEventId=12');
  });

  it('starts from the session position rather than an older one kept in the tab', () => {
    const store = memoryStore({ [lastEventStorageKey(target)]: '12' });
    const { sources } = harness({ store, resumeFrom: '30' });
    expect(sources[0]?.url).toContain('lastEventId=30');
  });

  it('asks for a reload when the server skipped ahead, and resumes from its new position', () => {
    const { sources, timers, resyncs } = harness({ resumeFrom: 'sealed-old' });
    sources[0]?.emit('resync', '{}', 'sealed-now');
    expect(resyncs).toEqual([1]);
    sources[0]?.emit('error');
    timers[0]?.run();
    expect(sources[1]?.url).toContain('lastEventId=sealed-now');
  });

  it('stays closed once closed', () => {
    const { stream, sources, timers } = harness();
    sources[0]?.emit('error');
    stream.close();
    timers[0]?.run();
    expect(sources).toHaveLength(1);
  });
});

describe('reconnectDelay', () => {
  it('doubles up to half a minute', () => {
    expect([0, 1, 2, 5, 10].map(reconnectDelay)).toEqual([1_000, 2_000, 4_000, 30_000, 30_000]);
  });
});
