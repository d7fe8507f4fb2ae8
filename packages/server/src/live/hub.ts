/**
 * Fans workspace events out to live subscribers (inbox tabs, widgets). Every instance
 * LISTENs on the database's notification channel, so an event committed through any instance
 * reaches subscribers on all of them. Each subscriber reads the event table from its own
 * cursor, so it never misses or repeats an event, whatever the notification timing.
 */
import { EVENTS_CHANNEL, readEvents, type StoredEvent } from '../store/events.js';
import type { Store } from '../store/store.js';

export interface SubscriptionOptions {
  workspaceId: string;
  /** Deliver events after this sequence number. */
  afterSeq: number;
  /** Only this conversation's events (widgets). */
  conversationId?: string;
  accept?: (event: StoredEvent) => boolean;
  deliver: (event: StoredEvent) => void;
}

class Subscription {
  private reading = false;
  private again = false;
  closed = false;

  constructor(
    private readonly store: Store,
    private readonly options: SubscriptionOptions,
    private cursor: number,
  ) {}

  /** Reads everything after the cursor; wake-ups during a read cause one more read. */
  async catchUp(): Promise<void> {
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = true;
    try {
      do {
        this.again = false;
        let batch: StoredEvent[];
        do {
          batch = await readEvents(this.store.db, this.options.workspaceId, this.cursor, {
            ...(this.options.conversationId ? { conversationId: this.options.conversationId } : {}),
          });
          for (const event of batch) {
            if (this.closed) return;
            this.cursor = event.seq;
            if (this.options.accept?.(event) ?? true) this.options.deliver(event);
          }
        } while (batch.length > 0 && !this.closed);
      } while (this.again && !this.closed);
    } finally {
      this.reading = false;
    }
  }
}

export class LiveHub {
  private readonly subscriptions = new Map<string, Set<Subscription>>();
  private unlisten: (() => Promise<void>) | null = null;

  constructor(
    private readonly store: Store,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  async start(): Promise<void> {
    this.unlisten = await this.store.listen(EVENTS_CHANNEL, (payload) => {
      // No payload: the listening connection was re-established and may have missed some.
      const affected =
        payload === null
          ? [...this.subscriptions.values()]
          : [this.subscriptions.get(payload.split(':')[0] ?? '') ?? new Set<Subscription>()];
      for (const set of affected) {
        for (const subscription of set) subscription.catchUp().catch(this.onError);
      }
    });
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    for (const set of this.subscriptions.values()) for (const sub of set) sub.closed = true;
    this.subscriptions.clear();
  }

  get subscriberCount(): number {
    let count = 0;
    for (const set of this.subscriptions.values()) count += set.size;
    return count;
  }

  /** Starts delivering at once (catching up from `afterSeq`); returns the unsubscribe. */
  subscribe(options: SubscriptionOptions): () => void {
    const subscription = new Subscription(this.store, options, options.afterSeq);
    let set = this.subscriptions.get(options.workspaceId);
    if (!set) {
      set = new Set();
      this.subscriptions.set(options.workspaceId, set);
    }
    set.add(subscription);
    subscription.catchUp().catch(this.onError);
    return () => {
      subscription.closed = true;
      set.delete(subscription);
      if (set.size === 0) this.subscriptions.delete(options.workspaceId);
    };
  }
}
