/**
 * How well a retrieved passage answers a question, without a model: the share of the
 * question's content words (stemmed in the language each is written in) the passage
 * contains, weighed by its retrieval rank — and which of its sentences say it.
 */
import type { Passage } from '../../knowledge/passages.js';
import { contentWords } from '../analysis/content-words.js';
import { detectLanguage } from '../analysis/language.js';
import { contentStemsIn, stemIn, stemsInAnyLanguage } from '../analysis/stems.js';
import { fold, sentences } from '../analysis/text.js';
import { EVERYDAY_RANK, everydayQuestionWords, nameShares } from './everyday-words.js';
import { EQUAL_WEIGHTS, type StemWeight, withSynonyms } from './term-weights.js';

/** Stems shorter than this only match exactly ("size" must not meet "si"). */
const PREFIX_MIN = 4;

/** Negating prefixes (English "un-", "non-", German "un-"): a policy about "unworn" items
 * answers a question about worn ones. */
const NEGATION = /^(?:un|non)(?=\p{L}{4})/u;

export function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < PREFIX_MIN || b.length < PREFIX_MIN) return false;
  if (a.startsWith(b) || b.startsWith(a)) return true;
  const [plainA, plainB] = [a.replace(NEGATION, ''), b.replace(NEGATION, '')];
  return (plainA !== a || plainB !== b) && plainA === plainB;
}

/** The question's stems the text contains ("ship" meets "shipping", "return" meets "returns"),
 * directly or through a synonym ("money" meets "refund"). */
export function sharedStems(question: ReadonlySet<string>, text: ReadonlySet<string>): string[] {
  const candidates = [...text];
  return [...question].filter((stem) =>
    withSynonyms(stem).some((word) => candidates.some((other) => sameStem(word, other))),
  );
}

/** Share of the question's weight the text covers, 0..1. */
export function weightedCoverage(
  question: ReadonlySet<string>,
  text: ReadonlySet<string>,
  weigh: StemWeight = EQUAL_WEIGHTS,
): number {
  const total = [...question].reduce((sum, item) => sum + weigh(item), 0);
  if (total === 0) return 0;
  return sharedStems(question, text).reduce((sum, item) => sum + weigh(item), 0) / total;
}

/** Words that frame a question rather than name its subject ("how long does it take", "wie
 * lange dauert"): a passage need not contain them to answer it. Folded. */
const QUESTION_FRAME = new Set(
  [
    'long',
    'take',
    'takes',
    'time',
    'possible',
    'able',
    'anything',
    'something',
    'usually',
    'lange',
    'dauert',
    'dauern',
    'moglich',
    'gibt',
    'etwas',
    'tiempo',
    'tarda',
    'tardan',
    'puedo',
    'posible',
    'hay',
    'temps',
    'faut',
    'possible',
    'peux',
    'puis',
    'tempo',
    'quanto',
    'posso',
    'possibile',
    'serve',
    'demora',
    'possivel',
    'consigo',
    'lang',
    'duurt',
    'duren',
    'mogelijk',
    'kan',
    // Question words the stopword lists leave in.
    'which',
    'welche',
    'welcher',
    'welches',
    'cual',
    'cuales',
    'cuanto',
    'cuanta',
    'quand',
    'combien',
    'quelle',
    'quel',
    'quale',
    'quali',
    'qual',
    'quais',
    'welke',
    'hoeveel',
    'wanneer',
  ].map(fold),
);

/** The question's stems a passage must contain, without the framing ones. */
export function subjectStems(question: string, language = detectLanguage(question)): Set<string> {
  const words = contentWords(question);
  const subject = words.filter((word) => !QUESTION_FRAME.has(word));
  return new Set((subject.length > 0 ? subject : words).map((word) => stemIn(word, language)));
}

/** The question's stems whose every word is an everyday word of its language. */
export function everydayStems(
  question: string,
  language: string,
  maxRank = EVERYDAY_RANK,
): Set<string> {
  const everyday = everydayQuestionWords(question, language, maxRank);
  const byStem = new Map<string, boolean>();
  for (const word of contentWords(question)) {
    const item = stemIn(word, language);
    byStem.set(item, (byStem.get(item) ?? true) && everyday.has(word));
  }
  return new Set([...byStem].filter(([, all]) => all).map(([item]) => item));
}

/** The knowledge base's weights adjusted to one question: everyday words it never uses weigh
 * little, and a name written in several words weighs as one subject. */
export function questionWeights(
  question: string,
  language: string,
  weigh: StemWeight,
  maxRank = EVERYDAY_RANK,
): StemWeight {
  const everyday = everydayStems(question, language, maxRank);
  const shares = new Map<string, number>();
  for (const [word, share] of nameShares(question, language)) {
    const item = stemIn(word, language);
    shares.set(item, Math.min(shares.get(item) ?? 1, share));
  }
  return (item) => weigh(item, everyday.has(item)) * (shares.get(item) ?? 1);
}

/** Words every shop's policies use about anything ("order", "buy", "price"), in the seven
 * languages. A passage sharing only these with a question that names something else is about
 * shopping in general, not about the question ("Can I order by phone?" → "Changing an order"). */
