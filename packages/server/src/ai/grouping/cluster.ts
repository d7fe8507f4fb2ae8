/**
 * Grouping questions by meaning in one pass: each question joins the group whose centroid it
 * is most similar to (cosine), or starts a new one below the threshold; a second pass moves
 * each question to its best final centroid. Candidate groups come from an inverted index of
 * centroid terms (posting lists hold the weights), so 50,000 questions take seconds, not the
 * hours an all-pairs comparison would. With embeddings, their cosine counts as well.
 */

import { cosine } from '../../lib/vectors.js';
import type { SparseVector } from './features.js';

/** Lexical cosine a question needs to join a group (tuned on the grouping eval). */
export const JOIN_THRESHOLD = 0.5;
/** Embedding cosine that counts as the same question (typical of sentence embeddings). */
export const DENSE_THRESHOLD = 0.82;

export interface GroupingOptions {
  threshold?: number;
  /** One embedding per question (null where none), from the provider's embeddings endpoint. */
  dense?: readonly (readonly number[] | null)[];
  denseThreshold?: number;
}

export interface Grouping {
  /** Group index of each question. */
  groupOf: number[];
  /** Question indices of each group, in input order. */
  members: number[][];
  /** Each group's centroid (mean of its members' vectors, unit length). */
  centroids: SparseVector[];
}

class Centroids {
  readonly termIds = new Map<string, number>();
  readonly terms: string[] = [];
  /** Per term: the groups whose centroid has it, and the summed weight there. */
  readonly postingGroups: number[][] = [];
  readonly postingWeights: number[][] = [];
  /** Per group: term id → position in that term's posting list. */
  readonly slots: Map<number, number>[] = [];
  readonly normSq: number[] = [];
  readonly dense: (Float64Array | null)[] = [];
  private dots = new Float64Array(1024);

  get count(): number {
    return this.slots.length;
  }

  termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.termIds.set(term, id);
      this.terms.push(term);
      this.postingGroups.push([]);
      this.postingWeights.push([]);
    }
    return id;
  }

  create(): number {
    this.slots.push(new Map());
    this.normSq.push(0);
    this.dense.push(null);
    if (this.slots.length > this.dots.length) {
      const grown = new Float64Array(this.dots.length * 2);
      grown.set(this.dots);
      this.dots = grown;
    }
    return this.slots.length - 1;
  }

  add(group: number, ids: number[], weights: number[], dense: readonly number[] | null) {
    const slots = this.slots[group] as Map<number, number>;
    let normSq = this.normSq[group] as number;
    ids.forEach((term, index) => {
      const weight = weights[index] as number;
      const slot = slots.get(term);
      const groups = this.postingGroups[term] as number[];
      const sums = this.postingWeights[term] as number[];
      if (slot === undefined) {
        slots.set(term, groups.length);
        groups.push(group);
        sums.push(weight);
        normSq += weight * weight;
      } else {
        const old = sums[slot] as number;
        sums[slot] = old + weight;
        normSq += 2 * old * weight + weight * weight;
      }
    });
    this.normSq[group] = normSq;
    if (dense) {
      const sum = this.dense[group] ?? new Float64Array(dense.length);
      for (let index = 0; index < sum.length; index += 1) {
        sum[index] = (sum[index] ?? 0) + (dense[index] ?? 0);
      }
      this.dense[group] = sum;
    }
  }

  /** The most similar group and its score (lexical cosine, or the embedding's when higher). */
  best(
    ids: number[],
    weights: number[],
    dense: readonly number[] | null,
    denseShift: number,
  ): { group: number; score: number } {
    const touched: number[] = [];
    ids.forEach((term, index) => {
      const weight = weights[index] as number;
      const groups = this.postingGroups[term] as number[];
      const sums = this.postingWeights[term] as number[];
      for (let k = 0; k < groups.length; k += 1) {
        const group = groups[k] as number;
        const dot = this.dots[group] ?? 0;
        if (dot === 0) touched.push(group);
        this.dots[group] = dot + weight * (sums[k] as number);
      }
    });
    let best = { group: -1, score: 0 };
    for (const group of touched) {
      const score = (this.dots[group] as number) / Math.sqrt(this.normSq[group] as number);
      this.dots[group] = 0;
      if (score > best.score) best = { group, score };
    }
    if (dense) {
      for (let group = 0; group < this.count; group += 1) {
        const sum = this.dense[group];
        if (!sum) continue;
        const score = cosine(dense, sum) + denseShift;
        if (score > best.score) best = { group, score };
      }
    }
    return best;
  }
}

function assign(
  vectors: readonly SparseVector[],
  options: GroupingOptions,
  frozen: Centroids | null,
): { groupOf: number[]; centroids: Centroids } {
  const threshold = options.threshold ?? JOIN_THRESHOLD;
  // An embedding score is moved onto the lexical scale: its threshold lands on the lexical one.
  const denseShift = threshold - (options.denseThreshold ?? DENSE_THRESHOLD);
  const centroids = new Centroids();
  const groupOf: number[] = [];
  const encoded = vectors.map((vector) => {
    const ids: number[] = [];
    const weights: number[] = [];
    for (const [term, weight] of vector) {
      ids.push(centroids.termId(term));
      weights.push(weight);
    }
    return { ids, weights };
  });
  vectors.forEach((_, index) => {
    const { ids, weights } = encoded[index] as { ids: number[]; weights: number[] };
    const dense = options.dense?.[index] ?? null;
    if (frozen) {
      // Refinement: the best of the first pass's final groups; a question always has its own.
      const frozenIds = ids.map((id) => frozen.termId(centroids.terms[id] as string));
      const { group } = frozen.best(frozenIds, weights, dense, denseShift);
      groupOf.push(group);
      return;
    }
    const { group, score } = centroids.best(ids, weights, dense, denseShift);
    const target = group >= 0 && score >= threshold ? group : centroids.create();
    centroids.add(target, ids, weights, dense);
    groupOf.push(target);
  });
  return { groupOf, centroids };
}

export function groupVectors(
  vectors: readonly SparseVector[],
  options: GroupingOptions = {},
): Grouping {
  const first = assign(vectors, options, null);
  const refined = assign(vectors, options, first.centroids);
  // A question with no terms matches nothing: it stays alone.
  const groupOf = refined.groupOf.map((group, index) =>
    group < 0 ? (first.groupOf[index] as number) : group,
  );
  const renumber = new Map<number, number>();
  const members: number[][] = [];
  const final = groupOf.map((group, index) => {
    let id = renumber.get(group);
    if (id === undefined) {
      id = members.length;
      renumber.set(group, id);
      members.push([]);
    }
    (members[id] as number[]).push(index);
    return id;
  });
  return {
    groupOf: final,
    members,
    centroids: members.map((list) =>
      meanVector(list.map((index) => vectors[index] as SparseVector)),
    ),
  };
}

export function meanVector(vectors: readonly SparseVector[]): SparseVector {
  const sum: SparseVector = new Map();
  for (const vector of vectors) {
    for (const [term, weight] of vector) sum.set(term, (sum.get(term) ?? 0) + weight);
  }
  let normSq = 0;
  for (const weight of sum.values()) normSq += weight * weight;
  const norm = Math.sqrt(normSq) || 1;
  for (const [term, weight] of sum) sum.set(term, weight / norm);
  return sum;
}
