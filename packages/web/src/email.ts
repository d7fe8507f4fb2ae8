/** What an email message carries beyond its new text: the quoted history the server trimmed
 * off, and the server-sanitized original HTML, shown only inside a sandboxed frame. */
import type { MessageView } from '@parley/domain';

export interface EmailExtraParts {
  /** Sanitized HTML of the original email. */
  html: string | null;
  /** The whole text, quoted history included; null when it adds nothing to `text`. */
  quotedText: string | null;
}

export function emailExtraParts(message: Pick<MessageView, 'text' | 'metadata'>): EmailExtraParts {
  const { html, fullText } = message.metadata;
  return {
    html: typeof html === 'string' && html.trim() ? html : null,
    quotedText:
      typeof fullText === 'string' && fullText.trim() && fullText.trim() !== message.text.trim()
        ? fullText
        : null,
  };
}

/** Defence in depth on top of the server's sanitizer and the empty sandbox: the frame may load
 * nothing from the network (no tracking pixels, fonts or stylesheets). */
const FRAME_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

const FRAME_STYLE =
  'html{color-scheme:light}body{margin:12px;font:14px/1.5 system-ui,sans-serif;color:#171a21;' +
  'background:#fff;overflow-wrap:anywhere}img,table{max-width:100%}';

/** The `srcdoc` of the frame that shows an original email. */
export function emailDocument(html: string): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${FRAME_POLICY}">` +
    `<style>${FRAME_STYLE}</style></head><body>${html}</body></html>`
  );
}

const LINE_HEIGHT_PX = 21;
const CHARS_PER_LINE = 80;
const FRAME_PADDING_PX = 32;
const MIN_FRAME_PX = 120;
const MAX_FRAME_PX = 480;

/** A sandboxed frame without scripts cannot report its content height, so the height is
 * estimated from the email's text and capped; longer emails scroll inside the frame. */
export function emailFrameHeight(text: string): number {
  const lines = text
    .split('\n')
    .reduce((count, line) => count + Math.max(1, Math.ceil(line.length / CHARS_PER_LINE)), 0);
  return Math.min(MAX_FRAME_PX, Math.max(MIN_FRAME_PX, lines * LINE_HEIGHT_PX + FRAME_PADDING_PX));
}
