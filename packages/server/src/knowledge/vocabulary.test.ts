import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssistant, createWorkspace } from '../commands/workspaces.js';
import {
  deleteKnowledgeSource,
  insertKnowledgeSource,
  replaceChunks,
  updateKnowledgeSource,
} from '../store/knowledge.js';
import { openStore, type Store } from '../store/store.js';
import { BACKENDS, createTestDatabase, openTestStore, type TestStore } from '../test-support/db.js';
import { knowledgeVocabulary } from './vocabulary.js';

type Scope = { workspaceId: string; assistantId: string };

async function addSource(store: Pick<Store, 'db'>, scope: Scope, texts: string[], title = 'Shop') {
  const source = await insertKnowledgeSource(store.db, { ...scope, kind: 'article', title });
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
  return source;
}

async function shop(store: Pick<Store, 'db'>, email: string): Promise<Scope> {
  const { workspace } = await createWorkspace(store.db, {
    name: 'Shop',
    admin: { email, name: 'A', password: 'orbit-kettle-42' },
  });
  const assistant = await createAssistant(store.db, workspace.id, { name: 'Bot' });
  const scope = { workspaceId: workspace.id, assistantId: assistant.id };
  await addSource(store, scope, [
    'Your order ships in two days.',
    'Cancel an order before it ships.',
    'Klarna invoices.',
  ]);
  return scope;
}

describe.each(BACKENDS)('knowledge vocabulary on %s', (backend) => {
  let store: TestStore;
  let scope: Scope;

  beforeAll(async () => {
    store = await openTestStore(backend);
    scope = await shop(store, `vocab-${backend}@test.local`);
  });

  afterAll(() => store?.dispose());

  it('weighs the words of the assistant’s knowledge base by how rare they are in it', async () => {
    const weigh = await knowledgeVocabulary(store.db)(scope);
    expect(weigh('klarna')).toBeGreaterThan(weigh('order'));
    // Counted: a word it uses once weighs less than one it never uses.
    expect(weigh('klarna')).toBeLessThan(weigh('zebra'));
  });

  it('counts again when the chunks change', async () => {
    const vocabulary = knowledgeVocabulary(store.db);
    const before = (await vocabulary(scope))('bitcoin');
    await addSource(store, scope, [
      'Bitcoin is not accepted.',
      'Bitcoin refunds go to the wallet.',
    ]);
    expect((await vocabulary(scope))('bitcoin')).toBeLessThan(before);
  });

  it('counts again when a source is retitled, taken out of the index or deleted', async () => {
    const vocabulary = knowledgeVocabulary(store.db);
    const source = await addSource(
      store,
      scope,
      ['Gift wrapping costs extra.', 'Wrapping paper is recycled.'],
      'Wrapping',
    );
    const before = (await vocabulary(scope))('paypal');
    await updateKnowledgeSource(store.db, scope.workspaceId, source.id, { title: 'PayPal' });
    const retitled = (await vocabulary(scope))('paypal');
    expect(retitled).toBeLessThan(before);
    await sql`UPDATE knowledge_sources SET status = 'indexing' WHERE id = ${source.id}`.execute(
      store.db,
    );
    expect((await vocabulary(scope))('paypal')).toBeGreaterThan(retitled);
    await sql`UPDATE knowledge_sources SET status = 'ready' WHERE id = ${source.id}`.execute(
      store.db,
    );
    expect((await vocabulary(scope))('paypal')).toBe(retitled);
    await deleteKnowledgeSource(store.db, scope.workspaceId, source.id);
    expect((await vocabulary(scope))('paypal')).toBeGreaterThan(retitled);
  });

  it('leaves a workspace with a knowledge base deletable', async () => {
    const other = await shop(store, `vocab-gone-${backend}@test.local`);
    await sql`DELETE FROM workspaces WHERE id = ${other.workspaceId}`.execute(store.db);
    const left = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM knowledge_versions WHERE workspace_id = ${other.workspaceId}`.execute(
      store.db,
    );
    expect(left.rows[0]?.n).toBe(0);
  });
});

describe('knowledge vocabulary across server instances sharing PostgreSQL', () => {
  let drop: () => Promise<void>;
  let first: Store;
  let second: Store;

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    first = await openStore({ databaseUrl: database.databaseUrl, poolSize: 2, log: () => {} });
    second = await openStore({ databaseUrl: database.databaseUrl, poolSize: 2, log: () => {} });
  });

  afterAll(async () => {
    await first?.close();
    await second?.close();
    await drop?.();
  });

  it('counts again when another instance indexed new chunks', async () => {
    const scope = await shop(first, 'vocab-instances@test.local');
    const vocabulary = knowledgeVocabulary(first.db);
    const before = (await vocabulary(scope))('bitcoin');
    await addSource(second, scope, ['Bitcoin is not accepted.']);
    expect((await vocabulary(scope))('bitcoin')).toBeLessThan(before);
  });
});
