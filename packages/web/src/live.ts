/** The operator's live stream: one EventSource for the whole inbox (GET /api/stream). */
import type { ConversationCard, MessageView } from '@parley/domain';
import { useEffect, useRef, useState } from 'react';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

export interface LiveHandlers {
  onConversation: (card: ConversationCard) => void;
  onMessage: (message: MessageView) => void;
  /** The browser gave up on the stream (an error reply, not a network blip): maybe the session
   * ended. Reconnection continues regardless. */
  onRejected: () => void;
  /** Events may have been missed: a new stream replaced one the browser gave up on, or the
   * server skipped ahead rather than replay a long absence (a `resync` event). */
  onResync: () => void;
}

const CONVERSATION_EVENTS = ['conversation.created', 'conversation.updated'];
const MESSAGE_EVENTS = ['message.created', 'message.updated'];
const MAX_RETRY_MS = 30_000;

function parse<T extends { id: string }>(event: Event): T | null {
  try {
    const data: unknown = JSON.parse((event as MessageEvent<string>).data);
    return typeof data === 'object' && data !== null && 'id' in data ? (data as T) : null;
  } catch {
    return null;
  }
}

export function useLiveStream(handlers: LiveHandlers): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  // Handlers change every render; the stream must not be torn down for that.
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });

  useEffect(() => {
    let source: EventSource | null = null;
    let retryTimer: number | undefined;
    let failures = 0;
    let missedEvents = false;

    const connect = () => {
      const stream = new EventSource('/api/stream');
      source = stream;
      stream.onopen = () => {
        failures = 0;
        setStatus('live');
        if (missedEvents) handlersRef.current.onResync();
        missedEvents = false;
      };
      stream.onerror = () => {
        setStatus('reconnecting');
        // While CONNECTING the browser retries by itself and resends Last-Event-ID. CLOSED means
        // it gave up (e.g. a non-SSE error reply): retry with backoff, then resync from scratch.
        if (stream.readyState !== EventSource.CLOSED) return;
        stream.close();
        handlersRef.current.onRejected();
        missedEvents = true;
        failures += 1;
        retryTimer = window.setTimeout(connect, Math.min(MAX_RETRY_MS, 1000 * 2 ** failures));
      };
      stream.addEventListener('resync', () => handlersRef.current.onResync());
      for (const type of CONVERSATION_EVENTS) {
        stream.addEventListener(type, (event) => {
          const card = parse<ConversationCard>(event);
          if (card) handlersRef.current.onConversation(card);
        });
      }
      for (const type of MESSAGE_EVENTS) {
        stream.addEventListener(type, (event) => {
          const message = parse<MessageView>(event);
          if (message) handlersRef.current.onMessage(message);
        });
      }
    };

    connect();
    return () => {
      window.clearTimeout(retryTimer);
      source?.close();
    };
  }, []);

  return status;
}
