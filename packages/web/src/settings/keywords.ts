/** Keyword lists as operators type them: commas or Enter separate the words. */

/** "refund, Order status,," → ["refund", "Order status"]. */
export function splitKeywords(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((word) => word.trim())
    .filter((word) => word !== '');
}

/** Appends what was typed, skipping words already listed; matching is case-insensitive on the
 * server, so "Refund" and "refund" would be the same rule twice. */
export function addKeywords(list: string[], text: string): string[] {
  const seen = new Set(list.map((word) => word.toLowerCase()));
  const added: string[] = [];
  for (const word of splitKeywords(text)) {
    if (seen.has(word.toLowerCase())) continue;
    seen.add(word.toLowerCase());
    added.push(word);
  }
  return [...list, ...added];
}
