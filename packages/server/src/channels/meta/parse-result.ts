/** What a Meta parser hands back: the normalized events, and what it chose to leave out. */
import type { InboundEvent } from '@parley/domain';

export interface SkippedEvent {
  /** Short, stable reason, e.g. `reaction` or `unreadable messaging event`. */
  reason: string;
  /** The platform ids that help find the event again (mid, comment id, account id). */
  ids?: Record<string, string>;
}

export interface ParsedBatch {
  events: InboundEvent[];
  skipped: SkippedEvent[];
}

export function emptyBatch(): ParsedBatch {
  return { events: [], skipped: [] };
}
