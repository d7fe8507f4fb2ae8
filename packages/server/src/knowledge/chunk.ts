/**
 * Splitting a document into passages by its structure: a new chunk at every heading, then
 * paragraphs merged up to a size cap; a paragraph over the cap is cut between sentences. Each
 * chunk keeps the heading it sits under, so a citation can say "Returns policy · Refunds".
 */

export interface Chunk {
  heading: string | null;
  text: string;
}

export const MAX_CHUNK_CHARS = 800;

const HEADING = /^\s{0,3}(#{1,6})\s+(.+?)\s*#*\s*$/;

/** Markdown inline markup reduced to its text: passages are read and quoted as plain text. */
export function plainInline(text: string): string {
  return text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|\W)[*_](\S(?:.*?\S)?)[*_](?=\W|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1');
}

interface Section {
  heading: string | null;
  paragraphs: string[];
}

function sections(markdown: string): Section[] {
  const result: Section[] = [{ heading: null, paragraphs: [] }];
  let paragraph: string[] = [];
  const current = () => result[result.length - 1] as Section;
  const endParagraph = () => {
    const text = paragraph.join(' ').replace(/\s+/g, ' ').trim();
    if (text) current().paragraphs.push(plainInline(text));
    paragraph = [];
  };
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const heading = HEADING.exec(line);
    if (heading) {
      endParagraph();
      result.push({ heading: plainInline(heading[2] ?? '').trim(), paragraphs: [] });
    } else if (!line.trim()) {
      endParagraph();
    } else if (/^\s*([-*+]|\d+[.)])\s+/.test(line)) {
      // A list item is its own line of text, not glued to the one before.
      endParagraph();
      paragraph.push(line.trim());
    } else {
      paragraph.push(line.trim());
    }
  }
  endParagraph();
  return result.filter((section) => section.paragraphs.length > 0);
}

/** Sentences, keeping their closing punctuation. */
export function sentences(text: string): string[] {
  return (text.match(/[^.!?]+(?:[.!?]+(?=\s|$)|$)|[.!?]+/g) ?? [])
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

/** Pieces of at most `max` characters, cut between sentences (between words for a sentence
 * that alone is too long). */
function splitLong(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const pieces: string[] = [];
  let piece = '';
  const units = sentences(text).flatMap((sentence) =>
    sentence.length <= max ? [sentence] : wordsUpTo(sentence, max),
  );
  for (const unit of units) {
    if (piece && piece.length + 1 + unit.length > max) {
      pieces.push(piece);
      piece = unit;
    } else {
      piece = piece ? `${piece} ${unit}` : unit;
    }
  }
  if (piece) pieces.push(piece);
  return pieces;
}

function wordsUpTo(text: string, max: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const word of text.split(/\s+/)) {
    if (piece && piece.length + 1 + word.length > max) {
      pieces.push(piece);
      piece = '';
    }
    piece = piece ? `${piece} ${word}` : word.slice(0, max);
  }
  if (piece) pieces.push(piece);
  return pieces;
}

export function chunkDocument(markdown: string, max = MAX_CHUNK_CHARS): Chunk[] {
  const chunks: Chunk[] = [];
  for (const section of sections(markdown)) {
    let text = '';
    for (const piece of section.paragraphs.flatMap((paragraph) => splitLong(paragraph, max))) {
      if (text && text.length + 2 + piece.length > max) {
        chunks.push({ heading: section.heading, text });
        text = piece;
      } else {
        text = text ? `${text}\n\n${piece}` : piece;
      }
    }
    if (text) chunks.push({ heading: section.heading, text });
  }
  return chunks;
}
