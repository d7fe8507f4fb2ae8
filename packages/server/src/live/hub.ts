/**
 * Fans workspace events out to live subscribers (inbox tabs, widgets). Every instance
 * LISTENs on the database's notification channel, so an event committed through any instance
 * reaches subscribers on all of them. A notification is only a wake-up: the hub then reads the
 * event table after its subscribers' cursors — once per workspace, however many subscribers —
 * so nobody misses or repeats an event, whatever the notification timing.
 */
import { EVENTS_CHANNEL, readEvents, type StoredEvent } from '../store/events.js';
import type { Store } from '../store/store.js';
import { StreamAdmission } from './stream-admission.js';

export interface SubscriptionOptions {
  workspaceId: string;
  /** Deliver events after this sequence number. */
  afterSeq: number;
  /** Only this conversation's events (widgets). */
  conversationId?: string;
  accept?: (event: StoredEvent) => boolean;
  deliver: (event: StoredEvent) => void;
}

interface Subscription {
  options: SubscriptionOptions;
  /** The last sequence number this subscriber has been given (or skipped). */
  cursor: number;
}

/** The subscribers of one workspace, and the single reader that serves them all. */
class WorkspaceFeed {
  readonly subscriptions = new Set<Subscription>();
  private reading = false;
  private again = false;

  constructor(
    private readonly store: Store,
    private readonly workspaceId: string,
  ) {}

  /** Reads from the furthest-behind cursor; wake-ups during a read cause one more read. */
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
          const cursors = [...this.subscriptions].map((subscription) => subscription.cursor);
          if (cursors.length === 0) return;
          batch = await readEvents(this.store.db, this.workspaceId, Math.min(...cursors));
          for (const event of batch) this.deliver(event);
        } while (batch.length > 0);
      } while (this.again);
    } finally {
      this.reading = false;
    }
  }

  private deliver(event: StoredEvent): void {
    for (const subscription of this.subscriptions) {
      if (event.seq <= subscription.cursor) continue;
      subscription.cursor = event.seq;
      const { conversationId, accept, deliver } = subscription.options;
      if (conversationId && event.conversationId !== conversationId) continue;
      if (accept?.(event) ?? true) deliver(event);
    }
  }
}

export class LiveHub {
  private readonly feeds = new Map<string, WorkspaceFeed>();
  private unlisten: (() => Promise<void>) | null = null;
  /** Caps on the streams this instance serves (per login, key, visitor, address). */
  readonly admission = new StreamAdmission();

  constructor(
    private readonly store: Store,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  async start(): Promise<void> {
    this.unlisten = await this.store.listen(EVENTS_CHANNEL, (payload) => {
      // No payload: the listening connection was re-established and may have missed some.
      const feeds =
        payload === null
          ? [...this.feeds.values()]
          : [this.feeds.get(payload.split(':')[0] ?? '')].filter((feed) => feed !== undefined);
      for (const feed of feeds) feed.catchUp().catch(this.onError);
    });
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    for (const feed of this.feeds.values()) feed.subscriptions.clear();
    this.feeds.clear();
  }

  get subscriberCount(): number {
    let count = 0;
    for (const feed of this.feeds.values()) count += feed.subscriptions.size;
    return count;
  }

  /** Starts delivering at once (catching up from `afterSeq`); returns the unsubscribe. */
  subscribe(options: SubscriptionOptions): () => void {
    let feed = this.feeds.get(options.workspaceId);
    if (!feed) {
      feed = new WorkspaceFeed(this.store, options.workspaceId);
      this.feeds.set(options.workspaceId, feed);
    }
    const subscription: Subscription = { options, cursor: options.afterSeq };
    feed.subscriptions.add(subscription);
    feed.catchUp().catch(this.onError);
    const joined = feed;
    return () => {
      joined.subscriptions.delete(subscription);
      if (joined.subscriptions.size === 0 && this.feeds.get(options.workspaceId) === joined) {
        this.feeds.delete(options.workspaceId);
      }
    };
  }
}
