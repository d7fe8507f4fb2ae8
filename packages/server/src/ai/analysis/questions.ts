/**
 * Which sentences ask something. A question mark is enough; without one, a sentence asks when
 * it opens with an interrogative word or an inverted verb ("do you ship to Canada", "wo ist
 * meine Bestellung", "kan ik ruilen") or contains an indirect ask ("I'd like to know").
 */
import { EN_AUXILIARIES, QUESTION_PHRASES, QUESTION_START } from './lexicons/questions.js';
import { anyWord, fold, sentences, wordPattern } from './text.js';

/** After an English auxiliary, a subject makes it inversion ("can you…", not "have a nice day"). */
const EN_SUBJECT =
  "(?:you|u|i|we|they|it|he|she|there|this|that|these|those|my|the|your|our|anyone|someone|somebody|anybody|y'all)";
const EN_AUX = new Set(EN_AUXILIARIES);
/** Openers that read as questions only with their accent ("qué", "cómo"), never folded away. */
const ACCENT_ONLY = /^(?:que|como|quel|che)\b/u;
const ACCENTED_OPENER = /^(?:¿|qué|cómo|quê|cômo)/iu;
/** Wh-openers of statements: "When I opened the box, …", "Wie besprochen …", "what a mess". */
const NOT_A_QUESTION = wordPattern(
  "^(?:when|where|how|what|why) (?!(?:do|does|did|is|are|can|could|will|would|should|was|were|have|has|much|many|long)\\b)[^,]{0,60},|^what an? |^how (?:nice|kind|lovely|great|sweet|cool)|^wie (?:besprochen|vereinbart|gesagt|erwahnt|gewunscht|immer)|^como (?:te |le |les |ya |siempre |dije|se )|^comme |^come (?:sempre|detto|d'accordo)|^was (?:ich|wir) |^ik ",
  'u',
);
/** Greetings a chat message opens with, before the question itself ("hiii how long …"). */
export const GREETING =
  /^(?:hi+|hello|hey+|hiya|good (?:morning|afternoon|evening)|hallo|hi there|guten (?:tag|morgen|abend)|moin|servus|hola+|buenas(?: tardes| noches)?|buenos dias|bonjour|bonsoir|coucou|salut|ciao|buongiorno|buonasera|salve|ola|oi|bom dia|boa (?:tarde|noite)|hoi|hallo|goedemorgen|goedemiddag|dag)\b[\s,!.:-]*/iu;
/** Question words that carry their accent only when they ask (Spanish, Portuguese), anywhere. */
const ACCENTED_INTERROGATIVE =
  /(?:^|[\s¿(])(?:qué|cuál|cuáles|cuánto|cuánta|cuántos|cuántas|dónde|cuándo|cómo|quién|quiénes|quê|cadê)(?=[\s?,.]|$)/iu;
/** Questions asked in statement order, common in chat: "vous avez la taille 38", "vocês entregam em
 * Portugal", and verb-first with a pronoun in Dutch and German ("verkopen jullie", "liefert ihr"). */
const STATEMENT_ORDER: Record<string, RegExp> = {
  fr: wordPattern(
    '^vous (?:avez|etes|faites|livrez|acceptez|vendez|expediez|proposez) (?!\\S+(?:e|es|ee|ees|i|is|u|us)(?:\\s|$))',
    'u',
  ),
  pt: wordPattern(
    '^voces? (?:tem|teem|entregam|entrega|enviam|envia|fazem|faz|aceitam|aceita|vendem|vende|trabalham|possuem|vao)',
    'u',
  ),
  nl: wordPattern('^(?!dank|bedankt)[a-z]+ (?:jullie|u|je) ', 'u'),
  de: wordPattern('^(?!danke|bitte)[a-z]+(?:t|en) (?:ihr|sie) ', 'u'),
};
const SMALL_TALK = wordPattern(
  "how are you|how r u|how's it going|hows it going|what's up|wie geht(?:'s| es)|como (?:estas|esta usted)|comment (?:allez|vas)|ca va|come (?:stai|sta)|tudo bem|como vai|hoe gaat het",
  'u',
);
const INDIRECT = wordPattern(QUESTION_PHRASES.join('|'), 'u');
/** A second question often opens with a connector: "And is it waterproof?", "En wat kost het". */
const CONNECTOR =
  /^(?:and|also|plus|btw|by the way|oh and|und|ausserdem|auch|y|ademas|tambien|et|aussi|en outre|inoltre|poi|anche|tambem|alem disso|en|ook|verder|or|oder|o|ou|of)\b[\s,]*/u;
/** A yes/no question said as a statement with its tail: "c'est dispo en 36 ou pas", "in stock or not". */
const EITHER_TAIL = wordPattern(
  '(?:or not|yes or no|oder nicht|ja oder nein|o no|si o no|ou pas|ou non|oui ou non|o non|si o no|ou nao|sim ou nao|of niet|ja of nee)$',
  'u',
);

/** Folded sentence without leading punctuation, greeting and connector: what the question opens with. */
export function questionOpening(sentence: string): string {
  return fold(sentence)
    .replace(/^[^\p{L}\p{N}¿]+/u, '')
    .replace(GREETING, '')
    .replace(CONNECTOR, '');
}

const startPatterns = new Map<string, RegExp>();

function startPattern(language: string): RegExp | null {
  const cached = startPatterns.get(language);
  if (cached) return cached;
  const starts = QUESTION_START[language];
  if (!starts) return null;
  const wh = starts.filter((word) => !(language === 'en' && EN_AUX.has(word)));
  let source = `^(?:${anyWord(wh)})`;
  if (language === 'en') source += `|^(?:${[...EN_AUX].join('|')})(?:n't)? ${EN_SUBJECT}`;
  const pattern = wordPattern(source, 'u');
  startPatterns.set(language, pattern);
  return pattern;
}

/** True when the sentence asks something, judged by the given languages' lexicons. */
export function isQuestion(sentence: string, languages: readonly string[]): boolean {
  const folded = questionOpening(sentence);
  if (!folded) return false;
  if (SMALL_TALK.test(folded) && folded.split(' ').length <= 6) return false;
  if (/[?？]/.test(sentence) || sentence.trim().startsWith('¿')) return true;
  if (INDIRECT.test(folded)) return true;
  // An exclamation is not a question, whatever it opens with ("¡qué rápidos!", "what a mess!").
  if (/!\s*$/.test(sentence)) return false;
  if (EITHER_TAIL.test(folded.replace(/[\s.…]+$/u, ''))) return true;
  if (ACCENTED_INTERROGATIVE.test(sentence)) return true;
  if (languages.some((language) => STATEMENT_ORDER[language]?.test(folded))) return true;
  if (NOT_A_QUESTION.test(folded)) return false;
  if (ACCENT_ONLY.test(folded) && !ACCENTED_OPENER.test(sentence.trim().replace(GREETING, '')))
    return false;
  return languages.some((language) => startPattern(language)?.test(folded) ?? false);
}

/** The sentences of a message that ask something, in their original words. */
export function questionSentences(text: string, languages: readonly string[]): string[] {
  return sentences(text).filter((sentence) => isQuestion(sentence, languages));
}
