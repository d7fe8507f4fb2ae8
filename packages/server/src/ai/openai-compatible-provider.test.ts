import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RetryableJobError } from '../jobs/runner.js';
import { OpenAiCompatibleProvider } from './openai-compatible-provider.js';
import type { ReplyRequest } from './provider.js';

/** A local stand-in of an OpenAI-compatible endpoint, answering the documented shapes. */
let server: Server;
let baseUrl: string;
const received: {
  authorization?: string;
  body: {
    model: string;
    temperature?: number;
    messages: { role: string; content: string }[];
    input?: string[];
  };
}[] = [];
let nextStatus = 200;

async function readJson(request: IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const body = await readJson(request);
    received.push({ authorization: request.headers.authorization, body });
    if (request.url?.endsWith('/embeddings')) {
      const input = body.input as string[];
      // Reversed on purpose: clients must order vectors by `index`.
      const data = input
        .map((text, index) => ({ object: 'embedding', index, embedding: [text.length, index] }))
        .reverse();
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ object: 'list', data, model: body.model }));
      return;
    }
    if (nextStatus !== 200) {
      response.writeHead(nextStatus, { 'content-type': 'application/json', 'retry-after': '3' });
      response.end(
        JSON.stringify({ error: { message: 'Rate limit reached', type: 'rate_limit_error' } }),
      );
      return;
    }
    const last = body.messages.at(-1)?.content ?? '';
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        id: 'chatcmpl-1',
        object: 'chat.completion',
        model: body.model,
        choices: [
          {
            index: 0,
            finish_reason: 'stop',
            message: { role: 'assistant', content: `You asked: ${last}` },
          },
        ],
        usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  received.length = 0;
  nextStatus = 200;
});

const request: ReplyRequest = {
  assistant: {
    name: 'Ava',
    instructions: 'We sell outdoor gear. Shipping is free over 50 EUR.',
    greeting: 'Hi!',
  },
  turns: [
    { role: 'user', content: 'Hello' },
    { role: 'assistant', content: 'Hi! How can I help?' },
    { role: 'user', content: 'Is shipping free?' },
  ],
};

describe('OpenAI-compatible provider', () => {
  it('sends the assistant instructions as the system message, then the conversation', async () => {
    const provider = new OpenAiCompatibleProvider({
      baseUrl,
      model: 'gpt-test',
      apiKey: 'sk-test',
    });
    expect(await provider.reply(request)).toBe('You asked: Is shipping free?');
    const [call] = received;
    expect(call?.authorization).toBe('Bearer sk-test');
    expect(call?.body.model).toBe('gpt-test');
    expect(call?.body.messages[0]?.role).toBe('system');
    expect(call?.body.messages[0]?.content).toContain('Shipping is free over 50 EUR.');
    expect(call?.body.messages.slice(1)).toEqual(request.turns);
  });

  it("uses the assistant's own model and temperature when it has them", async () => {
    const provider = new OpenAiCompatibleProvider({ baseUrl, model: 'gpt-test' });
    await provider.reply({ ...request, model: { name: 'gpt-other', temperature: 0.2 } });
    await provider.reply({ ...request, model: { temperature: 0 } });
    await provider.reply(request);
    expect(received.map((call) => [call.body.model, call.body.temperature])).toEqual([
      ['gpt-other', 0.2],
      ['gpt-test', 0],
      ['gpt-test', undefined],
    ]);
  });

  it('asks for a retry on rate limits, honouring Retry-After', async () => {
    nextStatus = 429;
    const provider = new OpenAiCompatibleProvider({ baseUrl, model: 'gpt-test' });
    const attempt = provider.reply(request);
    await expect(attempt).rejects.toBeInstanceOf(RetryableJobError);
    await expect(attempt).rejects.toMatchObject({ retryAfterMs: 3000 });
  });

  it('embeds texts with the embeddings model, one vector per text in order', async () => {
    const provider = new OpenAiCompatibleProvider({
      baseUrl,
      model: 'gpt-test',
      embeddingModel: 'embed-test',
    });
    expect(await provider.embed?.(['a', 'bbb'])).toEqual([
      [1, 0],
      [3, 1],
    ]);
    expect(received[0]?.body).toEqual({ model: 'embed-test', input: ['a', 'bbb'] });
  });

  it('offers no embeddings without an embeddings model', () => {
    expect(new OpenAiCompatibleProvider({ baseUrl, model: 'gpt-test' }).embed).toBeUndefined();
  });

  it('fails plainly on a refused request', async () => {
    nextStatus = 400;
    const provider = new OpenAiCompatibleProvider({ baseUrl, model: 'gpt-test' });
    await expect(provider.reply(request)).rejects.toThrow(/refused the request \(400\)/);
  });
});
