/**
 * Which teammate reply answers a group of unanswered questions, to pre-fill the Q&A a teammate
 * adds from Insights. A person's next message in the thread is often about something else (an
 * apology, a refund already sent), so a reply is only offered when it talks about what was asked.
 */
import { questionVector, sparseCosine } from './features.js';

/** Below this, question and reply share at most incidental letters, not a subject. */
export const MIN_ANSWER_SIMILARITY = 0.15;

export interface QuestionAndReply {
  question: string;
  reply: string;
}

/** The reply most about its question, or null when none is about it. */
export function teammateAnswerOf(candidates: readonly QuestionAndReply[]): string | null {
  let best: string | null = null;
  let bestSimilarity = MIN_ANSWER_SIMILARITY;
  for (const { question, reply } of candidates) {
    const similarity = sparseCosine(questionVector(question), questionVector(reply));
    if (similarity >= bestSimilarity) {
      best = reply;
      bestSimilarity = similarity;
    }
  }
  return best;
}
