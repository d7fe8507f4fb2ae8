/**
 * One or two sentences a teammate can act on, built from what was extracted: the order it is
 * about, the customer's own key sentence, and the state (asked for a person, frustrated, still
 * waiting on a question, what we promised). English frame, the customer's words quoted.
 */
import type { MessageQuote } from '@parley/domain';
import { contentWords } from './content-words.js';
import { isQuestion } from './questions.js';
import { emojis, hasNoWords, sentences } from './text.js';

export interface SummaryFacts {
  customerTexts: string[];
  languages: readonly string[];
  topics: string[];
  frustrated: boolean;
  humanRequested: boolean;
  unanswered: MessageQuote[];
  promises: string[];
}

const QUOTE_LENGTH = 120;
const ORDER_REFERENCE =
  /#\s?\d{3,}|\b(?:order|bestellung|pedido|commande|ordine|bestelling|encomenda)\s*(?:nr\.?|no\.?|n[º°]|number|nummer|número|numéro|numero)?\s*#?\s?(\d{3,})\b/giu;
/** Words that make a sentence the heart of the matter: a problem or something wanted. */
const MATTER =
  /\b(?:broke|broken|damaged|crack|wrong|missing|never|still|late|refund|return|exchange|replace|replacement|cancel|charged|want|need|would like|kaputt|falsch|fehlt|noch|zurück|erstatt|möchte|brauche|roto|rota|falta|todavía|reembolso|devolver|cambiar|quiero|necesito|cassé|manque|toujours|rembours|retour|échange|voudrais|rotto|manca|ancora|rimborso|reso|vorrei|quebrad|falta|ainda|reembolso|troca|quero|preciso|kapot|verkeerd|nog steeds|terugbetal|retour|ruilen|wil)\b/iu;

function orderReferences(texts: string[]): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(ORDER_REFERENCE)) {
      const digits = (match[1] ?? match[0]).replace(/\D/g, '');
      found.add(`#${digits}`);
    }
  }
  return [...found];
}

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > QUOTE_LENGTH ? `${flat.slice(0, QUOTE_LENGTH - 1)}…` : flat;
}

/** The customer sentence that best states the matter: a problem, a want or a question. */
function keySentence(texts: string[], languages: readonly string[]): string | null {
  let best: { sentence: string; score: number } | null = null;
  texts.forEach((text, messageIndex) => {
    for (const sentence of sentences(text)) {
      const words = contentWords(sentence).length;
      if (words === 0) continue;
      let score = Math.min(words, 6) / 6;
      if (MATTER.test(sentence)) score += 2;
      if (isQuestion(sentence, languages)) score += 1.5;
      if (/\d{3,}/.test(sentence)) score += 0.5;
      score -= messageIndex * 0.1;
      if (!best || score > best.score) best = { sentence, score };
    }
  });
  return best ? (best as { sentence: string }).sentence : null;
}

function stateSentence(facts: SummaryFacts): string | null {
  const states: string[] = [];
  if (facts.humanRequested) states.push('asked for a person');
  if (facts.frustrated) states.push('is frustrated');
  const first = facts.unanswered[0];
  if (first) {
    const more = facts.unanswered.length > 1 ? ` (+${facts.unanswered.length - 1} more)` : '';
    states.push(`is still waiting for an answer to “${quote(first.quote)}”${more}`);
  }
  const parts: string[] = [];
  if (states.length > 0) parts.push(`Customer ${states.join(', ')}`);
  const promise = facts.promises[0];
  if (promise) parts.push(`we said we'd ${promise.replace(/^(?:we|i) /i, '')}`);
  if (parts.length === 0) return null;
  const joined = parts.join('; ');
  const ending = /[.!?…]”(?: \(\+\d+ more\))?$/u.test(joined) && !/more\)$/.test(joined) ? '' : '.';
  return `${joined.charAt(0).toUpperCase()}${joined.slice(1)}${ending}`;
}

export function summarize(facts: SummaryFacts): string {
  const withWords = facts.customerTexts.filter((text) => !hasNoWords(text));
  if (withWords.length === 0) {
    const used = [...new Set(facts.customerTexts.flatMap(emojis))].join('');
    return used ? `Customer reacted with ${used} only, no words.` : 'No customer message yet.';
  }
  const references = orderReferences(withWords);
  const about = [
    references.length > 0 ? `Order ${references.join(', ')}` : null,
    facts.topics.join(', '),
  ]
    .filter(Boolean)
    .join(' · ');
  const key = keySentence(withWords, facts.languages);
  // When the key sentence is itself the open question, say so once, not twice.
  const keyIsOpen = key !== null && facts.unanswered[0]?.quote.trim() === key.trim();
  const says = keyIsOpen ? 'customer asks' : 'customer writes';
  const open = keyIsOpen ? ' (not answered yet)' : '';
  const lead = key ? `${about ? `${about}: ` : ''}${says} “${quote(key)}”${open}` : about;
  const state = stateSentence(
    keyIsOpen ? { ...facts, unanswered: facts.unanswered.slice(1) } : facts,
  );
  // A quote that ends its own sentence needs no second full stop.
  const ending = !open && /[.!?…]$/u.test(quote(key ?? '')) ? '' : '.';
  const first = `${lead.charAt(0).toUpperCase()}${lead.slice(1)}${ending}`;
  return state ? `${first} ${state}` : first;
}
