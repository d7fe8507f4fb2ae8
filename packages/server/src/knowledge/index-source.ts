/**
 * Indexing a knowledge source, as a durable job: (re)fetch a web page, chunk the text by its
 * structure, detect its language for full-text search, embed the chunks when the provider can,
 * and swap the chunks in. The source shows `indexing` until then, `failed` with why after.
 */
import type { ModelProvider } from '../ai/provider.js';
import type { Logger } from '../context.js';
import { enqueueJob } from '../jobs/queue.js';
import { AppError } from '../lib/errors.js';
import {
  loadKnowledgeSourceById,
  markKnowledgeSource,
  type NewChunk,
  replaceChunks,
  saveExtractedBody,
} from '../store/knowledge.js';
import type { KnowledgeSourceRow } from '../store/schema.js';
import type { Db } from '../store/store.js';
import { chunkDocument } from './chunk.js';
import { fetchPage } from './fetch-page.js';
import { searchConfigFor } from './language.js';

export const KNOWLEDGE_INDEX_JOB = 'knowledge.index';

export interface IndexDeps {
  db: Db;
  provider: ModelProvider;
  log: Logger;
  allowPrivateUrls: boolean;
}

/** Marks the source `indexing` and queues its (re)indexing; repeated requests collapse. */
export async function scheduleIndexing(
  db: Db,
  source: Pick<KnowledgeSourceRow, 'id' | 'workspace_id'>,
): Promise<void> {
  await markKnowledgeSource(db, source.id, 'indexing');
  await enqueueJob(db, {
    workspaceId: source.workspace_id,
    kind: KNOWLEDGE_INDEX_JOB,
    payload: { sourceId: source.id },
    dedupeKey: `knowledge-index:${source.id}`,
  });
}

function chunksOf(
  source: KnowledgeSourceRow,
): { heading: string | null; text: string; question: string | null }[] {
  if (source.kind === 'qa') {
    return [{ heading: null, text: source.body.trim(), question: source.question?.trim() || null }];
  }
  return chunkDocument(source.body).map((chunk) => ({ ...chunk, question: null }));
}

async function embeddings(deps: IndexDeps, texts: string[]): Promise<(number[] | null)[]> {
  if (!deps.provider.embed || texts.length === 0) return texts.map(() => null);
  try {
    return await deps.provider.embed(texts);
  } catch (error) {
    // Full-text search still works; the next re-index tries embeddings again.
    deps.log.warn('knowledge embeddings failed; indexing for full-text search only', {
      error: error instanceof Error ? error.message : String(error),
    });
    return texts.map(() => null);
  }
}

export async function indexKnowledgeSource(deps: IndexDeps, sourceId: string): Promise<void> {
  let source = await loadKnowledgeSourceById(deps.db, sourceId);
  if (!source) return;
  try {
    if (source.kind === 'url' && source.url) {
      const page = await fetchPage(source.url, { allowPrivateAddresses: deps.allowPrivateUrls });
      const title = source.title || page.title || new URL(source.url).hostname;
      await saveExtractedBody(deps.db, source.id, { body: page.markdown, title });
      source = { ...source, body: page.markdown, title };
    }
    const pieces = chunksOf(source).filter((piece) => piece.text);
    if (pieces.length === 0) throw new AppError(400, 'empty_source', 'There is no text to index.');
    const language = searchConfigFor(`${source.title}\n${source.body}`.slice(0, 5000));
    const vectors = await embeddings(
      deps,
      pieces.map((piece) =>
        [source?.title, piece.heading, piece.question, piece.text].filter(Boolean).join('\n'),
      ),
    );
    const chunks: NewChunk[] = pieces.map((piece, position) => ({
      ...piece,
      position,
      embedding: vectors[position] ?? null,
    }));
    await replaceChunks(deps.db, source, language, chunks);
  } catch (error) {
    const why = error instanceof AppError ? error.message : 'Indexing failed unexpectedly.';
    if (!(error instanceof AppError)) {
      deps.log.error('knowledge indexing failed', { sourceId, error: String(error) });
    }
    await markKnowledgeSource(deps.db, sourceId, 'failed', why);
  }
}
