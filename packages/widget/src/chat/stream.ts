import type { MessageView } from '@parley/domain';
import { isMessageView } from './message-shape.js';
import type { KeyValueStore } from './storage.js';

/** The part of `EventSource` the stream uses, so tests can stand in for it. */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: Event) => void): void;
  close(): void;
}

export interface StreamTarget {
  apiBase: string;
  key: string;
  visitorId: string;
  conversationId: string;
}

export interface MessageStreamOptions {
  target: StreamTarget;
  /** Keeps the last event id across reloads of the tab (sessionStorage in the browser). */
  store: KeyValueStore;
  /**
   * Where the messages already shown end (the session's `lastEventId`). It is at least as
   * recent as anything kept from before a reload, so it wins when present.
   */
  resumeFrom?: string | null;
  onMessage(view: MessageView): void;
  /** The server skipped ahead instead of replaying (the cursor was too old): reload. */
  onResync(): void;
  connect?: (url: string) => EventSourceLike;
  schedule?: (run: () => void, delayMs: number) => void;
}

export interface MessageStream {
  close(): void;
}

const MESSAGE_EVENTS = ['message.created', 'message.updated'];

export function streamUrl(target: StreamTarget, lastEventId: string | null): string {
  const params = new URLSearchParams({
    key: target.key,
    visitorId: target.visitorId,
    conversationId: target.conversationId,
  });
  if (lastEventId) params.set('lastEventId', lastEventId);
  return `${target.apiBase}/api/widget/stream?${params}`;
}

export function lastEventStorageKey(target: StreamTarget): string {
  return `parley:last-event:${target.key}:${target.conversationId}`;
}

/** Exponential backoff, capped so a long outage is still noticed within half a minute. */
export function reconnectDelay(attempt: number): number {
  return Math.min(30_000, 1_000 * 2 ** attempt);
}

/**
 * Live messages of one conversation. The browser's own EventSource retry gives up on some
 * failures and cannot resume after a reload, so on any error this opens a fresh connection
 * that names the last event seen: nothing is missed, and the list dedupes what is replayed.
 */
export function openMessageStream(options: MessageStreamOptions): MessageStream {
  const { target, store, onMessage, onResync } = options;
  const connect = options.connect ?? ((url) => new EventSource(url));
  const schedule = options.schedule ?? ((run, delayMs) => setTimeout(run, delayMs));
  const storageKey = lastEventStorageKey(target);
  let lastEventId = options.resumeFrom || store.getItem(storageKey);
  let attempt = 0;
  let source: EventSourceLike | null = null;
  let closed = false;

  function advance(event: Event): void {
    const { lastEventId: eventId } = event as MessageEvent<string>;
    if (eventId) {
      lastEventId = eventId;
      store.setItem(storageKey, eventId);
    }
  }

  function receive(event: Event): void {
    advance(event);
    const view = parse((event as MessageEvent<string>).data);
    if (view && view.conversationId === target.conversationId) onMessage(view);
  }

  function open(): void {
    if (closed) return;
    const current = connect(streamUrl(target, lastEventId));
    source = current;
    current.addEventListener('open', () => {
      attempt = 0;
    });
    current.addEventListener('error', () => {
      if (source !== current) return;
      current.close();
      source = null;
      schedule(open, reconnectDelay(attempt++));
    });
    for (const type of MESSAGE_EVENTS) current.addEventListener(type, receive);
    current.addEventListener('resync', (event) => {
      advance(event);
      onResync();
    });
  }

  open();
  return {
    close() {
      closed = true;
      source?.close();
      source = null;
    },
  };
}

function parse(data: unknown): MessageView | null {
  if (typeof data !== 'string') return null;
  try {
    const value: unknown = JSON.parse(data);
    return isMessageView(value) ? value : null;
  } catch {
    return null;
  }
}
