/**
 * Gmail resources for tests, shaped as Google documents them: users.messages.get (format=full)
 * with `payload.headers`, MIME `parts` and base64url `body.data`, and the Cloud Pub/Sub push
 * body that carries Gmail's notification.
 */
import type {
  GmailHeader,
  GmailMessage,
  GmailMessagePart,
} from '../channels/gmail/gmail-resources.js';

export interface FixtureAttachment {
  filename: string;
  mimeType: string;
  size: number;
  attachmentId?: string;
}

export interface FixtureMessage {
  id?: string;
  threadId?: string;
  labelIds?: string[];
  from: string;
  to: string;
  subject?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string;
  replyTo?: string;
  date?: Date;
  text?: string;
  html?: string;
  /** Charset the text parts are written in; `iso-8859-1` is encoded as Latin-1. */
  charset?: string;
  attachments?: FixtureAttachment[];
  headers?: GmailHeader[];
}

let counter = 0;

/** Gmail ids are 16 hex digits. */
export function gmailId(): string {
  counter += 1;
  return (0x18f0000000000000n + BigInt(counter) * 0x1000n).toString(16);
}

function encodeText(text: string, charset: string): string {
  const latin1 = /^(iso-8859-1|latin1|windows-1252)$/i.test(charset);
  return Buffer.from(text, latin1 ? 'latin1' : 'utf8').toString('base64url');
}

export function textPart(
  mimeType: 'text/plain' | 'text/html',
  text: string,
  charset = 'UTF-8',
): GmailMessagePart {
  const data = encodeText(text, charset);
  return {
    partId: '',
    mimeType,
    filename: '',
    headers: [
      { name: 'Content-Type', value: `${mimeType}; charset="${charset}"` },
      { name: 'Content-Transfer-Encoding', value: 'quoted-printable' },
    ],
    body: { size: Buffer.from(data, 'base64url').length, data },
  };
}

export function attachmentPart(attachment: FixtureAttachment): GmailMessagePart {
  return {
    partId: '',
    mimeType: attachment.mimeType,
    filename: attachment.filename,
    headers: [
      { name: 'Content-Type', value: `${attachment.mimeType}; name="${attachment.filename}"` },
      { name: 'Content-Disposition', value: `attachment; filename="${attachment.filename}"` },
      { name: 'Content-Transfer-Encoding', value: 'base64' },
    ],
    body: { attachmentId: attachment.attachmentId ?? `ANGjdJ_${gmailId()}`, size: attachment.size },
  };
}

function multipart(subtype: string, parts: GmailMessagePart[]): GmailMessagePart {
  return {
    partId: '',
    mimeType: `multipart/${subtype}`,
    filename: '',
    headers: [{ name: 'Content-Type', value: `multipart/${subtype}; boundary="000000000000b1"` }],
    body: { size: 0 },
    parts,
  };
}

/** Gmail numbers parts `0`, `0.1`, ... by position; the top level has the empty id. */
function numberParts(part: GmailMessagePart, id: string): GmailMessagePart {
  return {
    ...part,
    partId: id,
    parts: part.parts?.map((child, index) =>
      numberParts(child, id ? `${id}.${index}` : String(index)),
    ),
  };
}

function body(input: FixtureMessage): GmailMessagePart {
  const charset = input.charset ?? 'UTF-8';
  const plain = input.text !== undefined ? textPart('text/plain', input.text, charset) : null;
  const html = input.html !== undefined ? textPart('text/html', input.html, charset) : null;
  const content =
    plain && html
      ? multipart('alternative', [plain, html])
      : (plain ?? html ?? textPart('text/plain', ''));
  if (!input.attachments?.length) return content;
  return multipart('mixed', [content, ...input.attachments.map(attachmentPart)]);
}

export function gmailMessage(input: FixtureMessage): GmailMessage {
  const id = input.id ?? gmailId();
  const date = input.date ?? new Date('2024-06-03T10:02:00Z');
  const content = body(input);
  const optional = (name: string, value: string | undefined): GmailHeader[] =>
    value === undefined ? [] : [{ name, value }];
  const headers: GmailHeader[] = [
    { name: 'Delivered-To', value: input.to },
    { name: 'MIME-Version', value: '1.0' },
    { name: 'Date', value: date.toUTCString().replace('GMT', '+0000') },
    ...optional('Message-ID', input.messageId ?? `<${id}@mail.example.com>`),
    ...optional('In-Reply-To', input.inReplyTo),
    ...optional('References', input.references),
    ...optional('Subject', input.subject),
    { name: 'From', value: input.from },
    { name: 'To', value: input.to },
    ...optional('Reply-To', input.replyTo),
    ...(input.headers ?? []),
    ...(content.headers ?? []).filter((header) => header.name === 'Content-Type'),
  ];
  return {
    id,
    threadId: input.threadId ?? id,
    labelIds: input.labelIds ?? ['UNREAD', 'CATEGORY_PERSONAL', 'INBOX'],
    snippet: (input.text ?? '').slice(0, 100),
    internalDate: String(date.getTime()),
    sizeEstimate: 4096,
    payload: numberParts({ ...content, headers }, ''),
  };
}

/** The body Cloud Pub/Sub POSTs to a push endpoint for one Gmail notification. */
export function pubsubPushBody(notice: { emailAddress: string; historyId: string | number }) {
  const data = Buffer.from(JSON.stringify(notice), 'utf8').toString('base64');
  const messageId = String(2070443601311540 + Number(String(notice.historyId).slice(-6)));
  const publishTime = '2024-06-03T10:02:01.123Z';
  return {
    message: {
      data,
      messageId,
      message_id: messageId,
      publishTime,
      publish_time: publishTime,
      attributes: {},
    },
    subscription: 'projects/parley-test/subscriptions/gmail-push',
  };
}
