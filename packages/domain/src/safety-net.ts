/**
 * The safety net: when a customer message should pause the AI and hand the conversation to a
 * person. Pure: the per-message signals (multilingual human request and frustration) are
 * computed by the server's analyzer; this decides, and words the reason so a teammate sees
 * what triggered it and the message that did.
 */
import type { MessageAuthor } from './messages.js';

export type SafetyNetTrigger = 'human_requested' | 'keyword' | 'frustration' | 'failed_answers';

export interface SafetyNetSignals {
  humanRequest: boolean;
  frustration: boolean;
}

export interface SafetyNetContext {
  /** The customer message being checked. */
  text: string;
  /** The workspace's safety-net keywords. */
  keywords: readonly string[];
  /** Assistant replies in a row, just before this message, that did not answer. */
  failedAnswersInARow: number;
  /** 0 turns the failed-answers trigger off. */
  failedAnswersBeforePause: number;
}

export interface SafetyNetPause {
  trigger: SafetyNetTrigger;
  /** Shown on the card: names the trigger and quotes the message. */
  reason: string;
}

const QUOTE_LENGTH = 140;

export function quoteMessage(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const short = oneLine.length > QUOTE_LENGTH ? `${oneLine.slice(0, QUOTE_LENGTH - 1)}…` : oneLine;
  return `"${short}"`;
}

/** Lower case without accents, so "Anwält" finds "anwalt" and "REMBOURSEMENT" finds "remboursement". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The first keyword found as a whole word or phrase, or null: "lawyer" is in "my lawyer
 * will call", not in "lawyers" — admins list the forms they mean. */
export function matchSafetyKeyword(text: string, keywords: readonly string[]): string | null {
  const folded = fold(text);
  for (const keyword of keywords) {
    const needle = fold(keyword).replace(/\s+/g, ' ').trim();
    if (!needle) continue;
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])${escapeRegExp(needle).replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`,
      'u',
    );
    if (pattern.test(folded)) return keyword;
  }
  return null;
}

/** How many of the assistant's latest replies did not answer, newest first; a person's
 * reply (or an answer that worked) ends the run. */
export function failedAnswersInARow(
  repliesNewestFirst: readonly { author: MessageAuthor; deflected: boolean }[],
): number {
  let count = 0;
  for (const reply of repliesNewestFirst) {
    if (reply.author === 'contact') continue;
    if (reply.author !== 'assistant' || !reply.deflected) break;
    count += 1;
  }
  return count;
}

/** Why the AI should stop answering this message, or null when it may go on. */
export function safetyNetDecision(
  signals: SafetyNetSignals,
  context: SafetyNetContext,
): SafetyNetPause | null {
  const quote = quoteMessage(context.text);
  if (signals.humanRequest) {
    return { trigger: 'human_requested', reason: `Customer asked for a person: ${quote}` };
  }
  const keyword = matchSafetyKeyword(context.text, context.keywords);
  if (keyword) {
    return { trigger: 'keyword', reason: `Customer mentioned "${keyword}": ${quote}` };
  }
  if (signals.frustration) {
    return { trigger: 'frustration', reason: `Customer seems frustrated: ${quote}` };
  }
  const limit = context.failedAnswersBeforePause;
  if (limit > 0 && context.failedAnswersInARow >= limit) {
    return {
      trigger: 'failed_answers',
      reason: `The assistant could not answer ${context.failedAnswersInARow} times in a row; customer wrote: ${quote}`,
    };
  }
  return null;
}
