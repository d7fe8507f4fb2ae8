/**
 * Retrieval: the passages an assistant may answer a question from, best first. Full-text
 * search runs in every language the assistant's sources use (and the question's own); when
 * the model provider offers embeddings, similarity ranking is fused in with reciprocal rank
 * fusion, so either signal can bring a passage up.
 */
import type { ModelProvider } from '../ai/provider.js';
import { cosine } from '../lib/vectors.js';
import {
  chunkLanguages,
  embeddedChunks,
  type ScopedChunk,
  searchChunks,
} from '../store/knowledge.js';
import type { Db } from '../store/store.js';
import { searchConfigFor } from './language.js';
import type { Passage, RetrievalQuery } from './passages.js';

const DEFAULT_LIMIT = 5;
/** How many candidates each ranking contributes before fusion. */
const CANDIDATES = 20;
/** The usual RRF constant: damps the difference between the very first ranks. */
const RRF_K = 60;

export interface RetrieveOptions {
  /** Used for similarity ranking when it offers `embed`. */
  provider?: ModelProvider;
}

export async function retrieve(
  db: Db,
  query: RetrievalQuery,
  options: RetrieveOptions = {},
): Promise<Passage[]> {
  const question = query.question.trim();
  const limit = query.limit ?? DEFAULT_LIMIT;
  if (!question) return [];
  const scope = { workspaceId: query.workspaceId, assistantId: query.assistantId };
  const languages = await chunkLanguages(db, scope.workspaceId, scope.assistantId);
  if (languages.length === 0) return [];
  // The question's own language first: its ranks most often make others' unnecessary.
  const configs = [...new Set([searchConfigFor(question), ...languages, 'simple'])];
  const lexical = await searchChunks(db, scope, question, configs, CANDIDATES);
  const semantic = options.provider?.embed
    ? await rankBySimilarity(db, scope, question, options.provider)
    : [];
  return fuse([lexical, semantic]).slice(0, limit);
}

async function rankBySimilarity(
  db: Db,
  scope: { workspaceId: string; assistantId: string },
  question: string,
  provider: ModelProvider,
): Promise<ScopedChunk[]> {
  const chunks = await embeddedChunks(db, scope);
  if (chunks.length === 0 || !provider.embed) return [];
  const [vector] = await provider.embed([question]);
  if (!vector) return [];
  return chunks
    .map((chunk) => ({ chunk, similarity: cosine(vector, chunk.embedding) }))
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, CANDIDATES)
    .map(({ chunk }) => chunk);
}

/** Reciprocal rank fusion: each ranking adds 1 / (k + rank) to the passages it lists. */
function fuse(rankings: ScopedChunk[][]): Passage[] {
  const passages = new Map<string, Passage>();
  for (const ranking of rankings) {
    ranking.forEach((chunk, index) => {
      const passage = passages.get(chunk.id) ?? toPassage(chunk);
      passage.score += 1 / (RRF_K + index + 1);
      passages.set(chunk.id, passage);
    });
  }
  return [...passages.values()].sort((a, b) => b.score - a.score);
}

function toPassage(chunk: ScopedChunk): Passage {
  return {
    id: chunk.id,
    sourceId: chunk.source_id,
    title: chunk.title,
    heading: chunk.heading,
    text: chunk.text,
    question: chunk.question,
    url: chunk.url,
    score: 0,
  };
}
