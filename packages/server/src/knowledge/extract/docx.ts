/** The text of a Word document: mammoth turns it into semantic HTML (headings kept), which
 * becomes Markdown like any page. */
import mammoth from 'mammoth';
import type { Extracted } from './extracted.js';
import { markdownOfHtmlFragment } from './html.js';

export async function extractDocx(bytes: Uint8Array): Promise<Extracted> {
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  return { markdown: markdownOfHtmlFragment(value) };
}
