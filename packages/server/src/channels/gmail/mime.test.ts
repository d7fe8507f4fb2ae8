import { describe, expect, it } from 'vitest';
import { gmailMessage } from '../../test-support/gmail-fixtures.js';
import { parseGmailMessage } from './mime.js';

const customer = 'Ann Lee <Ann.Lee@example.com>';
const mailbox = 'support@shop.example';

describe('parsing a Gmail message resource', () => {
  it('reads sender, subject, threading headers and the plain text body', () => {
    const email = parseGmailMessage(
      gmailMessage({
        id: '18f0a1',
        threadId: '18f0a0',
        from: customer,
        to: mailbox,
        subject: 'Re: Where is my order?',
        messageId: '<CAB123@mail.gmail.com>',
        inReplyTo: '<reply-1@shop.example>',
        references: '<CAA000@mail.gmail.com>\r\n <reply-1@shop.example>',
        date: new Date('2024-06-03T10:02:00Z'),
        text: 'Hi,\r\nit has not arrived yet.\r\n',
      }),
    );
    expect(email).toMatchObject({
      id: '18f0a1',
      threadId: '18f0a0',
      from: { email: 'ann.lee@example.com', name: 'Ann Lee' },
      to: [{ email: mailbox, name: null }],
      subject: 'Re: Where is my order?',
      messageId: '<CAB123@mail.gmail.com>',
      inReplyTo: '<reply-1@shop.example>',
      references: ['<CAA000@mail.gmail.com>', '<reply-1@shop.example>'],
      text: 'Hi,\nit has not arrived yet.',
      newText: 'Hi,\nit has not arrived yet.',
      html: null,
      attachments: [],
    });
    expect(email.sentAt.toISOString()).toBe('2024-06-03T10:02:00.000Z');
  });

  it('turns an HTML-only body into text and keeps a sanitized copy for display', () => {
    const email = parseGmailMessage(
      gmailMessage({
        from: customer,
        to: mailbox,
        subject: 'Sizes',
        html:
          '<html><head><title>x</title><style>p{color:red}</style></head><body>' +
          '<p>Do you have the <b>blue</b> one\nin size M?</p><p>Thanks &amp; bye</p>' +
          '<script>alert(1)</script><img src="https://tracker.example/p.gif">' +
          '<a href="javascript:alert(2)" onclick="x()">click</a><a href="https://shop.example">shop</a>' +
          '</body></html>',
      }),
    );
    expect(email.text).toBe('Do you have the blue one in size M?\nThanks & bye\nclickshop');
    expect(email.html).toContain('<b>blue</b>');
    expect(email.html).not.toMatch(/script|style|onclick|javascript:|<img|<title/);
    expect(email.html).toContain(
      '<a href="https://shop.example" target="_blank" rel="noopener noreferrer nofollow">shop</a>',
    );
  });

  it('prefers the plain alternative of a multipart/alternative message', () => {
    const email = parseGmailMessage(
      gmailMessage({
        from: customer,
        to: mailbox,
        text: 'Plain version',
        html: '<div dir="ltr">HTML version</div>',
      }),
    );
    expect(email.text).toBe('Plain version');
    expect(email.html).toBe('<div dir="ltr">HTML version</div>');
  });

  it('lists attachments by name, type and size without reading them as text', () => {
    const email = parseGmailMessage(
      gmailMessage({
        from: customer,
        to: mailbox,
        text: 'Photo of the damage attached.',
        attachments: [
          {
            filename: 'damage.jpg',
            mimeType: 'image/jpeg',
            size: 48213,
            attachmentId: 'ANGjdJ_a1',
          },
          { filename: 'receipt.pdf', mimeType: 'application/pdf', size: 9120 },
        ],
      }),
    );
    expect(email.text).toBe('Photo of the damage attached.');
    expect(email.attachments).toEqual([
      { filename: 'damage.jpg', mimeType: 'image/jpeg', size: 48213, attachmentId: 'ANGjdJ_a1' },
      expect.objectContaining({ filename: 'receipt.pdf', mimeType: 'application/pdf', size: 9120 }),
    ]);
  });

  it('decodes non-ASCII headers, names and bodies in their declared charset', () => {
    const email = parseGmailMessage(
      gmailMessage({
        from: '=?UTF-8?B?SsO8cmdlbiBNw7xsbGVy?= <jurgen@example.de>',
        to: mailbox,
        subject: '=?UTF-8?Q?Bestellung_f=C3=BCr_M=C3=BC?= =?UTF-8?Q?nchen?=',
        text: 'Grüße aus Köln, ça va?',
        charset: 'iso-8859-1',
      }),
    );
    expect(email.from).toEqual({ email: 'jurgen@example.de', name: 'Jürgen Müller' });
    expect(email.subject).toBe('Bestellung für München');
    expect(email.text).toBe('Grüße aus Köln, ça va?');
  });

  it('reads quoted display names with commas and several recipients', () => {
    const email = parseGmailMessage(
      gmailMessage({
        from: '"Lee, Ann" <ann@example.com>',
        to: `${mailbox}, "Bob \\"B\\" Ray" <bob@example.com>, carol@example.com (Carol)`,
        replyTo: 'Orders <orders@example.com>',
        text: 'Hello',
      }),
    );
    expect(email.from).toEqual({ email: 'ann@example.com', name: 'Lee, Ann' });
    expect(email.to).toEqual([
      { email: mailbox, name: null },
      { email: 'bob@example.com', name: 'Bob "B" Ray' },
      { email: 'carol@example.com', name: 'Carol' },
    ]);
    expect(email.replyTo).toEqual({ email: 'orders@example.com', name: 'Orders' });
  });
});

