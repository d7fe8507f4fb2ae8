/**
 * Messaging events (`entry[].messaging[]`): one Messenger Platform format serves Messenger and
 * Instagram DMs. This file reads the shared fields; each connector decides what its platform's
 * events mean.
 */
import type { Attachment, InboundMessage, InboundReceipt } from '@parley/domain';
import { z } from 'zod';
import { type RawAttachment, rawAttachmentSchema, toAttachment } from './attachments.js';
import type { MetaEntry, MetaEnvelope } from './envelope.js';
import type { ParsedBatch } from './parse-result.js';
import { PARLEY_ECHO_PREFIX } from './send-api.js';
import { fromMetaTime } from './time.js';

/** Meta documents timestamps as numbers, but some payloads (postbacks) carry them as strings. */
const metaTimestampSchema = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);
const idRefSchema = z.object({ id: z.string().min(1) });

const messageSchema = z.object({
  mid: z.string().min(1),
  text: z.string().optional(),
  is_echo: z.boolean().optional(),
  metadata: z.string().optional(),
  app_id: z.union([z.number(), z.string()]).optional(),
  quick_reply: z.object({ payload: z.string() }).optional(),
  reply_to: z
    .object({
      mid: z.string().optional(),
      story: z.object({ id: z.string().optional(), url: z.string().optional() }).optional(),
    })
    .optional(),
  attachments: z.array(rawAttachmentSchema).optional(),
  is_deleted: z.boolean().optional(),
  is_unsupported: z.boolean().optional(),
});

export const messagingEventSchema = z.object({
  sender: idRefSchema,
  recipient: idRefSchema,
  timestamp: metaTimestampSchema.optional(),
  message: messageSchema.optional(),
  postback: z
    .object({
      mid: z.string().optional(),
      title: z.string().optional(),
      payload: z.string().optional(),
      referral: z.record(z.string(), z.unknown()).optional(),
    })
    .optional(),
  read: z
    .object({ watermark: metaTimestampSchema.optional(), mid: z.string().optional() })
    .optional(),
  delivery: z
    .object({ mids: z.array(z.string()).optional(), watermark: metaTimestampSchema.optional() })
    .optional(),
  message_edit: z.object({ mid: z.string(), text: z.string() }).optional(),
});

export type MessagingEvent = z.infer<typeof messagingEventSchema>;
export type MessagingMessage = z.infer<typeof messageSchema>;
export type MessagingPostback = NonNullable<MessagingEvent['postback']>;

/** Fields every messaging event has; whatever else it carries names its type. */
const ENVELOPE_FIELDS = new Set(['sender', 'recipient', 'timestamp']);

export function eventTypeName(raw: unknown): string {
  if (typeof raw !== 'object' || raw === null) return 'non-object event';
  const names = Object.keys(raw).filter((key) => !ENVELOPE_FIELDS.has(key));
  return names.length > 0 ? names.join('+') : 'empty event';
}

export type MessagingVisitor = (event: MessagingEvent, at: Date, raw: unknown) => void;

/** Calls `visit` for each readable messaging event of every entry; notes the unreadable ones. */
export function forEachMessagingEvent(
  envelope: MetaEnvelope,
  batch: ParsedBatch,
  visit: MessagingVisitor,
): void {
  for (const entry of envelope.entry) {
    for (const raw of entry.messaging ?? []) {
      const parsed = messagingEventSchema.safeParse(raw);
      if (!parsed.success) {
        batch.skipped.push({
          reason: `unreadable ${eventTypeName(raw)}`,
          ids: { account: entry.id },
        });
        continue;
      }
      const at = eventTime(parsed.data, entry);
      if (!at) {
        batch.skipped.push({ reason: 'event without a timestamp', ids: { account: entry.id } });
        continue;
      }
      visit(parsed.data, at, raw);
    }
  }
}

function eventTime(event: MessagingEvent, entry: MetaEntry): Date | null {
  const value = event.timestamp ?? entry.time;
  return value === undefined ? null : fromMetaTime(value);
}

/** The person on the other side: the sender, except for echoes of what the business sent. */
export function customerIdOf(event: MessagingEvent): string {
  return event.message?.is_echo ? event.recipient.id : event.sender.id;
}

