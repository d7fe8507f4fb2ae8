import { describe, expect, it } from 'vitest';
import { progressLine } from './progress-bar.js';

describe('progress line', () => {
  it('fills the bar in proportion and shows the counts and rate', () => {
    expect(progressLine(5, 10, 2.25, 10)).toBe('[█████░░░░░]  50%  5/10  2.3/s');
    expect(progressLine(0, 3, 0, 4)).toBe('[░░░░]   0%  0/3  0.0/s');
  });

  it('counts nothing to do as complete and never overflows', () => {
    expect(progressLine(0, 0, 0, 4)).toBe('[████] 100%  0/0  0.0/s');
    expect(progressLine(12, 10, 1, 4)).toBe('[████] 100%  12/10  1.0/s');
  });
});
