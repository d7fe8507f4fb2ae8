import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssistant, createWorkspace } from '../commands/workspaces.js';
import { insertKnowledgeSource, replaceChunks, searchChunks } from '../store/knowledge.js';
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

  it('ranks exactly like scoring every configuration on every match', async () => {
    const subjects = ['order', 'parcel', 'refund', 'gift card', 'tent'];
    const verbs = ['ships', 'is refunded', 'arrives', 'is repaired'];
    for (let index = 0; index < 6; index++) {
      const german = index % 3 === 0;
      await addSource(
        assistantId,
        `Policy ${index}`,
        german ? 'german' : 'english',
        Array.from({ length: 8 }, (_, section) => ({
          heading: `Section ${section}`,
          text: german
            ? `Die Bestellung wird in ${section + 1} Tagen versendet; Rücksendungen sind kostenlos.`
            : `The ${subjects[(index + section) % 5]} ${verbs[section % 4]} after ${section * 10} days. The ${subjects[section % 5]} ${verbs[(index * section) % 4]}.`,
        })),
      );
    }
    // Either order: which configuration's rank is skipped depends on it, the result must not.
    for (const configs of [
      ['english', 'german', 'simple'],
      ['simple', 'german', 'english'],
    ]) {
      for (const question of [
        'Is the gift card refunded after 30 days?',
        'How long does a refund take?',
        'Wann wird die Bestellung versendet?',
        'parcel',
      ]) {
        const found = await searchChunks(
          store.db,
          { workspaceId, assistantId },
          question,
          configs,
          20,
        );
        expect(found.length).toBeGreaterThan(0);
        expect(found.map(({ id, rank }) => ({ id, rank }))).toEqual(
          await everyConfigurationOnEveryMatch(question, configs, 20),
        );
      }
    }
  });

  it('keeps the planner statistics current after indexing', async () => {
    const { rows } = await sql<{ planned: number; chunks: number }>`
      SELECT reltuples::float8 AS planned,
        (SELECT count(*)::float8 FROM knowledge_chunks) AS chunks
      FROM pg_class WHERE oid = 'knowledge_chunks'::regclass`.execute(store.db);
    const row = rows[0];
    expect(row?.planned).toBeGreaterThan(0);
    expect(Math.abs((row?.planned ?? 0) - (row?.chunks ?? 0))).toBeLessThanOrEqual(
      50 + 0.1 * (row?.planned ?? 0),
    );
  });

  /** The straightforward form of the search: every configuration's rank on every match. */
  async function everyConfigurationOnEveryMatch(
    question: string,
    configs: string[],
    limit: number,
  ): Promise<{ id: string; rank: number }[]> {
    const any = (config: string) =>
      sql`NULLIF(replace(plainto_tsquery(${config}::regconfig, ${question})::text, ' & ', ' | '), '')::tsquery`;
    const all = (config: string) => sql`plainto_tsquery(${config}::regconfig, ${question})`;
    const ranks = (configs: string[]) =>
      sql.join(
        configs.map(
          (config) =>
            sql`ts_rank_cd(c.search, ${any(config)}, 1) + CASE WHEN c.search @@ ${all(config)} THEN 0.5 ELSE 0 END`,
        ),
        sql`, `,
      );
    const { rows } = await sql<{ id: string; rank: number }>`
      SELECT c.id, GREATEST(${ranks(configs)}) AS rank FROM knowledge_chunks c JOIN knowledge_sources s ON s.id = c.source_id
      WHERE c.workspace_id = ${workspaceId} AND s.status = 'ready'
        AND (c.assistant_id = ${assistantId} OR c.assistant_id IS NULL)
        AND (${sql.join(
          configs.map((config) => sql`c.search @@ ${any(config)}`),
          sql` OR `,
        )})
      ORDER BY rank DESC, c.id
      LIMIT ${limit}`.execute(store.db);
    return rows.map(({ id, rank }) => ({ id, rank }));
  }
});
