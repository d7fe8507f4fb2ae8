import type { ChatEntry } from '../chat/message-list.js';

/** Counts replies (anything not written by the visitor) not seen before, and marks them seen. */
export function takeNewReplies(seen: Set<string>, entries: readonly ChatEntry[]): number {
  let replies = 0;
  for (const entry of entries) {
    if (seen.has(entry.key)) continue;
    seen.add(entry.key);
    if (entry.author !== 'contact') replies += 1;
  }
  return replies;
}
