/**
 * Whether an assistant's reply failed to answer: a no-knowledge answer or a push elsewhere
 * ("I don't know", "please contact our support", "weiß ich leider nicht"), judged with the
 * analyzer's multilingual deflection lexicon. Recorded on the reply, so the safety net can
 * count failed answers in a row without analyzing the thread again.
 */
import { DEFLECTIONS } from './analysis/lexicons/questions.js';
import { fold, wordPattern } from './analysis/text.js';

const DEFLECTION = wordPattern(DEFLECTIONS.join('|'), 'u');

export function replyDidNotAnswer(text: string): boolean {
  return DEFLECTION.test(fold(text));
}
