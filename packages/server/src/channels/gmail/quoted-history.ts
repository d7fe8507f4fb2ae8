/**
 * Replies carry the whole thread quoted below them. Previews, search and the assistant want
 * only what the sender just wrote, so the quoted history is cut from plain-text bodies.
 */

/** "On Mon, 3 Jun 2024 at 10:02, Ann <ann@example.com> wrote:" — mailers wrap it over
 * two lines when it is long, so a line is also tried joined with the next one. */
const ATTRIBUTION = /^On\b.{0,300}\bwrote:\s*$/i;
const OUTLOOK_SEPARATOR = /^-{2,}\s*Original Message\s*-{2,}$/i;
const QUOTED_LINE = /^\s*>/;

function startsQuotedHistory(lines: string[], index: number): boolean {
  const line = (lines[index] ?? '').trim();
  if (OUTLOOK_SEPARATOR.test(line)) return true;
  if (ATTRIBUTION.test(line)) return true;
  const next = lines[index + 1];
  return line.startsWith('On ') && next !== undefined && ATTRIBUTION.test(`${line} ${next.trim()}`);
}

/** The new part of a plain-text reply. When nothing but quotes remains (a bare forward),
 * the whole text is kept so the message never looks empty. */
export function trimQuotedHistory(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    if (startsQuotedHistory(lines, index)) break;
    const line = lines[index] as string;
    if (!QUOTED_LINE.test(line)) kept.push(line);
  }
  const trimmed = kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return trimmed || text.trim();
}
