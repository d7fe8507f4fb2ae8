/** Reads RFC 5322 address lists and message-id lists as mail headers write them. */
import { decodeEncodedWords } from './rfc2047.js';

export interface EmailAddress {
  /** Lower-cased: Parley identifies a person by address, and mailers vary the case. */
  email: string;
  name: string | null;
}

/** Splits on commas that are outside quotes, comments and angle brackets. */
function splitTopLevel(value: string): string[] {
  const entries: string[] = [];
  let current = '';
  let quoted = false;
  let depth = 0;
  for (let index = 0; index < value.length; index++) {
    const char = value[index] as string;
    if (quoted && char === '\\') {
      current += char + (value[index + 1] ?? '');
      index++;
      continue;
    }
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '<' || char === '(')) depth++;
    else if (!quoted && (char === '>' || char === ')')) depth = Math.max(0, depth - 1);
    if (char === ',' && !quoted && depth === 0) {
      entries.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  entries.push(current);
  return entries.map((entry) => entry.trim()).filter(Boolean);
}

function cleanName(raw: string): string | null {
  let name = raw.trim();
  if (name.startsWith('"') && name.endsWith('"') && name.length >= 2) {
    name = name.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  name = decodeEncodedWords(name).trim();
  return name || null;
}

/** One mailbox, nothing more: an address holding commas or spaces could smuggle extra
 * recipients into a reply. */
export const SINGLE_ADDRESS = /^[^\s@,;:<>()"[\]\\]+@[^\s@,;:<>()"[\]\\]+\.[^\s@,;:<>()"[\]\\]+$/;

function parseEntry(entry: string): EmailAddress | null {
  const angle = entry.match(/^(.*)<([^<>]+)>\s*$/s);
  if (angle) {
    const email = (angle[2] ?? '').trim().toLowerCase();
    return SINGLE_ADDRESS.test(email) ? { email, name: cleanName(angle[1] ?? '') } : null;
  }
  // Old style: `ann@example.com (Ann Lee)`.
  const comment = entry.match(/\(([^)]*)\)/);
  const email = entry
    .replace(/\([^)]*\)/g, '')
    .trim()
    .toLowerCase();
  if (!SINGLE_ADDRESS.test(email)) return null;
  return { email, name: comment ? cleanName(comment[1] ?? '') : null };
}

export function parseAddressList(value: string | null | undefined): EmailAddress[] {
  if (!value) return [];
  return splitTopLevel(value)
    .map(parseEntry)
    .filter((address): address is EmailAddress => address !== null);
}

/** `<a@x> <b@y>` → ['<a@x>', '<b@y>']: the ids of References and In-Reply-To. */
export function parseMessageIds(value: string | null | undefined): string[] {
  return value?.match(/<[^<>\s]+>/g) ?? [];
}
