import type { MessageView } from '@parley/domain';
import type { Session, SessionRequest, WidgetApi, WidgetConfig } from './api.js';
import {
  addPending,
  type ChatEntry,
  mergeMessages,
  setDelivery,
  upsertMessage,
} from './message-list.js';
import type { Visitor } from './visitor.js';

/** Progress of the visitor's session; `idle` until they open the chat or start typing. */
export type Connection = 'idle' | 'connecting' | 'connected' | 'failed';

export interface ChatState {
  readonly config: WidgetConfig | null;
  readonly connection: Connection;
  readonly entries: readonly ChatEntry[];
}

export interface LiveHandlers {
  onMessage(view: MessageView): void;
  /** The server skipped ahead instead of replaying what was missed: reload the conversation. */
  onResync(): void;
}

export interface ChatDependencies {
  api: WidgetApi;
  visitor: Visitor;
  session: SessionRequest;
  /** Starts delivering live messages of the conversation, after `lastEventId` when known. */
  listen(conversationId: string, lastEventId: string | null, handlers: LiveHandlers): void;
  newId(): string;
  now(): string;
}

type Listener = (state: ChatState) => void;

/** The chat's behaviour, free of any DOM: both the widget and the share page drive one of these. */
export class ChatController {
  private current: ChatState = { config: null, connection: 'idle', entries: [] };
  private readonly listeners = new Set<Listener>();
  private session: Promise<Session> | null = null;
  private listening = false;

  constructor(private readonly deps: ChatDependencies) {}

  get state(): ChatState {
    return this.current;
  }

  subscribe(listener: Listener): void {
    this.listeners.add(listener);
    listener(this.current);
  }

  /** Loads the assistant's name, greeting and suggestions; the chat works without them. */
  async loadConfig(): Promise<void> {
    try {
      this.update({ config: await this.deps.api.config() });
    } catch {
      // The view falls back to a generic name; connecting later tries again.
    }
  }

  /** Reopens a returning visitor's conversation, so history and new replies show at once. */
  resume(): void {
    if (this.deps.visitor.conversationId) this.connect();
  }

  /** Starts (or resumes) the visitor's session; failures surface as `connection: 'failed'`. */
  connect(): void {
    this.openSession().catch(() => {
      // Already reflected in the state, which offers to try again.
    });
  }

  async send(text: string): Promise<void> {
    const body = text.trim();
    if (!body) return;
    const clientMessageId = this.deps.newId();
    const draft = { clientMessageId, text: body, createdAt: this.deps.now() };
    this.update({ entries: addPending(this.current.entries, draft) });
    await this.deliver(clientMessageId, body);
  }

  /** Sends a failed message again under the same client id, so the server stores it once. */
  async retry(clientMessageId: string): Promise<void> {
    const failed = this.current.entries.find(
      (entry) => entry.clientMessageId === clientMessageId && entry.delivery === 'failed',
    );
    if (!failed) return;
    this.update({ entries: setDelivery(this.current.entries, clientMessageId, 'sending') });
    await this.deliver(clientMessageId, failed.text);
  }

  private async deliver(clientMessageId: string, text: string): Promise<void> {
    try {
      const session = await this.openSession();
      const { key, visitorId, channel } = this.deps.session;
      const conversationId = session.conversationId;
      const request = {
        key,
        visitorId,
        channel,
        ...(conversationId ? { conversationId } : {}),
        text,
        clientMessageId,
      };
      const view = await this.deps.api.send(request);
      this.update({ entries: upsertMessage(this.current.entries, view, clientMessageId) });
      // A first message starts the conversation: follow it from where the session's snapshot
      // ended, so a reply that came before the stream opened is still delivered.
      this.follow(view.conversationId, session.lastEventId);
    } catch {
      this.update({ entries: setDelivery(this.current.entries, clientMessageId, 'failed') });
    }
  }

  /** One session per page: concurrent callers share it, and a failed attempt can be retried. */
  private openSession(): Promise<Session> {
    this.session ??= this.startSession().catch((error: unknown) => {
      this.session = null;
      this.update({ connection: 'failed' });
      throw error;
    });
    return this.session;
  }

  private async startSession(): Promise<Session> {
    this.update({ connection: 'connecting' });
    if (!this.current.config) void this.loadConfig();
    const session = await this.deps.api.session(this.deps.session);
    this.update({
      connection: 'connected',
      entries: mergeMessages(this.current.entries, session.messages),
    });
    if (session.conversationId) this.follow(session.conversationId, session.lastEventId);
    return session;
  }

  /** Remembers the conversation and listens to it, once per page. */
  private follow(conversationId: string, lastEventId: string | null): void {
    if (this.listening) return;
    this.listening = true;
    this.deps.visitor.remember(conversationId);
    this.deps.listen(conversationId, lastEventId, {
      onMessage: (view) => this.update({ entries: upsertMessage(this.current.entries, view) }),
      onResync: () => void this.reload(),
    });
  }

  /** Fetches the conversation afresh; the list keeps each message once. */
  private async reload(): Promise<void> {
    try {
      const session = await this.deps.api.session(this.deps.session);
      this.update({ entries: mergeMessages(this.current.entries, session.messages) });
    } catch {
      // The live stream carries on; what was missed shows on the next reload of the page.
    }
  }

  private update(change: Partial<ChatState>): void {
    this.current = { ...this.current, ...change };
    for (const listener of this.listeners) listener(this.current);
  }
}
