/**
 * The contract every channel connector implements. A connector turns a platform's webhook
 * into normalized inbound events and our outbound messages into platform API calls; it knows
 * nothing of the database, HTTP routing or other channels.
 */
import type { ChannelKind, InboundEvent } from '@parley/domain';

/** A webhook request exactly as received: signatures are computed over `rawBody`. */
export interface RawRequest {
  method: string;
  /** Path and query string as received, e.g. `/webhooks/meta/abc?hub.mode=subscribe`. */
  url: string;
  headers: Record<string, string | undefined>;
  query: Record<string, string | undefined>;
  rawBody: Buffer;
}

/** A connected channel as stored, with its secrets already decrypted. */
export interface ChannelRecord {
  id: string;
  workspaceId: string;
  kind: ChannelKind;
  name: string;
  assistantId: string | null;
  /** Non-secret settings (page id, account id, mailbox address, API base URLs...). */
  config: Record<string, unknown>;
  /** Decrypted secrets (access tokens, app secret, verify token...). Never leave the server. */
  secrets: Record<string, string>;
}

export type VerifyResult = { ok: true } | { ok: false; status: 401 | 403; reason: string };

export interface ChannelCapabilities {
  /** Standard reply window after the user's last message, if the platform has one. */
  replyWindowMs?: number;
  /** Longer window open to a human operator with a platform tag (Meta human-agent: 7 days). */
  humanAgentWindowMs?: number;
  maxTextLength: number;
  attachments: boolean;
}

/** The thread a message goes out on: enough for any platform to address the reply. */
export interface OutboundContext {
  channel: ChannelRecord;
  conversation: {
    id: string;
    threadKey: string;
    subject: string | null;
    metadata: Record<string, unknown>;
    lastInboundAt: Date | null;
  };
  contact: { externalId: string; displayName: string | null; email: string | null };
}

export interface OutboundMessage {
  id: string;
  text: string;
  author: 'assistant' | 'operator';
  /** Platform id of the message being answered (comment replies, email In-Reply-To). */
  replyToExternalId: string | null;
  /** Send with the platform's human-agent tag (Meta), allowed only for operators. */
  humanAgentTag: boolean;
}

/** Our own names for what can go wrong on a platform, so retries and the UI need no
 * platform knowledge. */
export type SendErrorKind =
  | 'window_closed'
  | 'rate_limited'
  | 'invalid_token'
  | 'recipient_unavailable'
  | 'invalid_request'
  | 'transient';

export type SendResult =
  | { ok: true; externalId: string }
  | { ok: false; kind: SendErrorKind; message: string; retryable: boolean; retryAfterMs?: number };

export interface ChannelConnector {
  kind: ChannelKind;
  capabilities: ChannelCapabilities;
  send(message: OutboundMessage, context: OutboundContext): Promise<SendResult>;
}

/** A connector that receives platform webhooks. */
export interface WebhookConnector extends ChannelConnector {
  verify(request: RawRequest, channel: ChannelRecord): VerifyResult;
  /** Parses a verified body; throws `MalformedPayloadError` on a body it cannot read. */
  parse(body: unknown, channel: ChannelRecord): InboundEvent[];
}

export class MalformedPayloadError extends Error {
  override readonly name = 'MalformedPayloadError';
}
