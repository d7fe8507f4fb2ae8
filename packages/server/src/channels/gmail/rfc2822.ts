/**
 * Builds the RFC 2822 (5322) reply that users.messages.send takes. Gmail and every other
 * mailer keep a reply in its thread by `In-Reply-To`, `References` and the `Re:` subject.
 */
import { encodeHeaderText, formatAddress, singleLine } from './rfc2047.js';

export interface ReplyDraft {
  from: { email: string; name?: string | null };
  to: { email: string; name?: string | null };
  /** Subject of the thread as received; gets one `Re: ` prefix. */
  subject: string | null;
  /** Message-ID of the message being answered. */
  inReplyTo: string | null;
  /** References of the message being answered, oldest first. */
  references: string[];
  text: string;
  date: Date;
  /** Parley's id of the outbound message, so sync recognizes its own replies read back. */
  parleyMessageId: string;
  /** Written by the assistant: marked per RFC 3834 so other robots do not answer it. */
  automatic?: boolean;
}

/** Marks mail Parley sent; such messages are already stored when sync reads them back. */
export const PARLEY_MESSAGE_HEADER = 'X-Parley-Message-Id';

/** Mailers shorten long chains by keeping the first id and the most recent ones. */
const MAX_REFERENCES = 20;

/** One `Re: ` however many the thread has piled up (`Re: RE: Re[2]: Order`). */
export function replySubject(subject: string | null): string {
  const bare = singleLine(subject ?? '')
    .replace(/^\s*((re|aw|sv)(\[\d+\])?\s*:\s*)+/i, '')
    .trim();
  return `Re: ${bare}`.trim();
}

export function referencesChain(references: string[], inReplyTo: string | null): string[] {
  const chain = [...references, ...(inReplyTo ? [inReplyTo] : [])].filter(
    (id, index, all) => all.indexOf(id) === index,
  );
  if (chain.length <= MAX_REFERENCES) return chain;
  return [chain[0] as string, ...chain.slice(-(MAX_REFERENCES - 1))];
}

/** RFC 5322 date-time, e.g. `Mon, 03 Jun 2024 10:02:00 +0000`. */
function formatDate(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}

function base64Lines(text: string): string {
  const encoded = Buffer.from(text, 'utf8').toString('base64');
  return encoded.match(/.{1,76}/g)?.join('\r\n') ?? '';
}

/** The message text with CRLF line endings, ready to encode. */
export function buildReplyMessage(draft: ReplyDraft): string {
  const references = referencesChain(draft.references, draft.inReplyTo);
  const headers = [
    `From: ${formatAddress(draft.from, 'From: '.length)}`,
    `To: ${formatAddress(draft.to, 'To: '.length)}`,
    `Subject: ${encodeHeaderText(replySubject(draft.subject), 'Subject: '.length)}`,
    `Date: ${formatDate(draft.date)}`,
    ...(draft.inReplyTo ? [`In-Reply-To: ${singleLine(draft.inReplyTo)}`] : []),
    ...(references.length > 0 ? [`References: ${references.map(singleLine).join('\r\n ')}`] : []),
    `${PARLEY_MESSAGE_HEADER}: ${singleLine(draft.parleyMessageId)}`,
    ...(draft.automatic ? ['Auto-Submitted: auto-replied'] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    // base64 carries any text and keeps every line short, whatever the body holds.
    'Content-Transfer-Encoding: base64',
  ];
  const body = draft.text.replace(/\r\n?/g, '\n').replace(/\n/g, '\r\n');
  return `${headers.join('\r\n')}\r\n\r\n${base64Lines(body)}\r\n`;
}

/** users.messages.send wants the whole message base64url encoded in `raw`. */
export function encodeRawMessage(message: string): string {
  return Buffer.from(message, 'utf8').toString('base64url');
}
