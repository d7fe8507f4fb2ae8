import type { MessageView } from '@parley/domain';
import type { SessionRequest, WidgetApi, WidgetConfig } from './api.js';
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

export interface ChatDependencies {
  api: WidgetApi;
  visitor: Visitor;
  session: SessionRequest;
  /** Starts delivering live messages of the conversation, after `lastEventId` when known. */
  listen(
    conversationId: string,
    lastEventId: string | null,
    onMessage: (view: MessageView) => void,
  ): void;
  newId(): string;
  now(): string;
}

type Listener = (state: ChatState) => void;

/** The chat's behaviour, free of any DOM: both the widget and the share page drive one of these. */
export class ChatController {
  private current: ChatState = { config: null, connection: 'idle', entries: [] };
  private readonly listeners = new Set<Listener>();
  private conversation: Promise<string> | null = null;

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
    this.conversationId().catch(() => {
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
      const conversationId = await this.conversationId();
      const { key, visitorId, channel } = this.deps.session;
      const request = { key, visitorId, channel, conversationId, text, clientMessageId };
      const view = await this.deps.api.send(request);
      this.update({ entries: upsertMessage(this.current.entries, view, clientMessageId) });
    } catch {
      this.update({ entries: setDelivery(this.current.entries, clientMessageId, 'failed') });
    }
  }

  /** One session per page: concurrent callers share it, and a failed attempt can be retried. */
  private conversationId(): Promise<string> {
    this.conversation ??= this.openSession().catch((error: unknown) => {
      this.conversation = null;
      this.update({ connection: 'failed' });
      throw error;
    });
    return this.conversation;
  }

  private async openSession(): Promise<string> {
    this.update({ connection: 'connecting' });
    if (!this.current.config) void this.loadConfig();
    const session = await this.deps.api.session(this.deps.session);
    const { conversationId, messages, lastEventId } = session;
    this.deps.visitor.remember(conversationId);
    this.update({
      connection: 'connected',
      entries: mergeMessages(this.current.entries, messages),
    });
    this.deps.listen(conversationId, lastEventId, (view) => {
      this.update({ entries: upsertMessage(this.current.entries, view) });
    });
    return conversationId;
  }

  private update(change: Partial<ChatState>): void {
    this.current = { ...this.current, ...change };
    for (const listener of this.listeners) listener(this.current);
  }
}
