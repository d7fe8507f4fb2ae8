/**
 * Which customer questions were not actually answered. A later reply answers a question when it
 * neither deflects ("I don't know", "please contact us") nor defers ("let me check") and is about
 * it: a yes/no opener for a yes/no question, a price for "how much", a time for "when", otherwise
 * shared content words — so a reply about something else leaves the question open.
 */
import type { MessageQuote } from '@parley/domain';
import type { AnalysisMessage } from './analyzer.js';
import { contentStems, contentWords, stem } from './content-words.js';
import { requestsHuman } from './human-request.js';
import { FRUSTRATION } from './lexicons/frustration.js';
import { DEFERRALS, DEFLECTIONS, YES_NO } from './lexicons/questions.js';
import { questionSentences } from './questions.js';
import { anyWord, fold, sentences, wordPattern } from './text.js';

export interface CustomerText {
  message: AnalysisMessage;
  /** The message without email signature and quoted history. */
  text: string;
  languages: readonly string[];
}

const DEFLECTION = wordPattern(DEFLECTIONS.join('|'), 'u');
const DEFERRAL = wordPattern(DEFERRALS.join('|'), 'u');
const YES_NO_OPENER = wordPattern(`^(?:${anyWord(YES_NO)})`, 'u');
const PRICE_QUESTION = wordPattern(
  'how much|cost|costs|price|prices|fee|combien|cuanto cuesta|cuanto es|cuanto vale|precio|quanto costa|quanto custa|prezzo|preco|prix|valor|kostet|kosten|preis|wieviel|wie viel|hoeveel|kost|prijs|tarif',
  'u',
);
const PRICE_ANSWER =
  /[$€£]\s?\d|\d\s?(?:[$€£]|eur|euro|usd|gbp|chf)|\b(?:free|gratis|kostenlos|gratuit|gratuito|gratuita)\b/iu;
const TIME_QUESTION = wordPattern(
  'when|how long|what time|wann|wie lange|ab wann|cuando|cuanto tiempo|a que hora|quand|combien de temps|quelle heure|quando|quanto tempo|a che ora|wanneer|hoe lang|hoelang|hoe laat',
  'u',
);
const TIME_ANSWER = wordPattern(
  "\\d+|today|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weeks|days?|hours?|heute|morgen|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|woche|wochen|tage|tagen|stunden|hoy|manana|lunes|martes|miercoles|jueves|viernes|sabado|domingo|semana|semanas|dias|horas|aujourd'hui|demain|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|semaine|semaines|jours|heures|oggi|domani|lunedi|martedi|mercoledi|giovedi|venerdi|sabato|domenica|settimana|settimane|giorni|ore|hoje|amanha|segunda|terca|quarta|quinta|sexta|vandaag|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|weken|dagen|uur",
  'u',
);
/** Conjunctions that join two questions in one sentence ("how much is it and how long …"). */
const QUESTION_JOIN =
  /\s(?:and|und|y|et|e|en|ou|oder|or|of|o)\s(?=(?:how|what|when|where|which|do|does|is|are|can|will|wie|was|wann|wo|gibt|ist|kann|cu[áa]nto|cu[áa]ndo|d[óo]nde|qu[ée]|c[óo]mo|hay|combien|quand|o[ùu]|quel|est-ce|quanto|quando|dove|come|qual|onde|hoe|wanneer|waar|welke|kan|is)\b)/iu;
/** Asking for news is answered by any real reply ("any update on order 6621?" → "out for delivery today"). */
const STATUS_QUESTION = wordPattern(
  'any (?:update|news)|gibt es (?:neuigkeiten|news)|neuigkeiten|alguna novedad|novedades|des nouvelles|du nouveau|novita|alguma novidade|novidades|nieuws',
  'u',
);
const WH_START = wordPattern(
  '^(?:what|which|whose|welche[rsmn]?|was fur|que|qual|quale|quali|quel|quelle|quels|quelles|cual|cuales|welk|welke)',
  'u',
);

const rhetoricalPatterns = Object.values(FRUSTRATION).map((lexicon) =>
  wordPattern(lexicon.phrases.join('|'), 'u'),
);
const RHETORICAL_EXTRA = wordPattern(
  'how hard can it be|seriously|are you kidding|what is wrong with you|really\\?|hello\\?|anyone\\?|anybody there',
  'u',
);

