/** Pure helpers that keep the conversation list ordered by latest activity, like the server. */
import type { ConversationCard, MessageView } from '@parley/domain';

/** Newest activity first; id breaks ties so the order is stable. */
export function compareCards(a: ConversationCard, b: ConversationCard): number {
  const byActivity = Date.parse(b.lastActivityAt) - Date.parse(a.lastActivityAt);
  return byActivity !== 0 ? byActivity : a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** Merges cards into a list by id (incoming wins) and re-sorts. */
export function mergeCards(
  list: ConversationCard[],
  incoming: ConversationCard[],
): ConversationCard[] {
  const byId = new Map(list.map((card) => [card.id, card]));
  for (const card of incoming) byId.set(card.id, card);
  return [...byId.values()].sort(compareCards);
}

/** Oldest first; id breaks ties so the order is stable. */
function compareMessages(a: MessageView, b: MessageView): number {
  const byTime = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  return byTime !== 0 ? byTime : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Merges messages into a thread by id (incoming wins) and keeps it oldest first. */
export function mergeMessages(list: MessageView[], incoming: MessageView[]): MessageView[] {
  const byId = new Map(list.map((message) => [message.id, message]));
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort(compareMessages);
}
