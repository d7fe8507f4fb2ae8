import type { ChannelKind, MessageView } from '@parley/domain';
import { isMessageView } from './message-shape.js';

/** The channels a visitor can chat through from a browser. */
export type ChatChannel = Extract<ChannelKind, 'website_widget' | 'shopify_widget' | 'share_link'>;

export interface AssistantProfile {
  name: string;
  greeting: string;
  suggestedQuestions: string[];
}

export interface WidgetConfig {
  assistant: AssistantProfile;
  themeColor: string | null;
}

/** Body of `POST /api/widget/session`; `shop` and `customerId` come from the Shopify embed. */
export interface SessionRequest {
  key: string;
  visitorId: string;
  channel: ChatChannel;
  shop?: string;
  customerId?: string;
}

export interface Session {
  /** Null until the visitor's first message starts the conversation. */
  conversationId: string | null;
  messages: MessageView[];
  /** The live-stream position of this snapshot of messages (opaque), when the server reports it. */
  lastEventId: string | null;
}

export interface SendRequest {
  key: string;
  visitorId: string;
  /** Tells the server which of the assistant's channels the conversation is on. */
  channel: ChatChannel;
  /** Absent for the first message, which starts the conversation. */
  conversationId?: string;
  text: string;
  clientMessageId: string;
}

/** The public widget API (docs/api.md, "Public widget API"). */
export interface WidgetApi {
  config(): Promise<WidgetConfig>;
  session(request: SessionRequest): Promise<Session>;
  send(request: SendRequest): Promise<MessageView>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** A hung request must not leave a message "sending" forever; it fails and can be retried. */
const REQUEST_TIMEOUT_MS = 15_000;

export function createWidgetApi(
  apiBase: string,
  publicKey: string,
  fetchImpl: Fetch = (url, init) => fetch(url, init),
): WidgetApi {
  async function request(path: string, body?: unknown): Promise<unknown> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), REQUEST_TIMEOUT_MS);
    try {
      const response = await fetchImpl(`${apiBase}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? null : JSON.stringify(body),
        // The visitor id is the credential; cookies of the embedding page must not travel.
        credentials: 'omit',
        signal: abort.signal,
      });
      const payload: unknown = await response.json().catch(() => null);
      if (!response.ok) throw apiErrorFrom(response.status, payload);
      return payload;
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    async config() {
      return normalizeConfig(
        await request(`/api/widget/config?key=${encodeURIComponent(publicKey)}`),
      );
    },
    async session(sessionRequest) {
      const payload = (await request('/api/widget/session', sessionRequest)) as {
        conversationId?: unknown;
        messages?: unknown;
        lastEventId?: unknown;
      } | null;
      const conversationId = payload?.conversationId;
      if (typeof conversationId !== 'string' && conversationId !== null) throw malformed('session');
      const messages = Array.isArray(payload?.messages) ? (payload.messages as unknown[]) : [];
      const lastEventId = payload?.lastEventId;
      return {
        conversationId,
        messages: messages.filter(isMessageView),
        lastEventId:
          typeof lastEventId === 'number' || typeof lastEventId === 'string'
            ? String(lastEventId)
            : null,
      };
    },
    async send(sendRequest) {
      const payload = await request('/api/widget/messages', sendRequest);
      if (!isMessageView(payload)) throw malformed('message');
      return payload;
    },
  };
}

/** Reads the config defensively: a missing greeting or colour must not break the chat. */
export function normalizeConfig(payload: unknown): WidgetConfig {
  const { assistant, theme } = (payload ?? {}) as {
    assistant?: Partial<Record<keyof AssistantProfile, unknown>>;
    theme?: { color?: unknown };
  };
  const questions = Array.isArray(assistant?.suggestedQuestions)
    ? assistant.suggestedQuestions
    : [];
  return {
    assistant: {
      name:
        typeof assistant?.name === 'string' && assistant.name.trim() ? assistant.name : 'Assistant',
      greeting: typeof assistant?.greeting === 'string' ? assistant.greeting : '',
      suggestedQuestions: questions.filter(
        (question): question is string => typeof question === 'string' && question.trim() !== '',
      ),
    },
    themeColor: typeof theme?.color === 'string' ? theme.color : null,
  };
}

function apiErrorFrom(status: number, payload: unknown): ApiError {
  const error = (payload as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return new ApiError(
    status,
    typeof error?.code === 'string' ? error.code : 'http_error',
    typeof error?.message === 'string' ? error.message : `Request failed with status ${status}`,
  );
}

function malformed(what: string): ApiError {
  return new ApiError(502, 'malformed_response', `The server sent a malformed ${what}`);
}
