import { describe, expect, it } from 'vitest';
import { emailDocument, emailExtraParts, emailFrameHeight } from './email';
import { testMessage } from './test-fixtures';

describe('emailExtraParts', () => {
  it('offers the original HTML and the quoted text when the server kept them', () => {
    const message = testMessage({
      text: 'Thanks!',
      metadata: { html: '<p>Thanks!</p>', fullText: 'Thanks!\n\n> On Monday you wrote: ...' },
    });
    expect(emailExtraParts(message)).toEqual({
      html: '<p>Thanks!</p>',
      quotedText: 'Thanks!\n\n> On Monday you wrote: ...',
    });
  });

  it('offers no quoted text that only repeats the message', () => {
    const message = testMessage({ text: 'Thanks!', metadata: { fullText: 'Thanks!\n' } });
    expect(emailExtraParts(message).quotedText).toBeNull();
  });

  it('ignores missing or malformed fields', () => {
    expect(emailExtraParts(testMessage())).toEqual({ html: null, quotedText: null });
    expect(emailExtraParts(testMessage({ metadata: { html: 42, fullText: ['x'] } }))).toEqual({
      html: null,
      quotedText: null,
    });
  });
});

describe('emailDocument', () => {
  it('wraps the HTML in a document that may load nothing from the network', () => {
    const document = emailDocument('<p>Hi</p>');
    expect(document).toContain('<body><p>Hi</p></body>');
    expect(document).toContain("default-src 'none'");
  });
});

describe('emailFrameHeight', () => {
  it('grows with the text between a floor and a cap', () => {
    const short = emailFrameHeight('Hi');
    const medium = emailFrameHeight(Array.from({ length: 10 }, () => 'line').join('\n'));
    const long = emailFrameHeight('word '.repeat(10_000));
    expect(short).toBe(120);
    expect(medium).toBeGreaterThan(short);
    expect(long).toBe(480);
  });
});
