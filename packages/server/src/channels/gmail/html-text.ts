/**
 * Email HTML is customer-written and untrusted: it is sanitized before anyone displays it,
 * and turned into plain text for previews, search and the assistant.
 */
import sanitizeHtml from 'sanitize-html';

const DISPLAY_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, 'span', 'font', 'center'],
  allowedAttributes: {
    a: ['href', 'title', 'target', 'rel'],
    td: ['colspan', 'rowspan', 'align'],
    th: ['colspan', 'rowspan', 'align'],
    '*': ['dir', 'lang'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head'],
  transformTags: {
    // Links leave the inbox in a new tab and tell the destination nothing about us.
    a: sanitizeHtml.simpleTransform('a', { target: '_blank', rel: 'noopener noreferrer nofollow' }),
  },
};

/** Safe to render: no scripts, styles, event handlers, remote images or foreign schemes. */
export function sanitizeEmailHtml(html: string): string {
  return sanitizeHtml(html, DISPLAY_OPTIONS);
}

const BLOCK_TAGS = [
  'p',
  'div',
  'li',
  'tr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
];

function isQuotedHistory(frame: sanitizeHtml.IFrame): boolean {
  const classes = (frame.attribs.class ?? '').split(/\s+/);
  // Gmail wraps quoted history in .gmail_quote; Apple Mail and Thunderbird use cite blockquotes.
  return (
    classes.includes('gmail_quote') ||
    classes.includes('gmail_quote_container') ||
    (frame.tag === 'blockquote' && frame.attribs.type === 'cite')
  );
}

function decodeEscapes(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** Readable text from HTML: blocks become lines; with `withoutQuotedHistory` the quoted
 * earlier messages of the thread are left out. */
export function htmlToText(html: string, options: { withoutQuotedHistory?: boolean } = {}): string {
  const structural = sanitizeHtml(html, {
    allowedTags: ['br', ...BLOCK_TAGS],
    allowedAttributes: { div: ['class'], blockquote: ['class', 'type'] },
    nonTextTags: DISPLAY_OPTIONS.nonTextTags,
    exclusiveFilter: options.withoutQuotedHistory ? isQuotedHistory : undefined,
  });
  // Source line breaks are not text line breaks in HTML; only tags make lines.
  const lines = structural
    .replace(/\s+/g, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li[^>]*>/gi, '- ')
    .replace(new RegExp(`</(${BLOCK_TAGS.join('|')})>`, 'gi'), '\n')
    .replace(/<[^>]+>/g, '')
    .split('\n')
    .map((line) =>
      decodeEscapes(line)
        .replace(/[ \t\u00a0]+/g, ' ')
        .trim(),
    );
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
