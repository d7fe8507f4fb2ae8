/**
 * The in-memory mailbox behind Google's stand-in: messages, and a history log whose ids only
 * grow (with gaps, as Gmail's do). History before `oldestHistoryId` is gone, as when Gmail
 * stops keeping it, and listing from there answers 404.
 */
import type {
  GmailHistoryRecord,
  GmailMessage,
  GmailMessageRef,
} from '../channels/gmail/gmail-resources.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Gmail's history ids are not contiguous. */
const HISTORY_STEP = 7n;

export class GmailMailbox {
  historyId = 100_000n;
  oldestHistoryId = 100_000n;
  readonly messages = new Map<string, GmailMessage>();
  private readonly records: GmailHistoryRecord[] = [];

  constructor(readonly emailAddress: string) {}

  /** Adds a message as delivered now: the mailbox history moves forward. */
  add(message: GmailMessage): GmailMessage {
    this.historyId += HISTORY_STEP;
    const stored = { ...message, historyId: String(this.historyId) };
    this.messages.set(stored.id, stored);
    const ref: GmailMessageRef = { id: stored.id, threadId: stored.threadId };
    this.records.push({
      id: String(this.historyId),
      messages: [ref],
      messagesAdded: [{ message: { ...ref, labelIds: stored.labelIds ?? [] } }],
    });
    return stored;
  }

  /** Gmail no longer keeps history before now: older start ids answer 404. */
  forgetHistory(): void {
    this.oldestHistoryId = this.historyId;
  }

  /** Records after `start`, or null when `start` is older than the history kept. */
  historySince(start: bigint): GmailHistoryRecord[] | null {
    if (start < this.oldestHistoryId) return null;
    return this.records.filter((record) => BigInt(record.id) > start);
  }

  hasThread(threadId: string): boolean {
    return [...this.messages.values()].some((message) => message.threadId === threadId);
  }

  /** users.messages.list: newest first, spam and bin left out, `newer_than:Nd` understood. */
  list(query: string | null, now: number): GmailMessage[] {
    const days = Number(query?.match(/newer_than:(\d+)d/)?.[1] ?? Number.NaN);
    const since = Number.isFinite(days) ? now - days * DAY_MS : Number.NEGATIVE_INFINITY;
    return [...this.messages.values()]
      .filter(
        (message) =>
          !(message.labelIds ?? []).some((label) => label === 'SPAM' || label === 'TRASH'),
      )
      .filter((message) => Number(message.internalDate) >= since)
      .sort((a, b) => Number(b.internalDate) - Number(a.internalDate));
  }
}
