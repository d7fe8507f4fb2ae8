/**
 * Which customer questions were not actually answered. A later reply answers a question when it
 * neither deflects ("I don't know", "please contact us") nor defers ("let me check") and is about
 * it: a yes/no opener for a yes/no question, a price for "how much", a time for "when", otherwise
 * shared content words — so a reply about something else leaves the question open. A question
 * asking for a person ("can someone call me?") is answered when a person joins or a reply hands
 * over (a teammate, a callback, a phone number), not by anything else the assistant says; with
 * no reply yet it is left to `humanRequested` (the safety net pauses the assistant for it).
 */
import type { MessageQuote } from '@parley/domain';
import type { AnalysisMessage } from './analyzer.js';
import { contentStems, contentWords, stem } from './content-words.js';
import { requestsHuman } from './human-request.js';
import { FRUSTRATION } from './lexicons/frustration.js';
import { DEFERRALS, DEFLECTIONS, YES_NO } from './lexicons/questions.js';
import { isQuestion, questionOpening, questionSentences } from './questions.js';
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
  "\\d+|today|tomorrow|tonight|yesterday|now|already|morning|afternoon|evening|january|february|march|april|june|july|august|september|october|november|december|januar|februar|marz|juni|juli|oktober|dezember|gestern|bereits|vormittag|nachmittag|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|ayer|janvier|fevrier|mars|avril|juin|juillet|aout|septembre|octobre|novembre|decembre|deja|matin|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|ieri|gia|mattina|pomeriggio|janeiro|fevereiro|maio|junho|julho|setembro|outubro|novembro|dezembro|ontem|manha|januari|februari|maart|mei|augustus|gisteren|ochtend|vanochtend|vanmorgen|middag|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weeks|days?|hours?|heute|morgen|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|woche|wochen|tage|tagen|stunden|hoy|manana|lunes|martes|miercoles|jueves|viernes|sabado|domingo|semana|semanas|dias|horas|aujourd'hui|demain|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|semaine|semaines|jours|heures|oggi|domani|lunedi|martedi|mercoledi|giovedi|venerdi|sabato|domenica|settimana|settimane|giorni|ore|hoje|amanha|segunda|terca|quarta|quinta|sexta|vandaag|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|weken|dagen|uur",
  'u',
);
/** Conjunctions that join two questions in one sentence ("how much is it and how long …"). */
const QUESTION_JOIN =
  /\s(?:and|und|y|et|e|en|ou|oder|or|of|o)\s(?=(?:how|what|when|where|which|do|does|is|are|can|will|wie|was|wann|wo|gibt|ist|kann|cu[áa]nto|cu[áa]ndo|d[óo]nde|qu[ée]|c[óo]mo|hay|combien|quand|o[ùu]|quel|est-ce|quanto|quando|dove|come|qual|onde|hoe|wanneer|waar|welke|kan|is)\b)/iu;
