import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssistant, createWorkspace } from '../commands/workspaces.js';
import { insertKnowledgeSource, replaceChunks } from '../store/knowledge.js';
import { openTestStore, type TestStore } from '../test-support/db.js';
import { knowledgeVocabulary } from './vocabulary.js';

describe('knowledge vocabulary', () => {
  let store: TestStore;
  let scope: { workspaceId: string; assistantId: string };

  async function addSource(texts: string[]) {
    const source = await insertKnowledgeSource(store.db, {
      ...scope,
      kind: 'article',
      title: 'Shop',
    });
    await replaceChunks(
      store.db,
      source,
      'english',
      texts.map((text, position) => ({
        position,
        heading: null,
        text,
        question: null,
        embedding: null,
      })),
    );
  }

  beforeAll(async () => {
    store = await openTestStore('pglite');
    const { workspace } = await createWorkspace(store.db, {
      name: 'Shop',
      admin: { email: 'vocab@test.local', name: 'A', password: 'orbit-kettle-42' },
    });
    const assistant = await createAssistant(store.db, workspace.id, { name: 'Bot' });
    scope = { workspaceId: workspace.id, assistantId: assistant.id };
    await addSource([
      'Your order ships in two days.',
      'Cancel an order before it ships.',
      'Klarna invoices.',
    ]);
  });

  afterAll(() => store?.close());

  it('weighs the words of the assistant’s knowledge base by how rare they are in it', async () => {
    const weigh = await knowledgeVocabulary(store.db)(scope);
    expect(weigh('klarna')).toBeGreaterThan(weigh('order'));
    // Counted: a word it uses once weighs less than one it never uses.
    expect(weigh('klarna')).toBeLessThan(weigh('zebra'));
  });

  it('counts again when the chunks change', async () => {
    const vocabulary = knowledgeVocabulary(store.db);
    const before = (await vocabulary(scope))('bitcoin');
    await addSource(['Bitcoin is not accepted.', 'Bitcoin refunds go to the wallet.']);
    expect((await vocabulary(scope))('bitcoin')).toBeLessThan(before);
  });
});
