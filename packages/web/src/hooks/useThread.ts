/** The open conversation: its card and messages, loaded on selection and kept current live. */
import type { ConversationCard, MessageView } from '@parley/domain';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api';
import { mergeMessages } from '../conversations';

export interface ThreadState {
  id: string | null;
  card: ConversationCard | null;
  messages: MessageView[];
  loading: boolean;
  error: string | null;
}

function emptyThread(id: string | null, card: ConversationCard | null): ThreadState {
  return { id, card, messages: [], loading: id !== null, error: null };
}

/** `listed` is the list's copy of the card, shown at once while the thread loads.
 * `onCardChange` receives cards changed by our own requests, so the list can follow. */
export function useThread(
  selectedId: string | null,
  listed: ConversationCard | undefined,
  onCardChange: (card: ConversationCard) => void,
) {
  const [thread, setThread] = useState(() => emptyThread(selectedId, listed ?? null));
  // Reset synchronously on a new selection so the old thread never flashes under the new header.
  if (thread.id !== selectedId) setThread(emptyThread(selectedId, listed ?? null));

  const onCardChangeRef = useRef(onCardChange);
  useEffect(() => {
    onCardChangeRef.current = onCardChange;
  });

  /** A card our own request returned: show it here and in the list. */
  const accept = useCallback((card: ConversationCard) => {
    setThread((previous) => (previous.id === card.id ? { ...previous, card } : previous));
    onCardChangeRef.current(card);
  }, []);

  const markRead = useCallback(
    (id: string) => {
      // A failed read receipt only leaves a badge behind; it must not disturb the operator.
      api.markRead(id).then(accept, () => undefined);
    },
    [accept],
  );

  const [reloads, setReloads] = useState(0);
  /** Refetches the open thread, e.g. after the live stream had to start over. */
  const reload = useCallback(() => setReloads((count) => count + 1), []);

  // `reloads` is a deliberate trigger: bumping it refetches the thread.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    if (!selectedId) return;
    let cancelled = false;
    Promise.all([api.getConversation(selectedId), api.listMessages(selectedId)]).then(
      ([card, messages]) => {
        if (cancelled) return;
        setThread((previous) => ({
          ...previous,
          card,
          // Messages that arrived live during the load are newer than the fetched copy.
          messages: mergeMessages(messages, previous.messages),
          loading: false,
        }));
        // After the fetch, so the read receipt's card (unreadCount 0) is the last word.
        markRead(selectedId);
      },
      (error: Error) => {
        if (cancelled) return;
        setThread((previous) => ({ ...previous, loading: false, error: error.message }));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [selectedId, markRead, reloads]);

  const selectedRef = useRef(selectedId);
  useEffect(() => {
    selectedRef.current = selectedId;
  }, [selectedId]);

  // Messages that arrive while the tab is in the background stay unread until the operator is back.
  const unread = thread.card?.unreadCount ?? 0;
  useEffect(() => {
    if (!selectedId || unread === 0) return;
    const readWhenVisible = () => {
      if (document.visibilityState === 'visible') markRead(selectedId);
    };
    document.addEventListener('visibilitychange', readWhenVisible);
    return () => document.removeEventListener('visibilitychange', readWhenVisible);
  }, [selectedId, unread, markRead]);

  /** A live card update; only the open conversation's matters here. New messages in the open
   * thread are being read right now, so they are marked read at once. */
  const applyCard = useCallback(
    (card: ConversationCard) => {
      if (card.id !== selectedRef.current) return;
      setThread((previous) => (previous.id === card.id ? { ...previous, card } : previous));
      if (card.unreadCount > 0 && document.visibilityState === 'visible') markRead(card.id);
    },
    [markRead],
  );

  /** A live or just-sent message; ignored unless it belongs to the open conversation. */
  const applyMessage = useCallback((message: MessageView) => {
    setThread((previous) =>
      previous.id === message.conversationId
        ? { ...previous, messages: mergeMessages(previous.messages, [message]) }
        : previous,
    );
  }, []);

  return { thread, accept, applyCard, applyMessage, reload };
}
