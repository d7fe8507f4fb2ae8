import { describe, expect, it } from 'vitest';
import { fold } from '../../analysis/text.js';
import { groupingPath, loadLabeledQuestions } from './grouping-eval.js';
import { scoreGrouping } from './score.js';

describe('grouping score', () => {
  it('a perfect grouping scores 1 everywhere', () => {
    const score = scoreGrouping(['a', 'a', 'b', null], [0, 0, 1, 2]);
    expect(score).toMatchObject({ purity: 1, inversePurity: 1, pairF1: 1, goldGroups: 3 });
  });

  it('lumping everything together keeps inverse purity but loses purity and precision', () => {
    const score = scoreGrouping(['a', 'a', 'b', 'b'], [0, 0, 0, 0]);
    expect(score.purity).toBe(0.5);
    expect(score.inversePurity).toBe(1);
    expect(score.pairPrecision).toBeCloseTo(2 / 6);
    expect(score.pairRecall).toBe(1);
  });

  it('splitting a gold group costs inverse purity and recall', () => {
    const score = scoreGrouping(['a', 'a', 'a', 'a'], [0, 0, 1, 1]);
    expect(score.purity).toBe(1);
    expect(score.inversePurity).toBe(0.5);
    expect(score.pairRecall).toBeCloseTo(2 / 6);
  });
});

describe('the grouping eval sets', () => {
  it('keeps the held-out set apart from the fixture the concept map was written with', () => {
    const tuned = loadLabeledQuestions(groupingPath());
    const heldout = loadLabeledQuestions(groupingPath('heldout'));
    const tunedQuestions = new Set(tuned.map((item) => fold(item.question)));
    expect(heldout.length).toBeGreaterThanOrEqual(100);
    expect(heldout.filter((item) => tunedQuestions.has(fold(item.question)))).toEqual([]);
    expect(new Set(heldout.map((item) => item.language)).size).toBeGreaterThanOrEqual(5);
    const groups = new Set(heldout.flatMap((item) => (item.group ? [item.group] : [])));
    expect(groups.size).toBeGreaterThanOrEqual(12);
    expect(heldout.some((item) => item.group === null)).toBe(true);
  });
});
