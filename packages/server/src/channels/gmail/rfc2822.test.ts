import { describe, expect, it } from 'vitest';
import { decodeEncodedWords } from './rfc2047.js';
import {
  buildReplyMessage,
  encodeRawMessage,
  type ReplyDraft,
  referencesChain,
  replySubject,
} from './rfc2822.js';

const draft: ReplyDraft = {
  from: { email: 'support@shop.example', name: 'Shop Support' },
  to: { email: 'ann@example.com', name: 'Ann Lee' },
  subject: 'Where is my order?',
  inReplyTo: '<CAB2@mail.gmail.com>',
  references: ['<CAA1@mail.gmail.com>', '<reply-1@shop.example>'],
  text: 'Hi Ann,\nit ships tomorrow.',
  date: new Date('2024-06-03T10:05:00Z'),
  parleyMessageId: '0b6f1f5e-2f0a-4d55-9d1e-5f5c1a2b3c4d',
};

function split(message: string) {
  const [head = '', body = ''] = message.split('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n /g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon), line.slice(colon + 2));
  }
  return { headers, body: Buffer.from(body.replace(/\r\n/g, ''), 'base64').toString('utf8'), head };
}

describe('building an RFC 2822 reply', () => {
  it('writes the threading headers, MIME headers and a base64 UTF-8 body', () => {
    const { headers, body } = split(buildReplyMessage(draft));
    expect(Object.fromEntries(headers)).toEqual({
      From: 'Shop Support <support@shop.example>',
      To: 'Ann Lee <ann@example.com>',
      Subject: 'Re: Where is my order?',
      Date: 'Mon, 03 Jun 2024 10:05:00 +0000',
      'In-Reply-To': '<CAB2@mail.gmail.com>',
      References: '<CAA1@mail.gmail.com> <reply-1@shop.example> <CAB2@mail.gmail.com>',
      'X-Parley-Message-Id': '0b6f1f5e-2f0a-4d55-9d1e-5f5c1a2b3c4d',
      'MIME-Version': '1.0',
      'Content-Type': 'text/plain; charset=UTF-8',
      'Content-Transfer-Encoding': 'base64',
    });
    expect(body).toBe('Hi Ann,\r\nit ships tomorrow.');
  });

  it('keeps a single "Re: " however many prefixes the thread has', () => {
    expect(replySubject('Re: RE: re[2]: AW: Order 1001')).toBe('Re: Order 1001');
    expect(replySubject('Order 1001')).toBe('Re: Order 1001');
    expect(replySubject(null)).toBe('Re:');
  });

  it('starts References with the parent when the parent had none, and never repeats an id', () => {
    expect(referencesChain([], '<a@x>')).toEqual(['<a@x>']);
    expect(referencesChain(['<a@x>', '<b@x>'], '<b@x>')).toEqual(['<a@x>', '<b@x>']);
    const long = Array.from({ length: 30 }, (_, index) => `<m${index}@x>`);
    const chain = referencesChain(long, '<last@x>');
    expect(chain).toHaveLength(20);
    expect(chain[0]).toBe('<m0@x>');
    expect(chain.at(-1)).toBe('<last@x>');
  });

  it('encodes non-ASCII subjects and names as RFC 2047 words on short lines', () => {
    const message = buildReplyMessage({
      ...draft,
      to: { email: 'jurgen@example.de', name: 'Jürgen Müller' },
      subject: 'Bestellung für München — Größe 42, bitte schnell prüfen, danke schön!',
      text: 'Grüße',
    });
    const { headers, body, head } = split(message);
    expect(head.split('\r\n').every((line) => line.length <= 78)).toBe(true);
    expect(headers.get('To')).toMatch(/^=\?UTF-8\?B\?[^?]+\?= <jurgen@example\.de>$/);
    expect(decodeEncodedWords(headers.get('To') ?? '')).toBe('Jürgen Müller <jurgen@example.de>');
    expect(decodeEncodedWords(headers.get('Subject') ?? '')).toBe(
      'Re: Bestellung für München — Größe 42, bitte schnell prüfen, danke schön!',
    );
    expect(body).toBe('Grüße');
  });

  it('quotes ASCII names with specials and cannot be made to inject headers', () => {
    const { headers, head } = split(
      buildReplyMessage({
        ...draft,
        to: { email: 'ann@example.com', name: 'Lee, "Ann"' },
        subject: 'Hello\r\nBcc: everyone@example.com',
      }),
    );
    expect(headers.get('To')).toBe('"Lee, \\"Ann\\"" <ann@example.com>');
    expect(headers.get('Subject')).toBe('Re: Hello Bcc: everyone@example.com');
    expect(head).not.toMatch(/^Bcc:/m);
  });

  it("marks the assistant's mail as auto-replied (RFC 3834), and an operator's not", () => {
    expect(
      split(buildReplyMessage({ ...draft, automatic: true })).headers.get('Auto-Submitted'),
    ).toBe('auto-replied');
    expect(split(buildReplyMessage(draft)).headers.get('Auto-Submitted')).toBeUndefined();
  });

  it('encodes the whole message as base64url for users.messages.send', () => {
    const message = buildReplyMessage(draft);
    const raw = encodeRawMessage(message);
    expect(raw).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(raw, 'base64url').toString('utf8')).toBe(message);
  });
});
