/** Lexicon entries written as one `;`-separated text, so long lists stay readable in a file. */
export function terms(text: string): string[] {
  return text
    .split(';')
    .map((term) => term.replace(/\s+/g, ' ').trim())
    .filter((term) => term.length > 0);
}
