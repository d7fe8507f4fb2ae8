/**
 * The model analyzer: the configured OpenAI-compatible model fills a JSON schema, validated
 * with zod. Incremental — the model sees the previous analysis and only the messages since,
 * within a token budget. Any invalid, slow or failed answer falls back to the offline
 * analyzer and is logged: the inbox never waits on, or breaks because of, a model.
 */
import type { ConversationAnalysis } from '@parley/domain';
import { z } from 'zod';
import type { Logger } from '../../context.js';
import type { ChatTurn, ModelProvider, StructuredRequest } from '../provider.js';
import type {
  AnalysisInput,
  AnalysisMessage,
  AnalysisResult,
  ConversationAnalyzer,
} from './analyzer.js';

export type StructuredModel = ModelProvider & {
  structured(request: StructuredRequest): Promise<unknown>;
};

export function canAnswerStructured(provider: ModelProvider): provider is StructuredModel {
  return typeof provider.structured === 'function';
}

export interface ModelAnalyzerOptions {
  log: Logger;
  /** How long one analysis may take before the offline analyzer answers instead. */
  timeoutMs?: number;
  /** Rough budget (≈ 4 characters a token) for the messages and previous analysis sent. */
  tokenBudget?: number;
}

const quote = z.object({ messageId: z.string(), quote: z.string() });

/** What the model must answer: the analysis without the fields Parley fills itself. */
const answerSchema = z.object({
  summary: z.string().min(1).max(600),
  topics: z.array(z.string()).max(5),
  keyphrases: z.array(z.string().max(80)).max(12),
  sentiment: z.object({
    label: z.enum(['negative', 'neutral', 'positive']),
    score: z.number().min(-1).max(1),
    trend: z.enum(['improving', 'steady', 'worsening']),
  }),
  frustrated: z.boolean(),
  frustratedBy: quote.nullable(),
  humanRequested: z.boolean(),
  humanRequestedBy: quote.nullable(),
  unansweredQuestions: z.array(quote).max(20),
  actionItems: z.array(z.object({ text: z.string().min(1).max(300) })).max(20),
  language: z.string().min(2).max(12),
});

type Answer = z.infer<typeof answerSchema>;

/** Strict structured output wants every object closed to extra properties. */
function closeObjects(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closeObjects);
  if (!schema || typeof schema !== 'object') return schema;
  const entries = Object.entries(schema as Record<string, unknown>)
    .filter(([key]) => key !== '$schema')
    .map(([key, value]) => [key, closeObjects(value)] as const);
  const result = Object.fromEntries(entries) as Record<string, unknown>;
  if (result.type === 'object') result.additionalProperties = false;
  return result;
}

const ANSWER_JSON_SCHEMA = closeObjects(
  z.toJSONSchema(
    answerSchema.extend({
      // Bounds are checked by zod after the answer; strict mode supports few keywords.
      summary: z.string(),
      topics: z.array(z.string()),
      keyphrases: z.array(z.string()),
      sentiment: z.object({
        label: z.enum(['negative', 'neutral', 'positive']),
        score: z.number(),
        trend: z.enum(['improving', 'steady', 'worsening']),
      }),
      unansweredQuestions: z.array(quote),
      actionItems: z.array(z.object({ text: z.string() })),
      language: z.string(),
    }),
    { target: 'draft-7' },
  ),
) as Record<string, unknown>;

const MESSAGE_CHARS = 1500;
const CHARS_PER_TOKEN = 4;

function instructions(topics: string[]): string {
  return [
    'You analyze customer-support conversations for a team inbox. Answer only with JSON that follows the schema.',
    '- summary: one or two sentences a teammate can act on (order numbers, what the customer wants, whether they asked for a person), in English.',
    `- topics: 1 to 3 names copied exactly from this list: ${JSON.stringify(topics)}.`,
    '- keyphrases: up to 6 short phrases from the customer’s own words.',
    '- sentiment: the customer’s mood at the end (label, score from -1 to 1) and its trend over the conversation.',
    '- frustrated / humanRequested: true only when a customer message shows it; quote that message by its id. Politeness, sarcasm and negation matter ("no problem" is not a complaint).',
    '- unansweredQuestions: customer questions not actually answered (deflected, "I don’t know", answered something else, or no reply yet), each quoted by message id with the question’s words.',
    '- actionItems: what the business still owes the customer, as short imperative phrases.',
    '- language: ISO 639-1 code of the customer’s language.',
    'When a previous analysis is given, update it with the new messages: keep what still holds, drop what was resolved.',
  ].join('\n');
}

function line(message: AnalysisMessage): string {
  const who = message.author === 'contact' ? 'customer' : message.author;
  const text =
    message.text.length > MESSAGE_CHARS ? `${message.text.slice(0, MESSAGE_CHARS)}…` : message.text;
  return `[${message.id}] ${who} (${message.sentAt}): ${text}`;
}

