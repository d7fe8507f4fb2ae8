import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssistant, createWorkspace } from '../commands/workspaces.js';
import { insertKnowledgeSource, replaceChunks } from '../store/knowledge.js';
import { BACKENDS, openTestStore, type TestStore } from '../test-support/db.js';
import { retrieve } from './retrieve.js';

describe.each(BACKENDS)('retrieval on %s', (backend) => {
  let store: TestStore;
  let workspaceId: string;
  let assistantId: string;
  let otherAssistantId: string;

  async function addSource(
    assistant: string | null,
    title: string,
    language: string,
    chunks: { heading?: string; text: string; question?: string }[],
  ) {
    const source = await insertKnowledgeSource(store.db, {
      workspaceId,
      assistantId: assistant,
      kind: 'article',
      title,
    });
    await replaceChunks(
      store.db,
      source,
      language,
      chunks.map((chunk, position) => ({
        position,
        heading: chunk.heading ?? null,
        text: chunk.text,
        question: chunk.question ?? null,
        embedding: null,
      })),
    );
    return source;
  }

  beforeAll(async () => {
    store = await openTestStore(backend);
    const { workspace } = await createWorkspace(store.db, {
      name: 'Shop',
      admin: { email: `kb-${backend}@test.local`, name: 'A', password: 'orbit-kettle-42' },
    });
    workspaceId = workspace.id;
    assistantId = (await createAssistant(store.db, workspaceId, { name: 'Shop bot' })).id;
    otherAssistantId = (await createAssistant(store.db, workspaceId, { name: 'Other' })).id;
    await addSource(assistantId, 'Shipping', 'english', [
      {
        heading: 'Delivery times',
        text: 'Orders ship within two business days. Delivery takes 3-5 days.',
      },
      {
        heading: 'Costs',
        text: 'Shipping is free for orders over 50 euros; otherwise it costs 4.90.',
      },
    ]);
    await addSource(null, 'Returns', 'english', [
      {
        question: 'Can I return an item?',
        text: 'Yes, you can return unworn items within 30 days for a full refund.',
      },
    ]);
    await addSource(null, 'Versand', 'german', [
      {
        heading: 'Lieferzeit',
        text: 'Die Lieferung dauert in Deutschland zwei bis drei Werktage.',
      },
    ]);
    await addSource(otherAssistantId, 'Secret', 'english', [
      { text: 'Shipping to the moon costs a fortune.' },
    ]);
  });

  afterAll(async () => {
    await store.dispose();
  });

  it('ranks the passage that answers a paraphrase first', async () => {
    const passages = await retrieve(store.db, {
      workspaceId,
      assistantId,
      question: 'How much does shipping cost?',
    });
    expect(passages[0]).toMatchObject({ title: 'Shipping', heading: 'Costs' });
    expect(passages[0]?.score).toBeGreaterThan(0);
  });

  it('matches stems and shared sources, and Q&A questions', async () => {
    const passages = await retrieve(store.db, {
      workspaceId,
      assistantId,
      question: 'returning my shoes?',
    });
    expect(passages[0]).toMatchObject({ title: 'Returns', question: 'Can I return an item?' });
  });

  it('searches German sources in German', async () => {
    const passages = await retrieve(store.db, {
      workspaceId,
      assistantId,
      question: 'Wie lange dauert die Lieferung?',
    });
    expect(passages[0]?.title).toBe('Versand');
  });

  it("never returns another assistant's sources", async () => {
    const passages = await retrieve(store.db, {
      workspaceId,
      assistantId,
      question: 'shipping moon fortune',
      limit: 10,
    });
    expect(passages.map((passage) => passage.title)).not.toContain('Secret');
  });

  it('returns nothing for a question without matching words', async () => {
    expect(await retrieve(store.db, { workspaceId, assistantId, question: 'the and of' })).toEqual(
      [],
    );
  });
});
