/** The knowledge base in the database: sources, their chunks and full-text search over them. */
import { sql } from 'kysely';
import type {
  KnowledgeChunkRow,
  KnowledgeSourceKind,
  KnowledgeSourceRow,
  KnowledgeSourceStatus,
} from './schema.js';
import type { Db } from './store.js';

export interface NewKnowledgeSource {
  workspaceId: string;
  assistantId: string | null;
  kind: KnowledgeSourceKind;
  title: string;
  body?: string;
  question?: string | null;
  url?: string | null;
  fileName?: string | null;
  mimeType?: string | null;
  fileSize?: number | null;
}

export async function insertKnowledgeSource(
  db: Db,
  source: NewKnowledgeSource,
): Promise<KnowledgeSourceRow> {
  return db
    .insertInto('knowledge_sources')
    .values({
      workspace_id: source.workspaceId,
      assistant_id: source.assistantId,
      kind: source.kind,
      title: source.title,
      body: source.body ?? '',
      question: source.question ?? null,
      url: source.url ?? null,
      file_name: source.fileName ?? null,
      mime_type: source.mimeType ?? null,
      file_size: source.fileSize ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listKnowledgeSources(
  db: Db,
  workspaceId: string,
  assistantId?: string,
): Promise<KnowledgeSourceRow[]> {
  let query = db
    .selectFrom('knowledge_sources')
    .selectAll()
    .where('workspace_id', '=', workspaceId);
  if (assistantId) {
    query = query.where((eb) =>
      eb.or([eb('assistant_id', '=', assistantId), eb('assistant_id', 'is', null)]),
    );
  }
  return query.orderBy('created_at', 'desc').orderBy('id').execute();
}

export async function loadKnowledgeSource(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<KnowledgeSourceRow | undefined> {
  return db
    .selectFrom('knowledge_sources')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface KnowledgeSourceChanges {
  title?: string;
  body?: string;
  question?: string | null;
  assistantId?: string | null;
}

export async function updateKnowledgeSource(
  db: Db,
  workspaceId: string,
  id: string,
  changes: KnowledgeSourceChanges,
): Promise<KnowledgeSourceRow | undefined> {
  return db
    .updateTable('knowledge_sources')
    .set({
      ...(changes.title !== undefined ? { title: changes.title } : {}),
      ...(changes.body !== undefined ? { body: changes.body } : {}),
      ...(changes.question !== undefined ? { question: changes.question } : {}),
      ...(changes.assistantId !== undefined ? { assistant_id: changes.assistantId } : {}),
      updated_at: sql`now()`,
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteKnowledgeSource(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<boolean> {
  const deleted = await db
    .deleteFrom('knowledge_sources')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return deleted.numDeletedRows > 0n;
}

export async function markKnowledgeSource(
  db: Db,
  id: string,
  status: KnowledgeSourceStatus,
  error: string | null = null,
): Promise<void> {
  await db
    .updateTable('knowledge_sources')
    .set({ status, error, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

/** Stores what a web page or file turned into, before chunking. */
export async function saveExtractedBody(
  db: Db,
  id: string,
  fields: { body: string; title?: string },
): Promise<void> {
  await db
    .updateTable('knowledge_sources')
    .set({ body: fields.body, ...(fields.title ? { title: fields.title } : {}) })
    .where('id', '=', id)
    .execute();
}

/** Chunks per INSERT statement: 13 bound parameters each. */
const INSERT_BATCH = 500;

export interface NewChunk {
  position: number;
  heading: string | null;
  text: string;
  question: string | null;
  embedding: number[] | null;
}

/** Swaps a source's chunks for new ones and marks it ready, in one transaction, so retrieval
 * never sees half an index. Headings and questions weigh more (A) than body text (B). */
export async function replaceChunks(
  db: Db,
  source: Pick<KnowledgeSourceRow, 'id' | 'workspace_id' | 'assistant_id'>,
  language: string,
  chunks: NewChunk[],
): Promise<void> {
  const config = sql`${language}::regconfig`;
  const rows = chunks.map((chunk) => ({
    workspace_id: source.workspace_id,
    source_id: source.id,
    assistant_id: source.assistant_id,
    position: chunk.position,
    heading: chunk.heading,
    text: chunk.text,
    question: chunk.question,
    language,
    search: sql<string>`setweight(to_tsvector(${config}, ${`${chunk.heading ?? ''} ${chunk.question ?? ''}`}), 'A') || setweight(to_tsvector(${config}, ${chunk.text}), 'B')`,
    embedding: chunk.embedding ? JSON.stringify(chunk.embedding) : null,
  }));
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('knowledge_chunks').where('source_id', '=', source.id).execute();
    // Many rows per statement (a round trip each is what made indexing slow), few enough
    // that the bound parameters stay far below PostgreSQL's limit of 65,535.
    for (let start = 0; start < rows.length; start += INSERT_BATCH) {
      await trx
        .insertInto('knowledge_chunks')
        .values(rows.slice(start, start + INSERT_BATCH))
        .execute();
    }
    await trx
      .updateTable('knowledge_sources')
      .set({
        status: 'ready',
        error: null,
        language,
        chunk_count: chunks.length,
        indexed_at: sql`now()`,
        updated_at: sql`now()`,
      })
      .where('id', '=', source.id)
      .execute();
  });
  await keepChunkStatisticsCurrent(db);
}

/**
 * Re-gathers the planner's statistics on the knowledge tables once they have grown or shrunk
 * by a tenth (the rule PostgreSQL's autovacuum uses). PGlite has no autovacuum, and PostgreSQL's
 * runs up to a minute late; without current statistics the planner takes a freshly indexed
 * table for empty and joins chunks to sources in a nested loop, ten times slower (BENCHMARKS.md).
 * The indexed total is judged from the sources' chunk counts: a few hundred rows, not the chunks.
 */
async function keepChunkStatisticsCurrent(db: Db): Promise<void> {
  const { rows } = await sql<{ planned: number; indexed: number }>`
    SELECT reltuples::float8 AS planned,
      (SELECT coalesce(sum(chunk_count), 0)::float8 FROM knowledge_sources) AS indexed
    FROM pg_class WHERE oid = 'knowledge_chunks'::regclass`.execute(db);
  const row = rows[0];
  if (!row) return;
  // reltuples is -1 until the first ANALYZE.
  const planned = Math.max(row.planned, 0);
  if (row.planned >= 0 && Math.abs(row.indexed - planned) <= 50 + 0.1 * planned) return;
  await sql`ANALYZE knowledge_chunks, knowledge_sources`.execute(db);
}

/** Chunks an assistant may answer from: its own sources' and the shared ones. */
function scoped(db: Db, workspaceId: string, assistantId: string) {
  return db
    .selectFrom('knowledge_chunks as c')
    .innerJoin('knowledge_sources as s', 's.id', 'c.source_id')
    .where('c.workspace_id', '=', workspaceId)
    .where((eb) =>
      eb.or([eb('c.assistant_id', '=', assistantId), eb('c.assistant_id', 'is', null)]),
    )
    .where('s.status', '=', 'ready');
}

/** The languages of the chunks an assistant may answer from, read from their sources (a
 * source's chunks all have its language) rather than from every chunk. */
export async function chunkLanguages(
  db: Db,
  workspaceId: string,
  assistantId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('knowledge_sources as s')
    .select('s.language')
    .distinct()
    .where('s.workspace_id', '=', workspaceId)
    .where('s.status', '=', 'ready')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('knowledge_chunks as c')
          .select(sql`1`.as('one'))
          .whereRef('c.source_id', '=', 's.id')
          .where((eb) =>
            eb.or([eb('c.assistant_id', '=', assistantId), eb('c.assistant_id', 'is', null)]),
          ),
      ),
    )
    .execute();
  return rows.map((row) => row.language);
}

export type ScopedChunk = Pick<
  KnowledgeChunkRow,
  'id' | 'source_id' | 'heading' | 'text' | 'question'
> & { title: string; url: string | null };

export interface RankedChunk extends ScopedChunk {
  rank: number;
}

/**
 * Full-text matches, best first. For each text search configuration in use, the question
 * becomes an OR of its normalized words (stopwords dropped, stemmed by that configuration), so
 * a paraphrase sharing some words still matches; chunks holding all words rank higher. A chunk
 * ranks by its best configuration.
 *
 * Every match has to be ranked (the cost grows with the matches, not the limit), so ranks that
 * cannot be a chunk's best are not computed: a configuration that does not match it would rank
 * it 0, and one whose matching words in it are all words of an earlier configuration's query
 * too is outranked by that one (see `outranked`). The result is the same as ranking by every
 * configuration (retrieve.test.ts compares the two).
 */
export async function searchChunks(
  db: Db,
  scope: { workspaceId: string; assistantId: string },
  question: string,
  configs: string[],
  limit: number,
): Promise<RankedChunk[]> {
  if (configs.length === 0) return [];
  const words = await queryWords(db, question, configs);
  const counted = configs.flatMap((config, index) => {
    const unless = outranked(words, index);
    if (unless === 'always') return [];
    const all = sql`plainto_tsquery(${config}::regconfig, ${question})`;
    const any = sql`NULLIF(replace(${all}::text, ' & ', ' | '), '')::tsquery`;
    return [{ all, any, outranked: unless }];
  });
  const matches = sql.join(
    counted.map(({ any }) => sql`c.search @@ ${any}`),
    sql` OR `,
  );
  const rank = sql.join(
    counted.map(({ all, any, outranked }) => {
      const unless = outranked.map(
        (others) => sql` AND c.search @@ ${others.join(' | ')}::tsquery`,
      );
      return sql`CASE WHEN c.search @@ ${any}${sql.join(unless, sql``)} THEN ts_rank_cd(c.search, ${any}, 1) + CASE WHEN c.search @@ ${all} THEN 0.5::float8 ELSE 0::float8 END ELSE 0::float8 END`;
    }),
    sql`, `,
  );
  const rankExpr = counted.length === 1 ? rank : sql`GREATEST(${rank})`;
  return (
    scoped(db, scope.workspaceId, scope.assistantId)
      .select([
        'c.id',
        'c.source_id',
        'c.heading',
        'c.text',
        'c.question',
        's.title',
        's.url',
        sql<number>`${rankExpr}`.as('rank'),
      ])
      .where(sql<boolean>`(${matches})`)
      .orderBy('rank', 'desc')
      // Ties go to the older source's earlier section, so the same question always gets the same
      // passages (ids are random).
      .orderBy('s.created_at')
      .orderBy('c.position')
      .orderBy('c.id')
      .limit(limit)
      .execute()
  );
}

/** Each configuration's query words as PostgreSQL prints them ('word' quoted, joined by ' & '),
 * or null when its query has anything else in it (then it is always ranked). */
async function queryWords(
  db: Db,
  question: string,
  configs: string[],
): Promise<(Set<string> | null)[]> {
  const columns = configs.map(
    (config, index) =>
      sql`plainto_tsquery(${config}::regconfig, ${question})::text AS ${sql.ref(`q${index}`)}`,
  );
  const { rows } = await sql<Record<string, string>>`SELECT ${sql.join(columns)}`.execute(db);
  return configs.map((_, index) => {
    const text = rows[0]?.[`q${index}`] ?? '';
    if (!text) return new Set();
    const words = text.split(' & ');
    return words.every((word) => /^'(?:[^'\\]|''|\\.)+'$/.test(word)) ? new Set(words) : null;
  });
}

/**
 * When configuration `index` cannot give a chunk its best rank: `'always'` when an earlier
 * configuration has the very same query words, else one list of words per earlier
 * configuration whose query lacks some of this one's — the rank is needed only when the chunk
 * holds one of each list. Why: with an OR of words every match of ts_rank_cd's is a single
 * position, so the rank sums the weights of the positions matched (normalized by the same
 * length); if the chunk holds none of the words only this query has, its matched positions
 * are a subset of the earlier query's, and it cannot hold all this query's words (the 0.5
 * bonus) either. An earlier configuration that is itself skipped is outranked by an even
 * earlier one, so the best rank is always computed.
 */
function outranked(words: (Set<string> | null)[], index: number): string[][] | 'always' {
  const own = words[index];
  if (!own) return [];
  const lists: string[][] = [];
  for (const earlier of words.slice(0, index)) {
    if (!earlier) continue;
    const extra = [...own].filter((word) => !earlier.has(word));
    if (extra.length > 0) lists.push(extra);
    else if (earlier.size === own.size) return 'always';
  }
  return lists;
}

/** Every embedded chunk in scope, for ranking by similarity in memory. */
export async function embeddedChunks(
  db: Db,
  scope: { workspaceId: string; assistantId: string },
): Promise<(ScopedChunk & { embedding: number[] })[]> {
  const rows = await scoped(db, scope.workspaceId, scope.assistantId)
    .select([
      'c.id',
      'c.source_id',
      'c.heading',
      'c.text',
      'c.question',
      's.title',
      's.url',
      'c.embedding',
    ])
    .where('c.embedding', 'is not', null)
    .execute();
  return rows.flatMap((row) => (row.embedding ? [{ ...row, embedding: row.embedding }] : []));
}

export async function loadKnowledgeSourceById(
  db: Db,
  id: string,
): Promise<KnowledgeSourceRow | undefined> {
  return db.selectFrom('knowledge_sources').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every chunk's words in scope (title, heading, question, text), for the knowledge base's word
 * statistics. */
export async function chunkWords(
  db: Db,
  scope: { workspaceId: string; assistantId: string },
): Promise<string[]> {
  const rows = await scoped(db, scope.workspaceId, scope.assistantId)
    .select(['s.title', 'c.heading', 'c.question', 'c.text'])
    .execute();
  return rows.map((row) => [row.title, row.heading ?? '', row.question ?? '', row.text].join('\n'));
}

/** Moves whenever a chunk of the workspace is added, replaced or removed, or its source
 * changes (see migration 0013): one primary-key read. */
export async function knowledgeVersion(db: Db, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom('knowledge_versions')
    .select('version')
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  return Number(row?.version ?? 0);
}
