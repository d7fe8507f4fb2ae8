/** Messages and the normalized inbound events every channel connector produces. */

import type { ConversationAnalysis } from './analysis.js';
import type { ChannelKind } from './channels.js';
import type { ConversationOutcome, HandoverTrigger } from './insights.js';

/** Who wrote a message: the customer, our AI assistant, a human operator in Parley,
 * or the business account itself from outside Parley (a platform "echo"). */
export type MessageAuthor = 'contact' | 'assistant' | 'operator' | 'business';

export type MessageDirection = 'inbound' | 'outbound';

/** Delivery state of a message; inbound messages are simply `received`. */
export type MessageStatus = 'received' | 'queued' | 'sent' | 'delivered' | 'read' | 'failed';

export type AttachmentType = 'image' | 'video' | 'audio' | 'file' | 'share' | 'story' | 'link';

export interface Attachment {
  type: AttachmentType;
  url?: string;
  name?: string;
  mimeType?: string;
  size?: number;
}

export function directionOf(author: MessageAuthor): MessageDirection {
  return author === 'contact' ? 'inbound' : 'outbound';
}

/** The person on the other side of a conversation, as a platform knows them. */
export interface InboundContact {
  /** The platform's own id for the person (PSID, IGSID, email address, visitor id...). */
  externalId: string;
  displayName?: string;
  username?: string;
  email?: string;
  /** Extra facts worth showing in the thread (e.g. Shopify shop and customer id). */
  attributes?: Record<string, string>;
}

/** A new message, normalized from any platform. Idempotent on `externalId`. */
export interface InboundMessage {
  type: 'message';
  /** The platform's own message id (mid, comment id, Gmail message id): the idempotency key. */
  externalId: string;
  /** What groups messages into one conversation on this channel (user id for DMs,
   * top-level comment id for comment threads, Gmail threadId, widget session). */
  threadKey: string;
  contact: InboundContact;
  author: MessageAuthor;
  text: string;
  attachments?: Attachment[];
  sentAt: Date;
  /** Platform id of the message or comment this one replies to (nesting). */
  parentExternalId?: string;
  /** Conversation-level facts (e.g. email subject, post / media the comments are on). */
  conversation?: { subject?: string; metadata?: Record<string, unknown> };
  /** Message-level facts (quick reply payload, postback, email headers...). */
  metadata?: Record<string, unknown>;
  /** Parley's id of the outbound message this platform echo reports. The echo can arrive
   * before the send job has recorded the platform's id, so it is matched on ours. */
  echoOf?: string;
}

/** Delivery or read receipts for messages we sent. */
export interface InboundReceipt {
  type: 'receipt';
  status: 'delivered' | 'read';
  threadKey: string;
  /** Explicit message ids, when the platform names them. */
  externalIds?: string[];
  /** Every outbound message sent at or before this time is covered (Meta watermark). */
  watermark?: Date;
}

export interface InboundEdit {
  type: 'edit';
  externalId: string;
  text: string;
  editedAt: Date;
}

export interface InboundRemoval {
  type: 'removal';
  externalId: string;
  removedAt: Date;
}

export type InboundEvent = InboundMessage | InboundReceipt | InboundEdit | InboundRemoval;

/** What the inbox shows about a message. */
export interface MessageView {
  id: string;
  conversationId: string;
  author: MessageAuthor;
  direction: MessageDirection;
  text: string;
  attachments: Attachment[];
  status: MessageStatus;
  error: string | null;
  parentId: string | null;
  edited: boolean;
  removed: boolean;
  createdAt: string;
  metadata: Record<string, unknown>;
  /** Assistant replies: the knowledge passages answered from (deleted ones left out). */
  answeredFrom: AnswerSource[];
  /** Assistant replies that had no answer: the customer's question, passed on to the team. */
  unansweredQuestion: string | null;
}

/** A knowledge passage an answer cites, as operators see it ("Returns policy §2"). */
export interface AnswerSource {
  /** The passage (chunk) id. */
  id: string;
  sourceId: string;
  title: string;
  heading: string | null;
  /** The source's web address (URL sources); else the knowledge page shows it. */
  url: string | null;
}

export interface ConversationCard {
  id: string;
  channelId: string;
  channelKind: ChannelKind;
  assistantId: string | null;
  contact: {
    id: string;
    displayName: string | null;
    email: string | null;
    username: string | null;
    externalId: string;
    attributes: Record<string, string>;
  };
  subject: string | null;
  preview: string;
  lastActivityAt: string;
  lastInboundAt: string | null;
  aiPaused: boolean;
  aiPausedReason: string | null;
  unreadCount: number;
  summary: string | null;
  /** What Parley understands of the conversation; null until it is first analyzed. */
  analysis: ConversationAnalysis | null;
  metadata: Record<string, unknown>;
  createdAt: string;
  /** How it went so far, as Insights counts it (null: neither yet); the inbox's `outcome` and
   * `handover` filters match these. Optional for cards built before Insights. */
  outcome?: ConversationOutcome | null;
  handoverTrigger?: HandoverTrigger | null;
}

/** How a person is named in the inbox: name, then email, then handle, then an anonymous id. */
export function contactLabel(contact: ConversationCard['contact']): string {
  if (contact.displayName) return contact.displayName;
  if (contact.email) return contact.email;
  if (contact.username) return `@${contact.username}`;
  return `Visitor ${contact.externalId.replace(/[^a-zA-Z0-9]/g, '').slice(0, 6)}`;
}
