import { describe, expect, it } from 'vitest';
import { minimalDocx, minimalPdf } from '../../test-support/knowledge-files.js';
import { chunkDocument } from '../chunk.js';
import { extractFile, MAX_FILE_BYTES } from './index.js';

const text = (value: string) => new TextEncoder().encode(value);

describe('extractFile', () => {
  it('reads Markdown and plain text as they are, titled by the file name', async () => {
    expect(await extractFile('size-guide.md', text('# Sizes\nS fits 36.'))).toEqual({
      title: 'size guide',
      markdown: '# Sizes\nS fits 36.',
    });
    expect((await extractFile('hours.TXT', text('Open 9-18.'))).markdown).toBe('Open 9-18.');
  });

  it('takes the main text of an HTML page with its headings', async () => {
    const page = `<html><head><title>Returns</title><script>evil()</script></head><body>
      <nav><a href="/">Home</a> <a href="/shop">Shop</a></nav>
      <article><h1>Returns</h1><h2>Refunds</h2><p>Refunds reach your account within 5 days.</p>
      <p>Keep the receipt. We need it to find your order quickly and refund the right card.</p></article>
      <footer>© Shop</footer></body></html>`;
    const { title, markdown } = await extractFile('returns.html', text(page));
    expect(title).toBe('Returns');
    expect(markdown).not.toContain('evil');
    expect(markdown).not.toContain('Home');
    expect(chunkDocument(markdown)).toContainEqual({
      heading: 'Refunds',
      text: expect.stringContaining('Refunds reach your account within 5 days.'),
    });
  });

  it('reads the text of a PDF', async () => {
    const pdf = minimalPdf(['Opening hours', 'We are open Monday to Friday.']);
    const { markdown } = await extractFile('hours.pdf', pdf);
    expect(markdown).toContain('Opening hours');
    expect(markdown).toContain('We are open Monday to Friday.');
  });

  it('reads a Word document, headings included', async () => {
    const docx = minimalDocx([
      { style: 'Heading1', text: 'Payment' },
      { text: 'We accept cards and PayPal.' },
    ]);
    const { markdown } = await extractFile('payment.docx', docx);
    expect(chunkDocument(markdown)).toEqual([
      { heading: 'Payment', text: 'We accept cards and PayPal.' },
    ]);
  });

  it('refuses unknown types, damaged and empty files, and files over the limit', async () => {
    await expect(extractFile('virus.exe', text('x'))).rejects.toMatchObject({ status: 400 });
    await expect(extractFile('broken.pdf', text('not a pdf'))).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('damaged'),
    });
    await expect(extractFile('broken.docx', text('not a zip'))).rejects.toMatchObject({
      status: 400,
    });
    await expect(extractFile('empty.txt', text('  \n'))).rejects.toMatchObject({ status: 400 });
    await expect(extractFile('big.txt', new Uint8Array(MAX_FILE_BYTES + 1))).rejects.toMatchObject({
      status: 413,
      code: 'file_too_large',
    });
  });
});
