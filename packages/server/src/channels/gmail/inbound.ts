/**
 * The incoming builder: one parsed Gmail message becomes one normalized InboundMessage.
 * The Gmail thread is the conversation and the customer's address is the contact.
 */
import type { Attachment, AttachmentType, InboundMessage } from '@parley/domain';
import type { EmailAttachment, ParsedEmail } from './mime.js';

/** Labels whose messages never reach the inbox: unsent drafts, spam and the bin. */
const IGNORED_LABELS = ['DRAFT', 'SPAM', 'TRASH'];

/** What a reply needs to stay in the thread, kept on the conversation and refreshed by each
 * new customer message (read back by the connector's send). */
export interface GmailReplyContext {
  replyTo: string;
  replyToName: string | null;
  messageId: string | null;
  references: string[];
}

/** Reads the reply context back from conversation metadata, which is stored JSON: anything
 * not of the expected shape counts as absent. */
export function readReplyContext(metadata: Record<string, unknown>): GmailReplyContext | null {
  const stored = metadata.gmail;
  if (typeof stored !== 'object' || stored === null) return null;
  const { replyTo, replyToName, messageId, references } = stored as Record<string, unknown>;
  if (typeof replyTo !== 'string' || !replyTo.includes('@')) return null;
  return {
    replyTo,
    replyToName: typeof replyToName === 'string' ? replyToName : null,
    messageId: typeof messageId === 'string' ? messageId : null,
    references: Array.isArray(references)
      ? references.filter((id): id is string => typeof id === 'string')
      : [],
  };
}

export function isIgnored(labelIds: readonly string[] | undefined): boolean {
  return (labelIds ?? []).some((label) => IGNORED_LABELS.includes(label));
}

/** Only the mailbox's sent mail counts: anyone could write the header into an email. */
function isParleyReply(email: ParsedEmail): boolean {
  return email.labelIds.includes('SENT') && email.parleyMessageId !== null;
}

function attachmentType(mimeType: string): AttachmentType {
  if (mimeType.startsWith('image/')) return 'image';
  if (mimeType.startsWith('video/')) return 'video';
  if (mimeType.startsWith('audio/')) return 'audio';
  return 'file';
}

function toAttachment(attachment: EmailAttachment): Attachment {
  return {
    type: attachmentType(attachment.mimeType),
    name: attachment.filename,
    mimeType: attachment.mimeType,
    size: attachment.size,
  };
}

/** Null for messages the inbox does not show (drafts, spam), already holds (Parley's own
 * replies, stored when they were queued) or cannot place (no address). */
export function toInboundMessage(
  email: ParsedEmail,
  mailbox: string | null,
): InboundMessage | null {
  if (isIgnored(email.labelIds) || isParleyReply(email)) return null;
  // Mail the mailbox sent itself (from Gmail, or our own replies read back) is the business's.
  const fromBusiness =
    email.labelIds.includes('SENT') || (mailbox !== null && email.from?.email === mailbox);
  const person = fromBusiness ? email.to[0] : email.from;
  if (!person) return null;

  const replyContext: GmailReplyContext | null = fromBusiness
    ? null
    : {
        replyTo: email.replyTo?.email ?? person.email,
        replyToName: email.replyTo ? email.replyTo.name : person.name,
        messageId: email.messageId,
        references: email.references,
      };
  return {
    type: 'message',
    externalId: email.id,
    threadKey: email.threadId,
    contact: {
      externalId: person.email,
      email: person.email,
      ...(person.name ? { displayName: person.name } : {}),
    },
    author: fromBusiness ? 'business' : 'contact',
    text: email.newText,
    attachments: email.attachments.map(toAttachment),
    sentAt: email.sentAt,
    conversation: {
      subject: email.subject,
      ...(replyContext ? { metadata: { gmail: replyContext } } : {}),
    },
    metadata: {
      email: {
        from: email.from,
        to: email.to,
        cc: email.cc,
        subject: email.subject,
        messageId: email.messageId,
        inReplyTo: email.inReplyTo,
        references: email.references,
      },
      ...(email.html ? { html: email.html } : {}),
      ...(email.automated ? { automated: true } : {}),
      ...(email.text !== email.newText ? { fullText: email.text } : {}),
    },
  };
}
