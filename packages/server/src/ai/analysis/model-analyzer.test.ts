import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ConversationAnalysis } from '@parley/domain';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../context.js';
import { answerCompletion, readJson } from '../../test-support/chat-completions.js';
import { OpenAiCompatibleProvider } from '../openai-compatible-provider.js';
import type { AnalysisInput } from './analyzer.js';
import { ModelAnalyzer } from './model-analyzer.js';
import { OfflineAnalyzer } from './offline-analyzer.js';

const offlineAnalyzer = new OfflineAnalyzer();

/** A local stand-in of an OpenAI-compatible endpoint that can also misbehave. */
type Mode = 'valid' | 'garbage' | 'wrong-shape' | 'slow' | 'rate-limited' | 'down';
let mode: Mode = 'valid';
let server: Server;
let baseUrl: string;
const received: {
  response_format?: {
    type: string;
    json_schema: { name: string; strict: boolean; schema: { properties: Record<string, unknown> } };
  };
  messages: { role: string; content: string }[];
}[] = [];

const VALID = {
  summary:
    'Order #4417 arrived with a broken zipper; the customer wants a replacement and a person.',
  topics: ['Returns', 'complaint', 'not-a-topic'],
  keyphrases: ['broken zipper'],
  sentiment: { label: 'negative', score: -0.6, trend: 'worsening' },
  frustrated: true,
  frustratedBy: { messageId: 'm3', quote: 'This is the second time!' },
  humanRequested: true,
  humanRequestedBy: { messageId: 'nope', quote: 'invented' },
  unansweredQuestions: [{ messageId: 'm1', quote: 'Can you send a new zipper?' }],
  actionItems: [{ text: 'Send a replacement zipper for #4417' }],
  language: 'EN',
};

beforeAll(async () => {
  server = createServer(async (request, response) => {
    received.push(await readJson(request));
    if (mode === 'rate-limited' || mode === 'down') {
      response.writeHead(mode === 'down' ? 503 : 429, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: 'Rate limit reached' } }));
      return;
    }
    if (mode === 'slow') await new Promise((resolve) => setTimeout(resolve, 3000));
    if (mode === 'garbage') return answerCompletion(response, 'Sure! The customer seems unhappy.');
    if (mode === 'wrong-shape') return answerCompletion(response, JSON.stringify({ summary: 42 }));
    answerCompletion(response, JSON.stringify(VALID));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const warnings: { message: string; details?: Record<string, unknown> }[] = [];
const log: Logger = {
  info() {},
  warn: (message, details) => warnings.push({ message, ...(details ? { details } : {}) }),
  error() {},
};

beforeEach(() => {
  mode = 'valid';
  received.length = 0;
  warnings.length = 0;
});

/** Generous by default (a loaded machine is slow); the slow stand-in gets a short one. */
const analyzer = (timeoutMs = 10_000) =>
  new ModelAnalyzer(new OpenAiCompatibleProvider({ baseUrl, model: 'gpt-test' }), offlineAnalyzer, {
    log,
    timeoutMs,
    tokenBudget: 200,
  });

const at = (minute: number) => new Date(Date.UTC(2026, 0, 5, 10, minute)).toISOString();
const input: AnalysisInput = {
  channelKind: 'instagram_dm',
  subject: null,
  topics: ['shipping', 'returns', 'complaint', 'other'],
  previous: null,
  messages: [
    {
      id: 'm1',
      author: 'contact',
      text: 'My order #4417 came with a broken zipper. Can you send a new zipper?',
      sentAt: at(1),
    },
    {
      id: 'm2',
      author: 'assistant',
      text: 'I am sorry to hear that! Let me check.',
      sentAt: at(2),
    },
    {
      id: 'm3',
      author: 'contact',
      text: 'This is the second time! I want to talk to a person.',
      sentAt: at(3),
    },
  ],
};

describe('model analyzer', () => {
  it('asks for the JSON schema and keeps only what the conversation backs up', async () => {
    const result = await analyzer().analyze(input);
    const [call] = received;
    expect(call?.response_format?.type).toBe('json_schema');
    expect(call?.response_format?.json_schema.strict).toBe(true);
    expect(Object.keys(call?.response_format?.json_schema.schema.properties ?? {})).toContain(
      'unansweredQuestions',
    );
    expect(call?.messages[0]?.content).toContain('"complaint"');
    expect(result).toMatchObject({
      analyzer: 'openai-compatible:gpt-test',
      summary: VALID.summary,
      // Matched to the workspace's list; unknown topics dropped.
      topics: ['returns', 'complaint'],
      frustrated: true,
      frustratedBy: { messageId: 'm3', quote: 'This is the second time!' },
      // A quote of a message that does not exist is not kept.
      humanRequested: true,
      humanRequestedBy: null,
      language: 'en',
      lastMessageId: 'm3',
    });
    expect(warnings).toEqual([]);
  });

  it.each([
    ['answers text that is not JSON', 'garbage'],
    ['answers JSON of the wrong shape', 'wrong-shape'],
    ['takes longer than its timeout', 'slow'],
    ['is rate limited (429)', 'rate-limited'],
    ['is down (503)', 'down'],
  ] as const)(
    'falls back to the offline analyzer, logged, when the model %s',
    async (_, failure) => {
      mode = failure;
      const result = await analyzer(failure === 'slow' ? 500 : undefined).analyze(input);
      expect(result.analyzer).toBe('offline');
      expect(result.lastMessageId).toBe('m3');
      expect(warnings).toHaveLength(1);
      expect(warnings[0]?.message).toMatch(/offline analyzer answered instead/);
      expect(warnings[0]?.details?.model).toBe('openai-compatible:gpt-test');
    },
  );

  it('sends only the messages after the previous analysis, within the token budget', async () => {
    const previous: ConversationAnalysis = {
      ...(await offlineAnalyzer.analyze(input)),
      actionItems: [],
      version: 1,
      analyzedAt: at(4),
      lastMessageId: 'm3',
    };
    const long = 'Still waiting on the zipper for order #4417. '.repeat(30);
    await analyzer().analyze({
      ...input,
      previous,
      messages: [
        ...input.messages,
        { id: 'm4', author: 'contact', text: `old news ${long}`, sentAt: at(5) },
        { id: 'm5', author: 'contact', text: `Any update? ${long}`, sentAt: at(6) },
      ],
    });
    const prompt = received[0]?.messages[1]?.content ?? '';
    expect(prompt).toContain('Previous analysis:');
    expect(prompt).toContain('[m5] customer');
    // Older than the budget allows, and already covered by the previous analysis.
    expect(prompt).not.toContain('[m4]');
    expect(prompt).toContain('(1 earlier messages left out)');
    expect(prompt).not.toContain('[m1]');
  });
});
