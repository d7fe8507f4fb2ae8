/**
 * The offline responder (default, no network): greets, and answers from the knowledge base by
 * retrieval — a Q&A pair's answer or a passage's most relevant sentences — when the match is
 * confident. Otherwise it says, in the customer's language, that it passed the question on,
 * and records the question as unanswered.
 */
import { contentWords } from '../analysis/content-words.js';
import { GREETING } from '../analysis/questions.js';
import { fold, wordPattern } from '../analysis/text.js';
import { howCanIHelp, passOnMessage, replyLanguage, youAreWelcome } from './hand-off.js';
import { bestSentences, matchPassages } from './passage-match.js';
import {
  isFirstReply,
  openQuestion,
  type Responder,
  type ResponderAnswer,
  type ResponderRequest,
  type Retrieve,
} from './responder.js';
import { EQUAL_WEIGHTS, type Vocabulary } from './term-weights.js';

/** Below this confidence the offline responder passes the question on (tuned on the eval). */
export const CONFIDENT = 0.35;
/** A suggested question is one the team promised an answer to: a weaker match will do. */
const CONFIDENT_FOR_SUGGESTED = 0.2;
const PASSAGES = 5;

const THANKS = wordPattern(
  'thanks?|thank you|thx|ty|cheers|danke(?:schon)?|vielen dank|gracias|merci|grazie|obrigad[oa]|bedankt|dank (?:je|u)(?: wel)?',
  'u',
);

/** "hi", "thanks!", "hallo :)" — nothing to look up. */
function smallTalk(question: string): 'greeting' | 'thanks' | null {
  const folded = fold(question);
  const rest = folded.replace(GREETING, '').replace(new RegExp(THANKS.source, 'gu'), ' ');
  if (contentWords(rest).length > 0) return null;
  return THANKS.test(folded) ? 'thanks' : 'greeting';
}

function isSuggested(question: string, suggested: readonly string[]): boolean {
  const folded = fold(question).replace(/[?!.\s]+$/u, '');
  return suggested.some((item) => fold(item).replace(/[?!.\s]+$/u, '') === folded);
}

export class OfflineResponder implements Responder {
  readonly name = 'offline';

  /** Without a vocabulary every question word counts the same. */
  constructor(
    private readonly retrieve: Retrieve,
    private readonly vocabulary?: Vocabulary,
  ) {}

  async respond(request: ResponderRequest): Promise<ResponderAnswer> {
    const question = openQuestion(request.turns);
    const language = replyLanguage(question);
    const talk = question ? smallTalk(question) : 'greeting';
    if (talk === 'thanks') return answered(youAreWelcome(language));
    if (talk === 'greeting') {
      const greeting = isFirstReply(request.turns) ? request.assistant.greeting.trim() : '';
      return answered(greeting || howCanIHelp(language));
    }
    const scope = { workspaceId: request.assistant.workspaceId, assistantId: request.assistant.id };
    const [passages, weigh] = await Promise.all([
      this.retrieve({ ...scope, question, limit: PASSAGES }),
      this.vocabulary ? this.vocabulary(scope) : EQUAL_WEIGHTS,
    ]);
    const best = matchPassages(question, passages, weigh)[0];
    const threshold = isSuggested(question, request.assistant.suggestedQuestions)
      ? CONFIDENT_FOR_SUGGESTED
      : CONFIDENT;
    if (!best || best.confidence < threshold) {
      const text = greeted(request, passOnMessage(language));
      return {
        text,
        passages: [],
        unansweredQuestion: question,
        confidence: best?.confidence ?? 0,
      };
    }
    const { passage } = best;
    const text = passage.question ? passage.text.trim() : bestSentences(question, passage.text);
    return {
      text: greeted(request, text),
      passages: [passage],
      unansweredQuestion: null,
      confidence: best.confidence,
    };
  }
}

/** A first reply opens with the assistant's greeting, whatever it goes on to say. */
function greeted(request: ResponderRequest, text: string): string {
  const greeting = isFirstReply(request.turns) ? request.assistant.greeting.trim() : '';
  return greeting ? `${greeting} ${text}` : text;
}

function answered(text: string): ResponderAnswer {
  return { text, passages: [], unansweredQuestion: null };
}
