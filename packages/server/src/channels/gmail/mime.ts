/**
 * Reads a Gmail message resource (users.messages.get, format=full) into what Parley shows:
 * who wrote it, the subject and threading headers, the text (plain preferred, HTML turned
 * into text otherwise), sanitized HTML for display, and the attachments by name.
 */
import { type EmailAddress, parseAddressList, parseMessageIds } from './addresses.js';
import type { GmailMessage, GmailMessagePart } from './gmail-resources.js';
import { htmlToText, sanitizeEmailHtml } from './html-text.js';
import { trimQuotedHistory } from './quoted-history.js';
import { decodeEncodedWords } from './rfc2047.js';
import { PARLEY_MESSAGE_HEADER } from './rfc2822.js';

export interface EmailAttachment {
  filename: string;
  mimeType: string;
  size: number;
  /** users.messages.attachments.get fetches the bytes with this id. */
  attachmentId: string | null;
}

export interface ParsedEmail {
  id: string;
  threadId: string;
  labelIds: string[];
  from: EmailAddress | null;
  to: EmailAddress[];
  cc: EmailAddress[];
  replyTo: EmailAddress | null;
  subject: string;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  sentAt: Date;
  /** The whole body as text, quoted history included. */
  text: string;
  /** Only what the sender just wrote: quoted history trimmed. */
  newText: string;
  /** Sanitized HTML body, safe to render; null for plain-text mail. */
  html: string | null;
  attachments: EmailAttachment[];
  /** Set on replies Parley itself sent (its outbound message id). */
  parleyMessageId: string | null;
  /** Sent by a machine (auto-reply, bounce, newsletter): never answered automatically, so
   * two robots cannot mail each other forever. */
  automated: boolean;
}

const NO_REPLY_SENDER = /^(mailer-daemon|postmaster|no-?reply|do-?not-?reply)@/i;

/** RFC 3834 `Auto-Submitted`, bulk `Precedence`, mailing-list headers, daemon senders. */
function isAutomated(headers: Headers, from: EmailAddress | null): boolean {
  const autoSubmitted = header(headers, 'Auto-Submitted');
  if (autoSubmitted && autoSubmitted.trim().toLowerCase() !== 'no') return true;
  if (/^(bulk|junk|list|auto_reply)$/i.test(header(headers, 'Precedence')?.trim() ?? ''))
    return true;
  if (header(headers, 'List-Id') || header(headers, 'List-Unsubscribe')) return true;
  if (header(headers, 'X-Autoreply') || header(headers, 'X-Autorespond')) return true;
  return from !== null && NO_REPLY_SENDER.test(from.email);
}

type Headers = GmailMessagePart['headers'];

function header(headers: Headers, name: string): string | null {
  const lower = name.toLowerCase();
  const found = headers?.find((candidate) => candidate.name.toLowerCase() === lower);
  return found ? found.value : null;
}

function charsetOf(part: GmailMessagePart): string {
  const contentType = header(part.headers, 'Content-Type') ?? '';
  return contentType.match(/charset\s*=\s*"?([^";\s]+)"?/i)?.[1] ?? 'utf-8';
}

function decodeBody(part: GmailMessagePart): string {
  const data = part.body?.data;
  if (!data) return '';
  const bytes = Buffer.from(data, 'base64url');
  try {
    return new TextDecoder(charsetOf(part)).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function isAttachment(part: GmailMessagePart): boolean {
  const disposition = header(part.headers, 'Content-Disposition') ?? '';
  return (
    Boolean(part.filename) ||
    /^\s*attachment/i.test(disposition) ||
    part.mimeType.toLowerCase() === 'message/rfc822'
  );
}

interface Collected {
  plain: string[];
  html: string[];
  attachments: EmailAttachment[];
}

function collect(part: GmailMessagePart, into: Collected): void {
  const mimeType = part.mimeType.toLowerCase();
  if (mimeType.startsWith('multipart/')) {
    for (const child of part.parts ?? []) collect(child, into);
    return;
  }
  if (isAttachment(part)) {
    into.attachments.push({
      filename: decodeEncodedWords(part.filename || 'attachment'),
      mimeType,
      size: part.body?.size ?? 0,
      attachmentId: part.body?.attachmentId ?? null,
    });
    return;
  }
  if (mimeType === 'text/plain') into.plain.push(decodeBody(part));
  else if (mimeType === 'text/html') into.html.push(decodeBody(part));
}

function sentAtOf(message: GmailMessage, dateHeader: string | null): Date {
  const internal = Number(message.internalDate);
  if (message.internalDate && Number.isFinite(internal)) return new Date(internal);
  const fromHeader = dateHeader ? new Date(dateHeader) : null;
  // Gmail always sends internalDate; a message with neither is dated when we read it.
  return fromHeader && !Number.isNaN(fromHeader.getTime()) ? fromHeader : new Date();
}

export function parseGmailMessage(message: GmailMessage): ParsedEmail {
  const payload: GmailMessagePart = message.payload ?? { mimeType: 'text/plain' };
  const headers = payload.headers;
  const collected: Collected = { plain: [], html: [], attachments: [] };
  collect(payload, collected);

  const plain = collected.plain.join('\n\n').replace(/\r\n?/g, '\n').trim();
  const rawHtml = collected.html.join('\n');
  const text = plain || htmlToText(rawHtml);
  const newText = plain
    ? trimQuotedHistory(plain)
    : trimQuotedHistory(htmlToText(rawHtml, { withoutQuotedHistory: true }) || text);

  const from = parseAddressList(header(headers, 'From'))[0] ?? null;
  return {
    id: message.id,
    threadId: message.threadId,
    labelIds: message.labelIds ?? [],
    from,
    to: parseAddressList(header(headers, 'To')),
    cc: parseAddressList(header(headers, 'Cc')),
    replyTo: parseAddressList(header(headers, 'Reply-To'))[0] ?? null,
    subject: decodeEncodedWords(header(headers, 'Subject') ?? '').trim(),
    messageId: parseMessageIds(header(headers, 'Message-ID'))[0] ?? null,
    inReplyTo: parseMessageIds(header(headers, 'In-Reply-To'))[0] ?? null,
    references: parseMessageIds(header(headers, 'References')),
    sentAt: sentAtOf(message, header(headers, 'Date')),
    text,
    newText,
    html: rawHtml.trim() ? sanitizeEmailHtml(rawHtml) : null,
    attachments: collected.attachments,
    parleyMessageId: header(headers, PARLEY_MESSAGE_HEADER),
    automated: isAutomated(headers, from),
  };
}