/** Asking for news is answered by any real reply ("any update on order 6621?" → "out for delivery today"). */
const STATUS_QUESTION = wordPattern(
  "any (?:update|news|progress)|what'?s the status|status of|what(?:'s| is) (?:going on|happening)|(?:can|could|would) you (?:please )?(?:check|look into|look at|find out) (?!if |whether )|gibt es (?:neuigkeiten|news)|neuigkeiten|wie ist der stand|was ist (?:da )?los|alguna novedad|novedades|que (?:pasa|ocurre) con|en que estado|des nouvelles|du nouveau|ou en est|ou en sont|novita|a che punto|alguma novidade|novidades|em que pe|o que (?:aconteceu|se passa)|nieuws|hoe staat het",
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
/** A nudge is not a new question: "still nothing?", "hallo?", "is anyone actually working there?". */
const NUDGE = wordPattern(
  '^(?:(?:still|yet) nothing|(?:immer|noch) (?:noch|immer) nichts|(?:todavia|aun) nada|toujours rien|ancora (?:niente|nulla)|ainda nada|nog steeds (?:niets|niks))\\b|^(?:hello|helo|hallo|hola|allo|alo|ciao|ola|oi|hoi)\\s*\\?|(?:is|are) (?:any|some)(?:one|body) (?:actually |even |still )?(?:working|there|reading|listening|home)',
  'u',
);

function isRhetorical(question: string): boolean {
  const folded = fold(question);
  return (
    RHETORICAL_EXTRA.test(folded) ||
    NUDGE.test(folded) ||
    rhetoricalPatterns.some((pattern) => pattern.test(folded))
  );
}

const WH_WORD =
  /^(?:dov'e|what|where|when|why|how|who|which|whose|wer|was|wann|wo|wohin|warum|wieso|wie|welche|que|cuando|donde|por que|como|cual|cuanto|quien|qui|quoi|quand|ou|pourquoi|comment|combien|quel|quelle|chi|cosa|dove|perche|quanto|quale|quem|o que|onde|qual|wat|wanneer|waar|waarom|hoe|welke|hoeveel)\b/u;

/** Anything not opened by a question word asks yes or no ("is it", "vocês entregam", "¿es normal?"). */
function isYesNoQuestion(question: string): boolean {
  return !WH_WORD.test(questionOpening(question));
}

/** The questions a customer message asks, split where one sentence asks two things. */
export function askedQuestions(customer: CustomerText): string[] {
  return questionSentences(customer.text, customer.languages)
    .flatMap((sentence) => {
      const parts = sentence.split(QUESTION_JOIN).map((part) => part.trim());
      // "Great, and are duties included?": an interjection before the join asks nothing.
      return parts.length > 1
        ? parts.filter(
            (part) => contentWords(part).length > 1 || isQuestion(part, customer.languages),
          )
        : parts;
    })
    .filter(
      (question) =>
        (contentWords(question).length > 0 || PRICE_QUESTION.test(fold(question))) &&
        !isRhetorical(question),
    );
}

/** A reply that brings in a person: a handover or callback promise, a teammate, a phone number. */
const HANDOVER = wordPattern(
  [
    ...DEFERRALS,
    "(?:i'll|i will|let me|we'll|we will) (?:connect|transfer|put) you",
    'teammates?|team members?|colleagues?|(?:our|the) (?:team|staff)|(?:will|to) call you',
    'kollegen?|kollegin|mitarbeiter(?:in)?|(?:unser|das) team|ruft sie .{0,30}an',
    'companer[oa]s?|(?:el|al|nuestro) equipo|te (?:llamara|llamaremos|escribira)',
    "collegues?|conseill(?:er|ere)|(?:l'|notre )equipe|vous (?:rappellera|rappellerons|appellera)",
    'colleghi|collega|(?:il|al|nostro) team|ti (?:richiamera|chiamera)|avvisato',
    'colegas?|(?:a|nossa) (?:equipe|equipa)|(?:te|lhe) (?:ligara|ligaremos)',
    'collega|medewerker|(?:ons|het) team|(?:belt|bellen) (?:u|je) (?:terug|op)',
  ].join('|'),
  'u',
);
const PHONE_NUMBER = /\+?\d[\d\s()./-]{6,}\d/u;

function handsOver(reply: AnalysisMessage, text: string): boolean {
  if (reply.author === 'operator' || reply.author === 'business') return true;
  if (PHONE_NUMBER.test(text)) return true;
  const folded = fold(text);
  return HANDOVER.test(folded) && !DEFLECTION.test(folded);
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

/**
 * `several`: the message asked more than one question, so a bare "Yes" answers only the one the
 * reply also speaks about ("Do you have it in 44? And is it waterproof?" → "Yes, 44 is in stock").
 */
function answers(question: string, reply: string, several: boolean): boolean {
  if (isNonAnswer(reply)) return false;
  const body = replyBody(reply).trim();
  const folded = fold(question);
  if (PRICE_QUESTION.test(folded)) return PRICE_ANSWER.test(body);
  if (TIME_QUESTION.test(folded)) return TIME_ANSWER.test(fold(body));
  if (STATUS_QUESTION.test(folded)) return contentWords(body).length > 0;
  const asked = [...new Set(contentWords(question).map(stem))];
  const replied = contentStems(body);
  const shared = asked.filter((word) => replied.has(word));
  if (isYesNoQuestion(question)) {
    if (opensWithYesOrNo(body) && (!several || shared.length > 0)) return true;
    // Without a yes or no, the reply must speak to what was asked: the question's last word
    // (the predicate: "…machine washable", "…selbst drucken"), not just its subject — and not
    // a trailing order number ("change the address on order 7781").
    const worded = asked.filter((word) => !/\d/.test(word));
    const focus = worded[worded.length - 1] ?? asked[asked.length - 1];
    if (focus !== undefined && replied.has(focus)) return true;
    // Or it takes up most of what was asked ("Can I change the size on my order…" → "Orders
    // can be changed within 2 hours…").
    const sharedWords = shared.filter((word) => !/\d/.test(word));
    return !several && sharedWords.length >= 2 && sharedWords.length * 2 > worded.length;
  }
  if (WH_START.test(questionOpening(question))) {
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
    const later = messages.slice(position + 1).filter((message) => message.author !== 'contact');
    const replies = later.map(replyText);
    const questions = askedQuestions(customer);
    for (const question of questions) {
      // Unreplied, a request for a person is the safety net's (humanRequested); replied to
      // without a handover, it was deflected.
      const answered = requestsHuman(question, customer.languages)
        ? later.length === 0 || later.some((reply, index) => handsOver(reply, replies[index] ?? ''))
        : replies.some((reply) => answers(question, reply, questions.length > 1));
      if (answered) continue;
      open.push({ messageId: customer.message.id, quote: question.slice(0, QUOTE_LENGTH) });
    }
  }
  return open;
}
