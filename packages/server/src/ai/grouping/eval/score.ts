/**
 * How well predicted groups match gold groups: purity (each predicted group's share of its
 * most common gold label), inverse purity (each gold group's share found in one predicted
 * group) and pairwise precision / recall / F1 over pairs of questions put together. A gold
 * label of null is a question with no paraphrase in the set: its own group.
 */

export interface GroupingScore {
  questions: number;
  goldGroups: number;
  predictedGroups: number;
  purity: number;
  inversePurity: number;
  pairPrecision: number;
  pairRecall: number;
  pairF1: number;
}

function goldKeys(gold: readonly (string | null)[]): string[] {
  return gold.map((label, index) => label ?? `#single-${index}`);
}

function majorityShare(clusters: Map<string, string[]>, total: number): number {
  let sum = 0;
  for (const labels of clusters.values()) {
    const counts = new Map<string, number>();
    for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
    sum += Math.max(...counts.values());
  }
  return total === 0 ? 1 : sum / total;
}

function byKey(keys: readonly string[], values: readonly string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  keys.forEach((key, index) => {
    map.set(key, [...(map.get(key) ?? []), values[index] as string]);
  });
  return map;
}

function pairs(sizes: Iterable<number>): number {
  let sum = 0;
  for (const size of sizes) sum += (size * (size - 1)) / 2;
  return sum;
}

export function scoreGrouping(
  gold: readonly (string | null)[],
  predicted: readonly number[],
): GroupingScore {
  const goldLabels = goldKeys(gold);
  const predictedLabels = predicted.map(String);
  const predictedClusters = byKey(predictedLabels, goldLabels);
  const goldClusters = byKey(goldLabels, predictedLabels);
  const together = byKey(
    goldLabels.map((label, index) => `${label}\u0000${predictedLabels[index]}`),
    goldLabels,
  );
  const truePairs = pairs([...together.values()].map((list) => list.length));
  const predictedPairs = pairs([...predictedClusters.values()].map((list) => list.length));
  const goldPairs = pairs([...goldClusters.values()].map((list) => list.length));
  const precision = predictedPairs === 0 ? 1 : truePairs / predictedPairs;
  const recall = goldPairs === 0 ? 1 : truePairs / goldPairs;
  return {
    questions: gold.length,
    goldGroups: goldClusters.size,
    predictedGroups: predictedClusters.size,
    purity: majorityShare(predictedClusters, gold.length),
    inversePurity: majorityShare(goldClusters, gold.length),
    pairPrecision: precision,
    pairRecall: recall,
    pairF1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
  };
}
