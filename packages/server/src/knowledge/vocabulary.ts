/**
 * The knowledge base's word statistics per assistant (how many passages use each stem), for
 * weighing question words by rarity. Counted once per version of the workspace's knowledge base
 * (a counter the database moves on every change, so other server instances' changes count too)
 * and kept in memory.
 */
import {
  countStems,
  idfWeights,
  type StemWeight,
  type Vocabulary,
} from '../ai/responders/term-weights.js';
import { chunkWords, knowledgeVersion } from '../store/knowledge.js';
import type { Db } from '../store/store.js';

const MAX_CACHED = 100;

/** One cache per database, shared by every reply. */
const caches = new WeakMap<Db, Map<string, { version: number; weigh: StemWeight }>>();

export function knowledgeVocabulary(db: Db): Vocabulary {
  const cache = caches.get(db) ?? new Map<string, { version: number; weigh: StemWeight }>();
  caches.set(db, cache);
  return async (scope) => {
    const key = `${scope.workspaceId}:${scope.assistantId}`;
    // Read before the words: a change landing in between is counted again next time.
    const version = await knowledgeVersion(db, scope.workspaceId);
    const cached = cache.get(key);
    if (cached?.version === version) return cached.weigh;
    const weigh = idfWeights(countStems(await chunkWords(db, scope)));
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    cache.set(key, { version, weigh });
    return weigh;
  };
}
