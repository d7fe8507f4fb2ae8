import { describe, expect, it } from 'vitest';
import {
  addHistogram,
  bucketOf,
  bucketValue,
  emptyHistogram,
  HISTOGRAM_BUCKETS,
  percentile,
} from './histogram.js';

function histogramOf(values: number[]): number[] {
  const histogram = emptyHistogram();
  for (const value of values) histogram[bucketOf(value)] = (histogram[bucketOf(value)] ?? 0) + 1;
  return histogram;
}

function exactPercentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1] ?? Number.NaN;
}

describe('log-scale histograms', () => {
  it('puts every duration in a bucket whose middle is within 9.1 % of it', () => {
    for (let seconds = 0.1; seconds < 1e8; seconds *= 1.37) {
      const value = bucketValue(bucketOf(seconds));
      expect(Math.abs(value - seconds) / seconds).toBeLessThanOrEqual(2 ** (1 / 8) - 1 + 1e-12);
    }
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(-5)).toBe(0);
    expect(bucketOf(Number.NaN)).toBe(0);
    expect(bucketOf(1e12)).toBe(HISTOGRAM_BUCKETS - 1);
  });

  it('estimates percentiles within the stated error, and merged equals combined', () => {
    const first = Array.from({ length: 500 }, (_, index) => 0.5 + ((index * 7919) % 1000) * 3.1);
    const second = Array.from({ length: 300 }, (_, index) => 20 + ((index * 104729) % 997) * 41);
    const merged = histogramOf(first);
    addHistogram(merged, histogramOf(second));
    expect(merged).toEqual(histogramOf([...first, ...second]));
    for (const q of [0.5, 0.9, 0.99]) {
      const exact = exactPercentile([...first, ...second], q);
      const estimate = percentile(merged, q) ?? Number.NaN;
      expect(Math.abs(estimate - exact) / exact).toBeLessThanOrEqual(0.0906);
    }
  });

  it('subtracts what was added, and has no percentile when empty', () => {
    const histogram = histogramOf([3, 30, 300]);
    addHistogram(histogram, histogramOf([30]), -1);
    expect(histogram).toEqual(histogramOf([3, 300]));
    addHistogram(histogram, histogramOf([3, 300]), -1);
    expect(percentile(histogram, 0.5)).toBeNull();
  });
});
