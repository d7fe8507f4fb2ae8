/**
 * Text shapes every lexicon is matched against: lower case, no diacritics, one kind of
 * apostrophe, so "Möchte", "mochte" and "MÖCHTE" meet the same pattern.
 */

export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[’‘`´]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words of folded text; digits and #ids are kept, punctuation and emoji dropped. */
export function words(folded: string): string[] {
  return folded.match(/[\p{L}\p{N}#][\p{L}\p{N}'#-]*/gu) ?? [];
}

/** Sentences of raw text, keeping their closing punctuation ("Where is it?" stays a question). */
export function sentences(text: string): string[] {
  const parts = text
    .replace(/\r\n?/g, '\n')
    .split(/(?<=[.!?¿¡…])\s+|\n+|(?<=[?])(?=\S)/u)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  return parts;
}

/** Clauses inside a folded sentence, so "I don't want a bot, I want a human" is judged per part. */
export function clauses(folded: string): string[] {
  return folded
    .split(/[,;:.!?]+|\s(?:but|aber|pero|mais|ma|mas|maar|however|sondern|sino)\s/u)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** A pattern of whole folded words: `\b` fails on non-ASCII letters, so the edges are explicit. */
export function wordPattern(source: string, flags = 'u'): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, flags);
}

export function anyWord(list: readonly string[]): string {
  return list
    .map((item) => item.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');
}

/** Words that keep a double letter when a stretched spelling is undone ("goood" → "good"). */
const DOUBLED = new Set(
  'good cool soon too see free feel need sweet sorry happy all well really still will off too wee'.split(
    ' ',
  ),
);

/** Chat stretching undone: "yesss" → "yes", "soooo" → "so", "goood" → "good", "niiice" → "nice". */
export function unstretch(text: string): string {
  if (!/(\p{L})\1\1/u.test(text)) return text;
  return text.replace(/\p{L}+/gu, (word) => {
    if (!/(\p{L})\1\1/u.test(word)) return word;
    const two = word.replace(/(\p{L})\1{2,}/gu, '$1$1');
    return DOUBLED.has(two.toLowerCase()) ? two : word.replace(/(\p{L})\1{2,}/gu, '$1');
  });
}

const EMOJI = /\p{Extended_Pictographic}/gu;

export function emojis(text: string): string[] {
  return text.match(EMOJI) ?? [];
}

/** True when a message has no letters or digits at all ("😡😡", "👍", "!!!"). */
export function hasNoWords(text: string): boolean {
  return !/[\p{L}\p{N}]/u.test(text);
}
