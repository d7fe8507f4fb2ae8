/**
 * What the model sees: the conversation as turns, with the customer's unanswered messages
 * last. A reply written while the customer kept typing lands after their newer message, so
 * plain time order would end on the assistant and hide the question still open.
 */
import type { MessageAuthor } from '@parley/domain';
import type { ChatTurn } from './provider.js';

export interface HistoryMessage {
  id: string;
  author: MessageAuthor;
  text: string;
  /** For assistant replies: the customer message it was written for. */
  answers?: string;
}

export interface PendingReply {
  turns: ChatTurn[];
  /** The newest customer message; the reply records it as the one it answers. */
  answering: string;
}

/** Null when everything the customer wrote has been answered. */
export function pendingReply(history: HistoryMessage[]): PendingReply | null {
  const answered = new Set<string>();
  const contactSoFar: string[] = [];
  for (const message of history) {
    if (message.author === 'contact') contactSoFar.push(message.id);
    else if (message.answers) answered.add(message.answers);
    // A person's reply (or the business answering on the platform) covers everything before it.
    else if (message.author !== 'assistant') for (const id of contactSoFar) answered.add(id);
  }
  const open = history.filter(
    (message) => message.author === 'contact' && !answered.has(message.id),
  );
  const last = open.at(-1);
  if (!last || last.id !== contactSoFar.at(-1)) return null;
  const openIds = new Set(open.map((message) => message.id));
  const ordered = [...history.filter((message) => !openIds.has(message.id)), ...open];
  return {
    turns: ordered.map((message) => ({
      role: message.author === 'contact' ? 'user' : 'assistant',
      content: message.text,
    })),
    answering: last.id,
  };
}