function isRhetorical(question: string): boolean {
  const folded = fold(question);
  return (
    RHETORICAL_EXTRA.test(folded) || rhetoricalPatterns.some((pattern) => pattern.test(folded))
  );
}

const WH_WORD =
  /^(?:what|where|when|why|how|who|which|whose|wer|was|wann|wo|wohin|warum|wieso|wie|welche|que|cuando|donde|por que|como|cual|cuanto|quien|qui|quoi|quand|ou|pourquoi|comment|combien|quel|quelle|chi|cosa|dove|perche|quanto|quale|quem|o que|onde|qual|wat|wanneer|waar|waarom|hoe|welke|hoeveel)\b/u;

/** Anything not opened by a question word asks yes or no ("is it", "vocês entregam", "¿es normal?"). */
function isYesNoQuestion(question: string): boolean {
  return !WH_WORD.test(fold(question).replace(/^[^\p{L}]+/u, ''));
}

/** The questions a customer message asks, split where one sentence asks two things. */
export function askedQuestions(customer: CustomerText): string[] {
  return questionSentences(customer.text, customer.languages)
    .flatMap((sentence) => sentence.split(QUESTION_JOIN))
    .map((question) => question.trim())
    .filter(
      (question) =>
        (contentWords(question).length > 0 || PRICE_QUESTION.test(fold(question))) &&
        !isRhetorical(question) &&
        !requestsHuman(question, customer.languages),
    );
}

/** A reply that deflects, defers or only asks back: the safety net can count these in a row. */
export function isNonAnswer(reply: string): boolean {
  const folded = fold(reply);
  const parts = sentences(reply).filter((sentence) => contentWords(sentence).length > 0);
  const allQuestions = parts.length > 0 && parts.every((sentence) => /\?\s*$/.test(sentence));
  if (allQuestions) return true;
  if (DEFERRAL.test(folded)) return true;
  return DEFLECTION.test(folded) && parts.length <= 3;
}

function replyBody(reply: string): string {
  // The greeting line of an email reply ("Hi Anna,") says nothing about the question.
  return reply.replace(
    /^\s*(?:hi|hello|hey|dear|hallo|liebe[rs]?|sehr geehrte[rs]?|hola|bonjour|ciao|buongiorno|ola|olá|oi|beste|hoi)\b[^\n,!]*[,!]?/iu,
    '',
  );
}

function opensWithYesOrNo(body: string): boolean {
  return sentences(body).some((sentence) => YES_NO_OPENER.test(fold(sentence)));
}

function answers(question: string, reply: string): boolean {
  if (isNonAnswer(reply)) return false;
  const body = replyBody(reply).trim();
  const folded = fold(question);
  if (PRICE_QUESTION.test(folded)) return PRICE_ANSWER.test(body);
  if (TIME_QUESTION.test(folded)) return TIME_ANSWER.test(fold(body));
  if (STATUS_QUESTION.test(folded)) return contentWords(body).length > 0;
  const asked = contentWords(question).map(stem);
  const replied = contentStems(body);
  const shared = asked.filter((word) => replied.has(word));
  if (isYesNoQuestion(question)) {
    if (opensWithYesOrNo(body)) return true;
    // Without a yes or no, the reply must speak to what was asked: the question's last word
    // (the predicate: "…machine washable", "…selbst drucken"), not just its subject.
    const focus = asked[asked.length - 1];
    return focus !== undefined && replied.has(focus);
  }
  if (WH_START.test(folded)) {
    // "What fabric …", "che taglia …": the thing asked about must be in the reply.
    const asking = asked[0];
    return (asking !== undefined && replied.has(asking)) || shared.length >= 2;
  }
  return shared.length >= 1;
}

const QUOTE_LENGTH = 200;

/** Each customer question no later reply answers, quoted with its message. */
export function unansweredQuestions(
  customers: CustomerText[],
  messages: AnalysisMessage[],
  replyText: (message: AnalysisMessage) => string,
): MessageQuote[] {
  const open: MessageQuote[] = [];
  for (const customer of customers) {
    const position = messages.indexOf(customer.message);
    const replies = messages
      .slice(position + 1)
      .filter((message) => message.author !== 'contact')
      .map(replyText);
    for (const question of askedQuestions(customer)) {
      if (replies.some((reply) => answers(question, reply))) continue;
      open.push({ messageId: customer.message.id, quote: question.slice(0, QUOTE_LENGTH) });
    }
  }
  return open;
}
