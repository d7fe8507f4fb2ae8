/**
 * The main text of an HTML page (Readability, as Firefox's reader view, over linkedom's DOM),
 * as light Markdown so chunking sees its headings. A page Readability cannot judge falls back
 * to the whole body's text.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { Extracted } from './extracted.js';

/** The server has no DOM types; linkedom's document stands in for the browser's. */
type ReadabilityDocument = ConstructorParameters<typeof Readability>[0];

const BLOCKS = new Set(['P', 'LI', 'DT', 'DD', 'BLOCKQUOTE', 'PRE', 'TD', 'TH', 'CAPTION']);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'NAV', 'FOOTER']);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

function text(node: DomNode): string {
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Headings h1-h6 become `#` lines and blocks paragraphs; other elements are walked into. */
function toMarkdown(node: DomNode, out: string[]): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) {
      const value = text(child);
      if (value) out.push(value);
      continue;
    }
    if (child.nodeType !== 1 || SKIPPED.has(child.nodeName)) continue;
    const level = /^H([1-6])$/.exec(child.nodeName)?.[1];
    if (level) {
      const value = text(child);
      if (value) out.push(`\n\n${'#'.repeat(Number(level))} ${value}\n\n`);
    } else if (BLOCKS.has(child.nodeName)) {
      const value = text(child);
      if (value) out.push(`\n\n${child.nodeName === 'LI' ? '- ' : ''}${value}\n\n`);
    } else {
      toMarkdown(child, out);
    }
  }
}

export function markdownOfHtmlFragment(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const out: string[] = [];
  toMarkdown(document.body as unknown as DomNode, out);
  return out
    .join(' ')
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function extractHtml(html: string): Extracted {
  const { document } = parseHTML(html);
  const pageTitle = document.querySelector('title')?.textContent?.trim() || undefined;
  let article: { title?: string | null; content?: string | null } | null = null;
  try {
    article = new Readability(document.cloneNode(true) as unknown as ReadabilityDocument).parse();
  } catch {
    article = null;
  }
  const markdown = article?.content
    ? markdownOfHtmlFragment(article.content)
    : markdownOfHtmlFragment(document.body?.innerHTML ?? '');
  const title = article?.title?.trim() || pageTitle;
  return title ? { title, markdown } : { markdown };
}
