/**
 * The knowledge base's word statistics per assistant (how many passages use each stem), for
 * weighing question words by rarity. Counted once per version of the chunks and kept in memory.
 */
import {
  countStems,
  idfWeights,
  type StemWeight,
  type Vocabulary,
} from '../ai/responders/term-weights.js';
import { chunksVersion, chunkWords } from '../store/knowledge.js';
import type { Db } from '../store/store.js';

const MAX_CACHED = 100;

/** One cache per database, shared by every reply. */
const caches = new WeakMap<Db, Map<string, { version: string; weigh: StemWeight }>>();

export function knowledgeVocabulary(db: Db): Vocabulary {
  const cache = caches.get(db) ?? new Map<string, { version: string; weigh: StemWeight }>();
  caches.set(db, cache);
  return async (scope) => {
    const key = `${scope.workspaceId}:${scope.assistantId}`;
    const version = await chunksVersion(db, scope);
    const cached = cache.get(key);
    if (cached?.version === version) return cached.weigh;
    const weigh = idfWeights(countStems(await chunkWords(db, scope)));
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
    cache.set(key, { version, weigh });
    return weigh;
  };
}