function knownAttachments(raws: readonly RawAttachment[]): {
  attachments: Attachment[];
  unsupported: string[];
} {
  const attachments: Attachment[] = [];
  const unsupported: string[] = [];
  for (const raw of raws) {
    const attachment = toAttachment(raw);
    if (attachment) attachments.push(attachment);
    else unsupported.push(raw.type);
  }
  return { attachments, unsupported };
}

/** A customer's message, or the echo of one the business sent from elsewhere. */
export function toInboundMessage(
  event: MessagingEvent,
  message: MessagingMessage,
  at: Date,
): InboundMessage {
  const echo = message.is_echo === true;
  const customerId = customerIdOf(event);
  const { attachments, unsupported } = knownAttachments(message.attachments ?? []);
  const story = message.reply_to?.story;
  if (story?.url) attachments.push({ type: 'story', url: story.url });
  const metadata: Record<string, unknown> = {
    ...(message.quick_reply ? { quickReplyPayload: message.quick_reply.payload } : {}),
    ...(story ? { storyReply: story } : {}),
    ...(echo && message.app_id !== undefined ? { appId: String(message.app_id) } : {}),
    ...(unsupported.length > 0 ? { unsupportedAttachmentTypes: unsupported } : {}),
  };
  return {
    type: 'message',
    externalId: message.mid,
    threadKey: customerId,
    contact: { externalId: customerId },
    author: echo ? 'business' : 'contact',
    text: message.text ?? '',
    ...(attachments.length > 0 ? { attachments } : {}),
    sentAt: at,
    ...(message.reply_to?.mid ? { parentExternalId: message.reply_to.mid } : {}),
    ...(Object.keys(metadata).length > 0 ? { metadata } : {}),
    ...(echo ? echoOf(message.metadata) : {}),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function echoOf(metadata: string | undefined): { echoOf?: string } {
  const id = metadata?.startsWith(PARLEY_ECHO_PREFIX)
    ? metadata.slice(PARLEY_ECHO_PREFIX.length)
    : '';
  return UUID.test(id) ? { echoOf: id } : {};
}

/** A tapped button (postback): its title reads as what the person said; the payload is kept. */
export function postbackMessage(
  event: MessagingEvent,
  postback: MessagingPostback,
  at: Date,
): InboundMessage {
  return {
    type: 'message',
    // Older API versions omit the mid; sender and time identify the tap just as stably.
    externalId: postback.mid ?? `postback:${event.sender.id}:${at.getTime()}`,
    threadKey: event.sender.id,
    contact: { externalId: event.sender.id },
    author: 'contact',
    text: postback.title ?? postback.payload ?? '',
    sentAt: at,
    metadata: {
      postback: {
        ...(postback.title !== undefined ? { title: postback.title } : {}),
        ...(postback.payload !== undefined ? { payload: postback.payload } : {}),
        ...(postback.referral ? { referral: postback.referral } : {}),
      },
    },
  };
}

type MessagingRead = NonNullable<MessagingEvent['read']>;
type MessagingDelivery = NonNullable<MessagingEvent['delivery']>;

/** Messenger reads carry a watermark; Instagram reads name the message seen. */
export function readReceipt(event: MessagingEvent, read: MessagingRead): InboundReceipt {
  return {
    type: 'receipt',
    status: 'read',
    threadKey: event.sender.id,
    ...(read.mid ? { externalIds: [read.mid] } : {}),
    ...(read.watermark !== undefined ? { watermark: fromMetaTime(read.watermark) } : {}),
  };
}

/** `mids` may be missing (older clients); the watermark then covers everything before it. */
export function deliveryReceipt(
  event: MessagingEvent,
  delivery: MessagingDelivery,
): InboundReceipt {
  return {
    type: 'receipt',
    status: 'delivered',
    threadKey: event.sender.id,
    ...(delivery.mids && delivery.mids.length > 0 ? { externalIds: delivery.mids } : {}),
    ...(delivery.watermark !== undefined ? { watermark: fromMetaTime(delivery.watermark) } : {}),
  };
}
