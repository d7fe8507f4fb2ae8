import type { Attachment, MessageAuthor, MessageView } from '@parley/domain';
import { clientMessageIdOf } from './message-shape.js';

/** Where a message stands from the visitor's side; `sending` and `failed` exist only locally. */
export type Delivery = 'sending' | 'failed' | 'sent';

/** One row of the conversation: a server message, or a send the server has not confirmed yet. */
export interface ChatEntry {
  /** Stays the same when an optimistic send is confirmed, so the view updates the same row. */
  readonly key: string;
  /** The server's message id; null until the server has confirmed the send. */
  readonly id: string | null;
  readonly clientMessageId: string | null;
  readonly author: MessageAuthor;
  readonly text: string;
  readonly attachments: readonly Attachment[];
  readonly createdAt: string;
  readonly delivery: Delivery;
  readonly edited: boolean;
  readonly removed: boolean;
}

export interface Draft {
  clientMessageId: string;
  text: string;
  createdAt: string;
}

/** Adds the visitor's message optimistically, before the server has seen it. */
export function addPending(entries: readonly ChatEntry[], draft: Draft): ChatEntry[] {
  const pending: ChatEntry = {
    key: draft.clientMessageId,
    id: null,
    clientMessageId: draft.clientMessageId,
    author: 'contact',
    text: draft.text,
    attachments: [],
    createdAt: draft.createdAt,
    delivery: 'sending',
    edited: false,
    removed: false,
  };
  return [...entries, pending];
}

export function setDelivery(
  entries: readonly ChatEntry[],
  clientMessageId: string,
  delivery: Delivery,
): ChatEntry[] {
  return entries.map((entry) =>
    isUnconfirmed(entry, clientMessageId) ? { ...entry, delivery } : entry,
  );
}

/**
 * Inserts or updates a server message. It replaces the entry with the same id, or else the
 * optimistic send it confirms, so a message seen both in the send response and on the live
 * stream (in either order) shows once. `clientMessageId` is known when this is a send response.
 */
export function upsertMessage(
  entries: readonly ChatEntry[],
  view: MessageView,
  clientMessageId: string | null = clientMessageIdOf(view),
): ChatEntry[] {
  const sameId = entries.findIndex((entry) => entry.id === view.id);
  const confirmed = findConfirmedSend(entries, view, clientMessageId);
  const previous = entries[sameId >= 0 ? sameId : confirmed];
  const entry = fromView(
    view,
    previous?.key ?? view.id,
    clientMessageId ?? previous?.clientMessageId ?? null,
  );
  const others = entries.filter((_, index) => index !== sameId && index !== confirmed);
  return inDisplayOrder([...others, entry]);
}

/** Folds a batch of server messages (a restored conversation) into the list. */
export function mergeMessages(
  entries: readonly ChatEntry[],
  views: readonly MessageView[],
): ChatEntry[] {
  return views.reduce<ChatEntry[]>((merged, view) => upsertMessage(merged, view), [...entries]);
}

function findConfirmedSend(
  entries: readonly ChatEntry[],
  view: MessageView,
  clientMessageId: string | null,
): number {
  if (clientMessageId) return entries.findIndex((entry) => isUnconfirmed(entry, clientMessageId));
  if (view.author !== 'contact') return -1;
  // Without an id to match, the server confirms sends in order: take the oldest one that fits.
  return entries.findIndex((entry) => entry.id === null && entry.text === view.text);
}

function isUnconfirmed(entry: ChatEntry, clientMessageId: string): boolean {
  return entry.id === null && entry.clientMessageId === clientMessageId;
}

function fromView(view: MessageView, key: string, clientMessageId: string | null): ChatEntry {
  return {
    key,
    id: view.id,
    clientMessageId,
    author: view.author,
    text: view.text,
    attachments: Array.isArray(view.attachments) ? view.attachments : [],
    createdAt: view.createdAt,
    delivery: 'sent',
    edited: view.edited === true,
    removed: view.removed === true,
  };
}

/**
 * Server messages in server time order, then unconfirmed sends in the order they were typed.
 * Local clocks can be off, so an unconfirmed send is never placed by its own timestamp.
 */
function inDisplayOrder(entries: readonly ChatEntry[]): ChatEntry[] {
  const confirmed = entries
    .filter((entry) => entry.id !== null)
    .sort((a, b) => timeOf(a) - timeOf(b));
  return [...confirmed, ...entries.filter((entry) => entry.id === null)];
}

function timeOf(entry: ChatEntry): number {
  const time = Date.parse(entry.createdAt);
  return Number.isNaN(time) ? 0 : time;
}
