/**
 * Text out of an uploaded file, chosen by its name's extension (the browser's MIME type for
 * .md is unreliable). Unsupported, oversized, unreadable or empty files are 400/413 errors that
 * say what to do.
 */
import { AppError, badRequest } from '../../lib/errors.js';
import { extractDocx } from './docx.js';
import type { Extracted } from './extracted.js';
import { extractHtml } from './html.js';
import { extractPdf } from './pdf.js';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export const FILE_TYPES = ['md', 'markdown', 'txt', 'html', 'htm', 'pdf', 'docx'] as const;
type FileType = (typeof FILE_TYPES)[number];

export function fileTypeOf(fileName: string): FileType | null {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return (FILE_TYPES as readonly string[]).includes(extension ?? '')
    ? (extension as FileType)
    : null;
}

export const fileTooLarge = () =>
  new AppError(
    413,
    'file_too_large',
    `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB; split it or upload a smaller one.`,
  );

function titleFromName(fileName: string): string {
  return (
    fileName
      .replace(/\.[^.]+$/, '')
      .replace(/[-_]+/g, ' ')
      .trim() || fileName
  );
}

async function extractByType(type: FileType, bytes: Uint8Array): Promise<Extracted> {
  switch (type) {
    case 'pdf':
      return extractPdf(bytes);
    case 'docx':
      return extractDocx(bytes);
    case 'html':
    case 'htm':
      return extractHtml(new TextDecoder().decode(bytes));
    default:
      return { markdown: new TextDecoder().decode(bytes) };
  }
}

export async function extractFile(
  fileName: string,
  bytes: Uint8Array,
): Promise<{ title: string; markdown: string }> {
  const type = fileTypeOf(fileName);
  if (!type) {
    throw badRequest(
      `Parley can read ${FILE_TYPES.map((t) => `.${t}`).join(', ')} files; "${fileName}" is none of them.`,
    );
  }
  if (bytes.byteLength > MAX_FILE_BYTES) throw fileTooLarge();
  let extracted: Extracted;
  try {
    extracted = await extractByType(type, bytes);
  } catch {
    throw badRequest(`"${fileName}" could not be read as a .${type} file; is it damaged?`);
  }
  const markdown = extracted.markdown.replaceAll('\u0000', '').trim();
  if (!markdown) throw badRequest(`"${fileName}" contains no text Parley can index.`);
  return { title: extracted.title || titleFromName(fileName), markdown };
}
