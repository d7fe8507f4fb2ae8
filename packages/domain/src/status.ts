/** The status border of a conversation card: how fresh it is, and whether a human is needed. */

export type ConversationStatus = 'paused' | 'active' | 'recent' | 'idle';

export const ACTIVE_WINDOW_MS = 10 * 60 * 1000;
export const RECENT_WINDOW_MS = 60 * 60 * 1000;

/** Paused beats freshness: a paused AI means a person must look, however old the thread. */
export function conversationStatus(
  conversation: { aiPaused: boolean; lastActivityAt: Date | string },
  now: Date,
): ConversationStatus {
  if (conversation.aiPaused) return 'paused';
  const age = now.getTime() - new Date(conversation.lastActivityAt).getTime();
  if (age < ACTIVE_WINDOW_MS) return 'active';
  if (age < RECENT_WINDOW_MS) return 'recent';
  return 'idle';
}

export const STATUS_BORDER: Record<ConversationStatus, 'green' | 'yellow' | 'red' | 'none'> = {
  active: 'green',
  recent: 'yellow',
  paused: 'red',
  idle: 'none',
};