describe('trimming quoted history', () => {
  it('drops the "On … wrote:" block and ">" lines of a plain-text reply', () => {
    const email = parseGmailMessage(
      gmailMessage({
        from: customer,
        to: mailbox,
        text:
          'Yes, the blue one please.\n\nOn Mon, 3 Jun 2024 at 10:02, Shop Support <support@shop.example>\nwrote:\n' +
          '> Which colour would you like?\n>\n> Shop',
      }),
    );
    expect(email.newText).toBe('Yes, the blue one please.');
    expect(email.text).toContain('> Which colour would you like?');
  });

  it('drops interleaved ">" lines and an Outlook original-message block', () => {
    const email = parseGmailMessage(
      gmailMessage({
        from: customer,
        to: mailbox,
        text: '> Your order shipped?\nNot yet.\n\n-----Original Message-----\nFrom: Shop\nSent: Monday',
      }),
    );
    expect(email.newText).toBe('Not yet.');
  });

  it("drops Gmail's gmail_quote block from an HTML-only reply", () => {
    const email = parseGmailMessage(
      gmailMessage({
        from: customer,
        to: mailbox,
        html:
          '<div dir="ltr">Tuesday works for me.</div><br><div class="gmail_quote">' +
          '<div dir="ltr" class="gmail_attr">On Mon, Jun 3, 2024 at 10:02 AM Shop wrote:<br></div>' +
          '<blockquote class="gmail_quote" style="margin:0">When can we deliver?</blockquote></div>',
      }),
    );
    expect(email.newText).toBe('Tuesday works for me.');
    expect(email.text).toContain('When can we deliver?');
    expect(email.html).toContain('When can we deliver?');
  });

  it('keeps the whole text when nothing but quotes remains', () => {
    const email = parseGmailMessage(
      gmailMessage({ from: customer, to: mailbox, text: '> forwarded line one\n> line two' }),
    );
    expect(email.newText).toBe('> forwarded line one\n> line two');
  });

  it('refuses an address that would smuggle several recipients into a reply', () => {
    const email = parseGmailMessage(
      gmailMessage({
        from: 'Mallory <mallory@example.com>',
        to: 'support@shop.example',
        replyTo: '<v1@example.org,v2@example.net,v3@example.com>',
        text: 'Hi',
      }),
    );
    expect(email.replyTo).toBeNull();
    expect(email.from?.email).toBe('mallory@example.com');
  });

  it('recognises mail sent by machines: auto-replies, bulk mail, lists and daemons', () => {
    const parse = (extra: Partial<Parameters<typeof gmailMessage>[0]>) =>
      parseGmailMessage(
        gmailMessage({ from: 'ann@example.com', to: 'support@shop.example', text: 'x', ...extra }),
      ).automated;
    expect(parse({})).toBe(false);
    expect(parse({ headers: [{ name: 'Auto-Submitted', value: 'auto-replied' }] })).toBe(true);
    expect(parse({ headers: [{ name: 'Auto-Submitted', value: 'no' }] })).toBe(false);
    expect(parse({ headers: [{ name: 'Precedence', value: 'bulk' }] })).toBe(true);
    expect(parse({ headers: [{ name: 'List-Id', value: '<news.example.com>' }] })).toBe(true);
    expect(parse({ from: 'MAILER-DAEMON@mx.example.com' })).toBe(true);
  });
});
