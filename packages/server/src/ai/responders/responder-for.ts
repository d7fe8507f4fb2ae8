/** Which responder writes an assistant's replies, given the configured provider. */
import type { Logger } from '../../context.js';
import { canAnswerStructured } from '../analysis/model-analyzer.js';
import { isNonAnswer } from '../analysis/unanswered.js';
import type { ModelProvider } from '../provider.js';
import { ModelResponder } from './model-responder.js';
import { OfflineResponder } from './offline-responder.js';
import { openQuestion, type Responder, type Retrieve } from './responder.js';
import type { Vocabulary } from './term-weights.js';

export function responderFor(
  provider: ModelProvider,
  retrieve: Retrieve,
  log: Logger,
  vocabulary?: Vocabulary,
): Responder {
  const offline = new OfflineResponder(retrieve, vocabulary);
  if (canAnswerStructured(provider))
    return new ModelResponder(provider, retrieve, offline, { log });
  if (provider.canAnswer === false) return offline;
  return plainReplies(provider);
}

/** A provider that only writes text (no structured output): no citations, so its reply counts
 * as unanswered when it deflects, defers or only asks back. */
function plainReplies(provider: ModelProvider): Responder {
  return {
    name: provider.name,
    async respond(request) {
      const text = await provider.reply({
        assistant: request.assistant,
        turns: request.turns,
        ...(request.model ? { model: request.model } : {}),
      });
      const question = openQuestion(request.turns);
      return {
        text,
        passages: [],
        unansweredQuestion: isNonAnswer(text) && question ? question : null,
      };
    },
  };
}