/** The messages the previous analysis does not cover, newest kept first within the budget. */
export function messagesToSend(
  input: AnalysisInput,
  budgetChars: number,
): { lines: string[]; omitted: number } {
  const previousEnd = input.previous
    ? input.messages.findIndex((message) => message.id === input.previous?.lastMessageId)
    : -1;
  const fresh = input.messages.slice(previousEnd + 1);
  const lines: string[] = [];
  let used = 0;
  for (const message of [...fresh].reverse()) {
    const text = line(message);
    if (lines.length > 0 && used + text.length > budgetChars) break;
    lines.unshift(text);
    used += text.length;
  }
  return { lines, omitted: fresh.length - lines.length };
}

function previousForPrompt(previous: ConversationAnalysis) {
  const { version: _v, analyzedAt: _at, analyzer: _by, ...rest } = previous;
  return { ...rest, actionItems: rest.actionItems.map((item) => item.text) };
}

export function analysisTurns(input: AnalysisInput, tokenBudget: number): ChatTurn[] {
  const previous = input.previous ? JSON.stringify(previousForPrompt(input.previous)) : null;
  const budgetChars = Math.max(
    MESSAGE_CHARS,
    tokenBudget * CHARS_PER_TOKEN - (previous?.length ?? 0),
  );
  const { lines, omitted } = messagesToSend(input, budgetChars);
  const parts = [
    `Channel: ${input.channelKind}`,
    ...(input.subject ? [`Subject: ${input.subject}`] : []),
    ...(previous ? [`Previous analysis: ${previous}`] : []),
    previous ? 'New messages since then, oldest first:' : 'Messages, oldest first:',
    ...(omitted > 0 ? [`(${omitted} earlier messages left out)`] : []),
    ...lines,
  ];
  return [
    { role: 'system', content: instructions(input.topics) },
    { role: 'user', content: parts.join('\n') },
  ];
}

/** Checks the answer against the conversation: topics from the list, quotes of real
 * customer messages. */
function toResult(answer: Answer, input: AnalysisInput, analyzer: string): AnalysisResult {
  const customerIds = new Set(
    input.messages.filter((message) => message.author === 'contact').map((message) => message.id),
  );
  const realQuote = (value: { messageId: string; quote: string } | null) =>
    value && customerIds.has(value.messageId) && value.quote.trim()
      ? { messageId: value.messageId, quote: value.quote.trim().slice(0, 500) }
      : null;
  const byName = new Map(input.topics.map((topic) => [topic.toLowerCase(), topic]));
  const topics = [
    ...new Set(answer.topics.flatMap((topic) => byName.get(topic.trim().toLowerCase()) ?? [])),
  ].slice(0, 3);
  const fallbackTopic = byName.get('other');
  const language = answer.language.trim().toLowerCase();
  return {
    summary: answer.summary.trim(),
    topics: topics.length > 0 ? topics : fallbackTopic ? [fallbackTopic] : [],
    keyphrases: answer.keyphrases.map((phrase) => phrase.trim()).filter(Boolean),
    sentiment: answer.sentiment,
    frustrated: answer.frustrated,
    frustratedBy: answer.frustrated ? realQuote(answer.frustratedBy) : null,
    humanRequested: answer.humanRequested,
    humanRequestedBy: answer.humanRequested ? realQuote(answer.humanRequestedBy) : null,
    unansweredQuestions: answer.unansweredQuestions.flatMap((item) => realQuote(item) ?? []),
    actionItems: answer.actionItems.map((item) => ({ text: item.text.trim() })),
    language: /^[a-z]{2,3}$/.test(language) ? language : 'und',
    analyzer,
    lastMessageId: input.messages.at(-1)?.id ?? input.previous?.lastMessageId ?? '',
  };
}

export class ModelAnalyzer implements ConversationAnalyzer {
  readonly name: string;
  private readonly timeoutMs: number;
  private readonly tokenBudget: number;

  constructor(
    private readonly model: StructuredModel,
    private readonly fallback: ConversationAnalyzer,
    private readonly options: ModelAnalyzerOptions,
  ) {
    this.name = model.name;
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.tokenBudget = options.tokenBudget ?? 6000;
  }

  async analyze(input: AnalysisInput): Promise<AnalysisResult> {
    try {
      const raw = await this.model.structured({
        schemaName: 'conversation_analysis',
        schema: ANSWER_JSON_SCHEMA,
        turns: analysisTurns(input, this.tokenBudget),
        timeoutMs: this.timeoutMs,
        maxOutputTokens: 1200,
      });
      const answer = answerSchema.safeParse(raw);
      if (!answer.success) {
        throw new Error(`The model's analysis does not follow the schema: ${answer.error.message}`);
      }
      return toResult(answer.data, input, this.name);
    } catch (error) {
      this.options.log.warn('model analysis failed; the offline analyzer answered instead', {
        model: this.name,
        reason: error instanceof Error ? error.message.slice(0, 300) : String(error),
      });
      return this.fallback.analyze(input);
    }
  }
}

/** The model's analyzer when the provider can answer with structured output, else offline. */
export function analyzerFor(
  provider: ModelProvider,
  offline: ConversationAnalyzer,
  log: Logger,
): ConversationAnalyzer {
  return canAnswerStructured(provider) ? new ModelAnalyzer(provider, offline, { log }) : offline;
}