const GENERIC_SHOP_WORDS = new Set(
  [
    'order',
    'buy',
    'purchase',
    'price',
    'cost',
    'product',
    'item',
    'customer',
    'sell',
    'bestellung',
    'bestellen',
    'kaufen',
    'preis',
    'kosten',
    'produkt',
    'artikel',
    'kunde',
    'pedido',
    'comprar',
    'compra',
    'precio',
    'producto',
    'articulo',
    'cliente',
    'commande',
    'commander',
    'acheter',
    'achat',
    'prix',
    'produit',
    'article',
    'ordine',
    'ordinare',
    'acquistare',
    'acquisto',
    'prezzo',
    'prodotto',
    'articolo',
    'encomenda',
    'preco',
    'produto',
    'artigo',
    'bestelling',
    'kopen',
    'prijs',
    'klant',
  ].flatMap((word) => stemsInAnyLanguage(fold(word))),
);

/** Whether the question's stems a passage covers are all generic shop words while the
 * question has other subject words it does not cover. */
export function onlyGenericShared(
  question: ReadonlySet<string>,
  shared: readonly string[],
  framing: ReadonlySet<string>,
): boolean {
  if (shared.length === 0 || !shared.every((item) => GENERIC_SHOP_WORDS.has(item))) return false;
  return [...question].some((item) => !shared.includes(item) && !framing.has(item));
}

/** How much confidence is left to a passage that shares only generic shop words. */
const GENERIC_ONLY = 0.5;

export interface PassageMatch {
  passage: Passage;
  /** Share of the question's content words found in the passage (with its title and heading),
   * each weighed by how rare it is in the knowledge base. */
  coverage: number;
  /** Coverage weighed by the passage's fused score relative to the best one, 0..1. */
  confidence: number;
}

/** A passage in another language than the question's is a weaker answer: the customer asked
 * in theirs, and a same-language passage usually exists when the shop wrote one. */
const OTHER_LANGUAGE = 0.75;

/** How much the fused rank counts next to the word overlap. */
const RANK_WEIGHT = 0.3;

/** How much the heading's words count when ordering passages (not in their confidence). */
const HEADING_WEIGHT = 0.15;

function headingStems(passage: Passage, language: string): Set<string> {
  return contentStemsIn([passage.heading ?? '', passage.question ?? ''].join('\n'), language);
}

export function passageStems(
  passage: Passage,
  language = detectLanguage(passage.text),
): Set<string> {
  return contentStemsIn(
    [passage.title, passage.heading ?? '', passage.question ?? '', passage.text].join('\n'),
    language,
  );
}

/** The retrieved passages with their confidence, most confident first. */
export function matchPassages(
  question: string,
  passages: readonly Passage[],
  weigh: StemWeight = EQUAL_WEIGHTS,
): PassageMatch[] {
  const asked = detectLanguage(question);
  const stems = subjectStems(question, asked);
  const termWeight = questionWeights(question, asked, weigh);
  const framing = everydayStems(question, asked);
  const top = Math.max(...passages.map((passage) => passage.score), 0);
  return passages
    .map((passage) => {
      const written = detectLanguage(passage.text);
      const text = passageStems(passage, written);
      const generic = onlyGenericShared(stems, sharedStems(stems, text), framing);
      const coverage = weightedCoverage(stems, text, termWeight) * (generic ? GENERIC_ONLY : 1);
      const relative = top > 0 ? Math.max(0, passage.score) / top : 0;
      const language = asked === written ? 1 : OTHER_LANGUAGE;
      // Among passages about as confident, the one whose heading names the question's words
      // is about them ("Shipping costs" for "what do you charge for delivery").
      const heading = weightedCoverage(stems, headingStems(passage, written), termWeight);
      const confidence = coverage * language * (1 - RANK_WEIGHT + RANK_WEIGHT * relative);
      return { passage, coverage, confidence, order: confidence + HEADING_WEIGHT * heading };
    })
    .sort((a, b) => b.order - a.order)
    .map(({ order: _order, ...match }) => match);
}

const MAX_SENTENCES = 3;
const MAX_CHARS = 500;

/** Markdown marks that read badly in a chat bubble. */
function plain(line: string): string {
  return line
    .replace(/^\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*)/, '')
    .replace(/\*\*|__|`/g, '')
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .trim();
}

/** The passage's 1–3 sentences that share most words with the question, in their order; the
 * opening sentences when none does (the heading carried the match). */
export function bestSentences(question: string, text: string): string {
  const parts = sentences(text).map(plain).filter(Boolean);
  const stems = subjectStems(question);
  const written = detectLanguage(text);
  const scored = parts.map((sentence, index) => ({
    index,
    score: sharedStems(stems, contentStemsIn(sentence, written)).length,
  }));
  const matching = scored
    .filter((part) => part.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, MAX_SENTENCES);
  let chosen = matching.length > 0 ? matching.map((part) => part.index) : [0, 1];
  // A lead-in ("We ship to:") needs the line after it.
  const first = Math.min(...chosen);
  if (chosen.length === 1 && parts[first]?.endsWith(':')) chosen = [first, first + 1, first + 2];
  const picked = [...new Set(chosen)]
    .sort((a, b) => a - b)
    .flatMap((index) => parts[index] ?? [])
    // List items and table rows end without a stop; joined, they need one.
    .map((sentence) => (/[.!?:…]$/u.test(sentence) ? sentence : `${sentence}.`));
  let answer = '';
  for (const sentence of picked) {
    if (answer && answer.length + sentence.length > MAX_CHARS) break;
    answer = answer ? `${answer} ${sentence}` : sentence;
  }
  return answer.length > MAX_CHARS ? `${answer.slice(0, MAX_CHARS - 1)}…` : answer;
}
