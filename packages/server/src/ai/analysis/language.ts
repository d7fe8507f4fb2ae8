/**
 * Which language a customer writes in. ELD (n-gram detector shipped with its data) decides for
 * sentences; for the short messages it cannot judge ("merci", "gracias!"), common words of the
 * seven languages Parley's lexicons cover break the tie.
 */
import { eld } from 'eld/medium';
import { fold, words } from './text.js';

export const LEXICON_LANGUAGES = ['en', 'de', 'es', 'fr', 'it', 'pt', 'nl'] as const;

const covered = eld.newInstance();
covered.setLanguageSubset([...LEXICON_LANGUAGES]);

const COMMON_WORDS: Record<string, string[]> = {
  en: [
    'hi',
    'hello',
    'thanks',
    'thank',
    'please',
    'the',
    'my',
    'is',
    'you',
    'where',
    'order',
    'yes',
    'i',
    'and',
    'what',
    'help',
    'want',
    'need',
  ],
  de: [
    'hallo',
    'danke',
    'bitte',
    'ich',
    'ist',
    'nicht',
    'und',
    'meine',
    'mein',
    'wo',
    'bestellung',
    'ja',
    'nein',
    'guten',
    'tag',
    'moin',
    'servus',
    'dankeschon',
  ],
  es: [
    'hola',
    'gracias',
    'por',
    'favor',
    'mi',
    'pedido',
    'donde',
    'que',
    'si',
    'buenas',
    'buenos',
    'dias',
    'quiero',
    'necesito',
    'esta',
    'muchas',
  ],
  fr: [
    'bonjour',
    'merci',
    'svp',
    'je',
    'ma',
    'mon',
    'commande',
    'ou',
    'est',
    'oui',
    'non',
    'bonsoir',
    'salut',
    'beaucoup',
    'vous',
    "c'est",
  ],
  it: [
    'ciao',
    'grazie',
    'buongiorno',
    'buonasera',
    'mio',
    'mia',
    'ordine',
    'dove',
    'sono',
    'non',
    'per',
    'favore',
    'mille',
    'vorrei',
    'salve',
  ],
  pt: [
    'ola',
    'obrigado',
    'obrigada',
    'meu',
    'minha',
    'pedido',
    'onde',
    'nao',
    'sim',
    'bom',
    'dia',
    'boa',
    'tarde',
    'quero',
    'voces',
    'cade',
    'oi',
  ],
  nl: [
    'hoi',
    'hallo',
    'dank',
    'bedankt',
    'dankjewel',
    'alstublieft',
    'graag',
    'ik',
    'mijn',
    'bestelling',
    'waar',
    'niet',
    'ja',
    'nee',
    'goedemorgen',
    'het',
    'een',
  ],
};

function commonWordVote(text: string): string | null {
  const tokens = words(fold(text));
  let best: string | null = null;
  let bestCount = 0;
  let tie = false;
  for (const language of LEXICON_LANGUAGES) {
    const list = COMMON_WORDS[language] ?? [];
    const count = tokens.filter((token) => list.includes(token)).length;
    if (count > bestCount) {
      best = language;
      bestCount = count;
      tie = false;
    } else if (count === bestCount && count > 0) tie = true;
  }
  return tie ? null : best;
}

function prepared(text: string): string {
  return text
    .replace(/https?:\/\/\S+|\S+@\S+\.\S+/g, ' ')
    .replace(/[#\d]+/g, ' ')
    .replace(/\p{Extended_Pictographic}/gu, ' ')
    .trim();
}

/** How close a covered language may score to an uncovered winner and still be preferred: short
 * Spanish often scores a hair above as Catalan, Dutch as Afrikaans. */
const COVERED_MARGIN = 0.05;

function preferCovered(result: ReturnType<typeof eld.detect>): string {
  const winner = result.language;
  if (!winner || (LEXICON_LANGUAGES as readonly string[]).includes(winner)) return winner;
  const scores = result.getScores();
  const top = scores[winner] ?? 0;
  const close = LEXICON_LANGUAGES.filter(
    (language) => (scores[language] ?? 0) >= top - COVERED_MARGIN,
  );
  close.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0));
  return close[0] ?? winner;
}

/** ISO 639-1 code, or 'und' when the text has no words to judge. */
export function detectLanguage(text: string): string {
  const clean = prepared(text);
  if (!/\p{L}{2}/u.test(clean)) return 'und';
  const result = eld.detect(clean);
  const vote = commonWordVote(clean);
  if (result.language && result.isReliable()) {
    const language = preferCovered(result);
    const covered = (LEXICON_LANGUAGES as readonly string[]).includes(language);
    return !covered && vote ? vote : language;
  }
  if (vote) return vote;
  const narrowed = covered.detect(clean);
  return narrowed.language || result.language || 'und';
}
