import type { KeyValueStore } from './storage.js';

/** Who this browser is to an assistant. The visitor id is the visitor's only credential. */
export interface Visitor {
  readonly id: string;
  /** The conversation this browser already has, if any: a reload restores it straight away. */
  readonly conversationId: string | null;
  /** Persists the visitor once they start chatting, so merely loading a page stores nothing. */
  remember(conversationId: string): void;
}

export function visitorStorageKey(publicKey: string): string {
  return `parley:visitor:${publicKey}`;
}

export function conversationStorageKey(publicKey: string): string {
  return `parley:conversation:${publicKey}`;
}

export function loadVisitor(store: KeyValueStore, publicKey: string, newId: () => string): Visitor {
  const visitorKey = visitorStorageKey(publicKey);
  const conversationKey = conversationStorageKey(publicKey);
  const storedId = store.getItem(visitorKey);
  const id = storedId ?? newId();
  return {
    id,
    // A conversation without its visitor id cannot be reopened, so it only counts alongside one.
    conversationId: storedId ? store.getItem(conversationKey) : null,
    remember(conversationId) {
      store.setItem(visitorKey, id);
      store.setItem(conversationKey, conversationId);
    },
  };
}
