import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../context.js';
import type { Passage } from '../../knowledge/passages.js';
import { answerCompletion, readJson } from '../../test-support/chat-completions.js';
import { OpenAiCompatibleProvider } from '../openai-compatible-provider.js';
import { ModelResponder } from './model-responder.js';
import { OfflineResponder } from './offline-responder.js';
import type { ResponderRequest, Retrieve } from './responder.js';

/** What the stand-in model answers: a cited answer, or one of the ways an answer goes wrong. */
type Mode = 'cite' | 'no-answer' | 'no-citation' | 'invented-id' | 'garbage' | 'slow';
let mode: Mode = 'cite';
let server: Server;
let baseUrl: string;
const received: {
  messages: { role: string; content: string }[];
  response_format?: { json_schema: { name: string } };
}[] = [];

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const body = await readJson(request);
    received.push(body);
    // Like a model that read the prompt: it cites the first passage id it was given.
    const firstId = /\[([^\]]+)\]/.exec(body.messages[0]?.content ?? '')?.[1] ?? '';
    if (mode === 'slow') await new Promise((resolve) => setTimeout(resolve, 3000));
    if (mode === 'garbage') return answerCompletion(response, 'Refunds take five days, I think.');
    const answers: Record<Exclude<Mode, 'garbage' | 'slow'>, unknown> = {
      cite: { answer: 'Refunds take 5 working days.', citedPassageIds: [firstId], answered: true },
      'no-answer': {
        answer: "I don't know, I'll pass this on to the team.",
        citedPassageIds: [],
        answered: false,
      },
      'no-citation': { answer: 'Usually about a week.', citedPassageIds: [], answered: true },
      'invented-id': {
        answer: 'Refunds take 5 working days.',
        citedPassageIds: ['passage-that-does-not-exist'],
        answered: true,
      },
    };
    // A slow answer arrives after its wait, as a cited one.
    answerCompletion(response, JSON.stringify(answers[mode === 'slow' ? 'cite' : mode]));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const warnings: string[] = [];
const log: Logger = { info() {}, warn: (message) => warnings.push(message), error() {} };

beforeEach(() => {
  mode = 'cite';
  received.length = 0;
  warnings.length = 0;
});

const refunds: Passage = {
  id: 'chunk-refunds',
  sourceId: 'source-returns',
  title: 'Returns policy',
  heading: 'Refunds',
  text: 'Refunds reach your account within 5 working days after we receive the parcel.',
  question: null,
  url: null,
  score: 1,
};
const retrieve: Retrieve = async () => [refunds];

function responder(timeoutMs = 2000) {
  const model = new OpenAiCompatibleProvider({ baseUrl, model: 'stand-in' });
  return new ModelResponder(model, retrieve, new OfflineResponder(retrieve), { log, timeoutMs });
}

const request = (question: string): ResponderRequest => ({
  assistant: {
    id: 'assistant-1',
    workspaceId: 'workspace-1',
    name: 'Ada',
    instructions: 'Be kind.',
    greeting: 'Hi!',
    suggestedQuestions: [],
  },
  turns: [
    { role: 'user', content: 'hello' },
    { role: 'assistant', content: 'Hi!' },
    { role: 'user', content: question },
  ],
});

describe('model responder', () => {
  it('sends instructions, passages with ids and the turns, and keeps the cited passages', async () => {
    const answer = await responder().respond(request('How long does a refund take?'));
    expect(answer).toEqual({
      text: 'Refunds take 5 working days.',
      passages: [refunds],
      unansweredQuestion: null,
      confidence: expect.any(Number),
    });
    // How well the cited passage covers the question stands in for the model's certainty.
    expect(answer.confidence).toBeGreaterThan(0.35);
    const [sent] = received;
    expect(sent?.response_format?.json_schema.name).toBe('assistant_answer');
    expect(sent?.messages[0]?.content).toContain('Be kind.');
    expect(sent?.messages[0]?.content).toContain(
      '[chunk-refunds] Returns policy — Refunds\nRefunds reach your account',
    );
    expect(sent?.messages.slice(1).map((turn) => turn.content)).toEqual([
      'hello',
      'Hi!',
      'How long does a refund take?',
    ]);
  });

  it('marks the reply unanswered when the model says it has no answer', async () => {
    mode = 'no-answer';
    const answer = await responder().respond(request('Can I pay with Bitcoin?'));
    expect(answer).toMatchObject({
      passages: [],
      unansweredQuestion: 'Can I pay with Bitcoin?',
      confidence: 0,
    });
  });

  it('marks a factual question answered without a citation unanswered', async () => {
    mode = 'no-citation';
    const answer = await responder().respond(request('How long does a refund take?'));
    expect(answer.text).toBe('Usually about a week.');
    expect(answer.unansweredQuestion).toBe('How long does a refund take?');
  });

  it('ignores cited ids that were not among the passages', async () => {
    mode = 'invented-id';
    const answer = await responder().respond(request('How long does a refund take?'));
    expect(answer).toMatchObject({
      passages: [],
      unansweredQuestion: 'How long does a refund take?',
    });
  });

  it('lets the offline responder answer when the model answers something that is not JSON', async () => {
    mode = 'garbage';
    const answer = await responder().respond(request('How long does a refund take?'));
    expect(answer.text).toBe(refunds.text);
    expect(answer.passages).toEqual([refunds]);
    expect(warnings).toEqual(['model answer failed; the offline responder answered instead']);
  });

  it('lets the offline responder answer when the model is too slow', async () => {
    mode = 'slow';
    const answer = await responder(300).respond(request('Can I pay with Bitcoin?'));
    expect(answer.text).toMatch(/passed your question on to the team/);
    expect(answer.unansweredQuestion).toBe('Can I pay with Bitcoin?');
    expect(warnings).toHaveLength(1);
  });
});
