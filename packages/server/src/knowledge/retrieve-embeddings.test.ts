/**
 * Hybrid retrieval with real embeddings over HTTP: a local OpenAI-compatible stand-in answers
 * `/embeddings` with deterministic topic vectors, so a question that shares no word with its
 * passage is still found through similarity, fused with full-text search.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenAiCompatibleProvider } from '../ai/openai-compatible-provider.js';
import { createAssistant, createWorkspace } from '../commands/workspaces.js';
import { insertKnowledgeSource, replaceChunks } from '../store/knowledge.js';
import { openTestStore, type TestStore } from '../test-support/db.js';
import { retrieve } from './retrieve.js';

/** One dimension per topic; a text points along the topics its words belong to. */
const TOPICS = [/refund|reimburs|money back/i, /ship|deliver|parcel/i, /open|hours|closed/i];

function topicVector(text: string): number[] {
  return TOPICS.map((topic) => (topic.test(text) ? 1 : 0.05));
}

async function readJson(request: IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

let server: Server;
let provider: OpenAiCompatibleProvider;
let store: TestStore;
let scope: { workspaceId: string; assistantId: string };
let embedded = 0;

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const body = (await readJson(request)) as { input: string[] };
    embedded += body.input.length;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        data: body.input.map((text, index) => ({ index, embedding: topicVector(text) })),
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  provider = new OpenAiCompatibleProvider({
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    model: 'chat-test',
    embeddingModel: 'embed-test',
  });
  store = await openTestStore('pglite');
  const { workspace } = await createWorkspace(store.db, {
    name: 'Shop',
    admin: { email: 'embed@test.local', name: 'A', password: 'orbit-kettle-42' },
  });
  const assistant = await createAssistant(store.db, workspace.id, { name: 'Shop bot' });
  scope = { workspaceId: workspace.id, assistantId: assistant.id };
  const source = await insertKnowledgeSource(store.db, {
    ...scope,
    kind: 'article',
    title: 'Policies',
  });
  const texts = [
    'Refunds reach your account within 5 working days.',
    'We ship within two business days.',
    'The shop is open Monday to Friday.',
  ];
  const vectors = (await provider.embed?.(texts)) ?? [];
  await replaceChunks(
    store.db,
    source,
    'english',
    texts.map((text, position) => ({
      position,
      heading: null,
      text,
      question: null,
      embedding: vectors[position] ?? null,
    })),
  );
});

afterAll(async () => {
  await store?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('hybrid retrieval with embeddings', () => {
  it('finds a passage that shares no word with the question through its embedding', async () => {
    const question = 'When do I get reimbursed?';
    expect(await retrieve(store.db, { ...scope, question })).toEqual([]);
    const before = embedded;
    const passages = await retrieve(store.db, { ...scope, question }, { provider });
    expect(embedded).toBe(before + 1);
    expect(passages[0]?.text).toMatch(/^Refunds reach/);
  });

  it('ranks a passage both rankings agree on above one only similarity finds', async () => {
    const passages = await retrieve(
      store.db,
      { ...scope, question: 'Is the shop open on Saturday?' },
      { provider },
    );
    expect(passages[0]?.text).toMatch(/^The shop is open/);
    expect(passages.length).toBeGreaterThan(1);
  });
});
