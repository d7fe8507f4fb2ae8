/** The text of a PDF (unpdf: Mozilla's pdf.js built for servers), one paragraph per page. */
import { extractText, getDocumentProxy } from 'unpdf';
import type { Extracted } from './extracted.js';

export async function extractPdf(bytes: Uint8Array): Promise<Extracted> {
  // pdf.js takes ownership of the buffer it is given; a copy leaves the caller's intact.
  const document = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(document, { mergePages: false });
  const info = await document.getMetadata().catch(() => null);
  const title = (info?.info as { Title?: unknown } | undefined)?.Title;
  const markdown = text
    .map((page) => page.trim())
    .filter(Boolean)
    .join('\n\n');
  return typeof title === 'string' && title.trim()
    ? { title: title.trim(), markdown }
    : { markdown };
}
