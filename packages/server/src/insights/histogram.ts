/**
 * Mergeable histograms of durations (seconds) with fixed log-scale buckets, so a day's rollup
 * row can hold one and any set of rows adds up to the histogram of their conversations.
 *
 * Bucket 0 holds [0, 0.1 s); bucket i ≥ 1 holds [0.1·g^(i−1), 0.1·g^i) with g = 2^(1/4); the
 * last bucket also takes everything longer (from about 1,000 days on). A percentile is the
 * nearest-rank value's bucket, reported as the bucket's geometric middle, so it is within
 * ±9.1 % (2^(1/8) − 1) of the exact nearest-rank percentile, or within 0.05 s below 0.1 s.
 */

export const HISTOGRAM_BUCKETS = 128;
const FLOOR_SECONDS = 0.1;
const GROWTH = 2 ** (1 / 4);

/** Lower bounds of buckets 1 … 127. The database's rebuild buckets with these very numbers
 * (`width_bucket`), so both sides agree to the last bit, boundaries included. */
export const BUCKET_LOWER_BOUNDS: readonly number[] = Array.from(
  { length: HISTOGRAM_BUCKETS - 1 },
  (_, index) => FLOOR_SECONDS * GROWTH ** index,
);

export function emptyHistogram(): number[] {
  return new Array<number>(HISTOGRAM_BUCKETS).fill(0);
}

/** How many lower bounds `seconds` reaches (binary search), like SQL's `width_bucket`. */
export function bucketOf(seconds: number): number {
  if (!(seconds >= FLOOR_SECONDS)) return 0;
  let low = 0;
  let high = BUCKET_LOWER_BOUNDS.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((BUCKET_LOWER_BOUNDS[middle] ?? 0) <= seconds) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The value a bucket stands for: the geometric middle of its bounds. */
export function bucketValue(index: number): number {
  if (index <= 0) return FLOOR_SECONDS / 2;
  const low = BUCKET_LOWER_BOUNDS[Math.min(index, HISTOGRAM_BUCKETS - 1) - 1] ?? FLOOR_SECONDS;
  return index >= HISTOGRAM_BUCKETS - 1 ? low : low * Math.sqrt(GROWTH);
}

/** Adds `source` into `target` bucket by bucket, times `sign` (−1 subtracts). */
export function addHistogram(target: number[], source: readonly number[], sign = 1): void {
  for (let index = 0; index < HISTOGRAM_BUCKETS; index += 1) {
    target[index] = (target[index] ?? 0) + sign * (source[index] ?? 0);
  }
}

/** The nearest-rank `q` percentile (0 < q ≤ 1), or null for an empty histogram. */
export function percentile(histogram: readonly number[], q: number): number | null {
  const total = histogram.reduce((sum, count) => sum + count, 0);
  if (total <= 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (let index = 0; index < histogram.length; index += 1) {
    seen += histogram[index] ?? 0;
    if (seen >= rank) return bucketValue(index);
  }
  return bucketValue(histogram.length - 1);
}
