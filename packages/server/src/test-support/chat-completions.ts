/** Pieces of a local OpenAI-compatible stand-in: read a request's JSON, answer a completion. */
import type { IncomingMessage, ServerResponse } from 'node:http';

export async function readJson(request: IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** A `chat.completion` whose message says `content`. */
export function answerCompletion(response: ServerResponse, content: string) {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(
    JSON.stringify({
      id: 'chatcmpl-1',
      object: 'chat.completion',
      choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }],
    }),
  );
}
