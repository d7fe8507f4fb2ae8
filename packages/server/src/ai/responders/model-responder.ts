/**
 * The model responder: a retrieval-augmented prompt (the assistant's instructions, the top
 * passages with their ids, the recent turns) answered as JSON that cites passage ids. A reply
 * the model marks as no answer, or a factual question answered without a citation, is recorded
 * unanswered. Invalid, slow or failed answers fall back to the offline responder.
 */
import { z } from 'zod';
import type { Logger } from '../../context.js';
import type { Passage } from '../../knowledge/passages.js';
import { detectLanguage } from '../analysis/language.js';
import type { StructuredModel } from '../analysis/model-analyzer.js';
import { questionSentences } from '../analysis/questions.js';
import { lexiconLanguages } from '../analysis/signals.js';
import type { ChatTurn } from '../provider.js';
import { matchPassages } from './passage-match.js';
import {
  openQuestion,
  type Responder,
  type ResponderAnswer,
  type ResponderRequest,
  type Retrieve,
} from './responder.js';

export interface ModelResponderOptions {
  log: Logger;
  /** How long one answer may take before the offline responder answers instead. */
  timeoutMs?: number;
}

const answerSchema = z.object({
  answer: z.string().trim().min(1).max(4000),
  citedPassageIds: z.array(z.string()).max(10),
  answered: z.boolean(),
});

const ANSWER_JSON_SCHEMA = {
  type: 'object',
  properties: {
    answer: { type: 'string' },
    citedPassageIds: { type: 'array', items: { type: 'string' } },
    answered: { type: 'boolean' },
  },
  required: ['answer', 'citedPassageIds', 'answered'],
  additionalProperties: false,
};

const PASSAGES = 5;
const RECENT_TURNS = 12;
const PASSAGE_CHARS = 1500;

function systemPrompt(request: ResponderRequest, passages: readonly Passage[]): string {
  const { name, instructions } = request.assistant;
  const library = passages.map((passage) => {
    const where = [passage.title, passage.heading].filter(Boolean).join(' — ');
    const text = passage.question ? `Q: ${passage.question}\nA: ${passage.text}` : passage.text;
    return `[${passage.id}] ${where}\n${text.slice(0, PASSAGE_CHARS)}`;
  });
  return [
    `You are ${name}, a customer support assistant. Answer briefly, in the customer's language.`,
    instructions.trim(),
    'Answer only from the knowledge passages below; never invent facts. Reply with JSON:',
    '- answer: your reply to the customer;',
    '- citedPassageIds: the ids (in square brackets) of the passages your answer uses;',
    '- answered: false when the passages do not answer the question — then say you will pass the question on to the team.',
    'Greetings and thanks need no passage: answer them with answered true and no ids.',
    library.length > 0
      ? `Knowledge passages:\n\n${library.join('\n\n')}`
      : 'Knowledge passages: none.',
  ]
    .filter(Boolean)
    .join('\n');
}

/** A question that asks for facts (not "hi" or "thanks"): answering it needs a citation. */
function asksForFacts(question: string): boolean {
  return questionSentences(question, lexiconLanguages(detectLanguage(question))).length > 0;
}

export class ModelResponder implements Responder {
  readonly name: string;

  constructor(
    private readonly model: StructuredModel,
    private readonly retrieve: Retrieve,
    private readonly fallback: Responder,
    private readonly options: ModelResponderOptions,
  ) {
    this.name = model.name;
  }

  async respond(request: ResponderRequest): Promise<ResponderAnswer> {
    const question = openQuestion(request.turns);
    try {
      const passages = question
        ? await this.retrieve({
            workspaceId: request.assistant.workspaceId,
            assistantId: request.assistant.id,
            question,
            limit: PASSAGES,
          })
        : [];
      const turns: ChatTurn[] = [
        { role: 'system', content: systemPrompt(request, passages) },
        ...request.turns.slice(-RECENT_TURNS),
      ];
      const raw = await this.model.structured({
        schemaName: 'assistant_answer',
        schema: ANSWER_JSON_SCHEMA,
        turns,
        ...(request.model ? { model: request.model } : {}),
        timeoutMs: this.options.timeoutMs ?? 30_000,
        maxOutputTokens: 800,
      });
      const parsed = answerSchema.safeParse(raw);
      if (!parsed.success) {
        throw new Error(`The model's answer does not follow the schema: ${parsed.error.message}`);
      }
      const cited = new Set(parsed.data.citedPassageIds);
      const used = passages.filter((passage) => cited.has(passage.id));
      const unanswered = !parsed.data.answered || (used.length === 0 && asksForFacts(question));
      // The model says nothing of its certainty: how well the cited passages cover the
      // question stands in for it, so quality review can find weak answers.
      const confidence = unanswered ? 0 : (matchPassages(question, used)[0]?.confidence ?? 0);
      return {
        text: parsed.data.answer,
        passages: unanswered ? [] : used,
        unansweredQuestion: unanswered ? question || null : null,
        ...(question && asksForFacts(question) ? { confidence } : {}),
      };
    } catch (error) {
      this.options.log.warn('model answer failed; the offline responder answered instead', {
        model: this.name,
        reason: error instanceof Error ? error.message.slice(0, 300) : String(error),
      });
      return this.fallback.respond(request);
    }
  }
}
