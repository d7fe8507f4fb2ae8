/**
 * RFC 2047 "encoded words" in mail headers: decoding what senders wrote (`=?UTF-8?B?...?=`)
 * and encoding our own non-ASCII subjects and names so every mail server can carry them.
 */

const ENCODED_WORD = /=\?([^?*\s]+)(?:\*[^?\s]*)?\?([BbQq])\?([^?\s]*)\?=/g;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

function decodeCharset(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    // An unknown charset label: UTF-8 is the likeliest truth and never throws.
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function wordBytes(encoding: string, text: string): Buffer {
  if (encoding.toUpperCase() === 'B') return Buffer.from(text, 'base64');
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    const hex = text.slice(index + 1, index + 3);
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(char === '_' ? 0x20 : char.charCodeAt(0));
    }
  }
  return Buffer.from(bytes);
}

/** Decodes every encoded word. Adjacent words of one charset are joined before decoding,
 * because many mailers split a multi-byte character across two words. */
export function decodeEncodedWords(value: string): string {
  let output = '';
  let pendingCharset: string | null = null;
  let pendingBytes: Buffer[] = [];
  let lastEnd = 0;
  const flush = () => {
    if (pendingCharset !== null)
      output += decodeCharset(Buffer.concat(pendingBytes), pendingCharset);
    pendingCharset = null;
    pendingBytes = [];
  };
  for (const match of value.matchAll(ENCODED_WORD)) {
    const [whole, charset = 'utf-8', encoding = 'B', text = ''] = match;
    const between = value.slice(lastEnd, match.index);
    // Whitespace between two encoded words is folding, not content (RFC 2047 §6.2).
    const sameRun =
      pendingCharset !== null &&
      between.trim() === '' &&
      pendingCharset.toLowerCase() === charset.toLowerCase();
    if (!sameRun) {
      const followsWord = pendingCharset !== null && between.trim() === '';
      flush();
      if (!followsWord) output += between;
      pendingCharset = charset;
    }
    pendingBytes.push(wordBytes(encoding, text));
    lastEnd = match.index + whole.length;
  }
  flush();
  return output + value.slice(lastEnd);
}

/** Removes line breaks so a value can never start a new header (header injection). */
export function singleLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ');
}

/** Lines that hold encoded words stay within 76 characters (RFC 2047 §2). */
const MAX_LINE = 76;
/** `=?UTF-8?B?` and `?=` around every word. */
const WORD_OVERHEAD = 12;

function bytesFitting(characters: number): number {
  return Math.max(3, Math.floor((characters - WORD_OVERHEAD) / 4) * 3);
}

/** Encodes a header value as UTF-8 base64 words when it is not plain ASCII, folded onto
 * continuation lines. `used` is how much of the first line is taken (e.g. `Subject: `). */
export function encodeHeaderText(value: string, used = 0): string {
  const text = singleLine(value);
  if (PRINTABLE_ASCII.test(text)) return text;
  const words: string[] = [];
  let limit = bytesFitting(MAX_LINE - used);
  let chunk = '';
  for (const char of text) {
    if (chunk && Buffer.byteLength(chunk + char, 'utf8') > limit) {
      words.push(chunk);
      chunk = '';
      // Continuation lines begin with one space.
      limit = bytesFitting(MAX_LINE - 1);
    }
    chunk += char;
  }
  if (chunk) words.push(chunk);
  return words
    .map((word) => `=?UTF-8?B?${Buffer.from(word, 'utf8').toString('base64')}?=`)
    .join('\r\n ');
}

const SPECIALS = /[()<>[\]:;@\\,."]/;

/** `Name <address>` with the name quoted or encoded as RFC 5322 and 2047 require; `used` as
 * for encodeHeaderText. */
export function formatAddress(address: { email: string; name?: string | null }, used = 0): string {
  const email = singleLine(address.email).replace(/[<>\s]/g, '');
  const name = address.name ? singleLine(address.name).trim() : '';
  if (!name) return email;
  if (PRINTABLE_ASCII.test(name)) {
    const quoted = SPECIALS.test(name) ? `"${name.replace(/(["\\])/g, '\\$1')}"` : name;
    return `${quoted} <${email}>`;
  }
  const encoded = encodeHeaderText(name, used);
  const lastLine =
    encoded.slice(encoded.lastIndexOf('\n') + 1).length + (encoded.includes('\n') ? 0 : used);
  // The address may move to its own line: folding is allowed before the angle bracket.
  const gap = lastLine + email.length + 3 > MAX_LINE ? '\r\n ' : ' ';
  return `${encoded}${gap}<${email}>`;
}
