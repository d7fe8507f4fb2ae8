import { describe, expect, it } from 'vitest';
import { evaluateKnowledge, loadQuestions } from './knowledge-eval.js';
import { type QuestionOutcome, scoreKnowledge } from './score.js';

const outcome = (fields: Partial<QuestionOutcome>): QuestionOutcome => ({
  question: 'q',
  expected: 'returns.md#Refunds',
  retrieved: [],
  cited: [],
  flaggedUnanswered: false,
  ...fields,
});

describe('knowledge-base scores', () => {
  it('counts hits at 1 and 3, answers, their precision and the flag against the labels', () => {
    const report = scoreKnowledge([
      // Retrieved first, answered from it.
      outcome({ retrieved: ['returns.md#Refunds', 'x'], cited: ['returns.md#Refunds'] }),
      // Retrieved third, answered from the wrong passage.
      outcome({ retrieved: ['a', 'b', 'returns.md#Refunds'], cited: ['a'] }),
      // Not retrieved, flagged although answerable.
      outcome({ retrieved: ['a', 'b', 'c', 'returns.md#Refunds'], flaggedUnanswered: true }),
      // Unanswerable and flagged; unanswerable and answered anyway.
      outcome({ expected: null, retrieved: ['a'], flaggedUnanswered: true }),
      outcome({ expected: null, retrieved: ['a'], cited: ['a'] }),
    ]);
    expect(report).toEqual({
      questions: 5,
      answerable: 3,
      hitAt1: 1 / 3,
      hitAt3: 2 / 3,
      answerRate: 2 / 3,
      answerPrecision: 1 / 3,
      flagPrecision: 1 / 2,
      flagRecall: 1 / 2,
    });
  });

  it('scores nothing as zero rather than dividing by it', () => {
    expect(scoreKnowledge([]).flagPrecision).toBe(0);
  });
});

describe('the knowledge-base eval', () => {
  it('keeps a held-out set apart from the questions it is tuned on', () => {
    const tuned = new Set(loadQuestions().map((question) => question.question));
    const heldout = loadQuestions('heldout');
    expect(heldout.length).toBeGreaterThanOrEqual(40);
    expect(heldout.filter((question) => tuned.has(question.question))).toEqual([]);
    expect(heldout.some((question) => question.expected === null)).toBe(true);
    expect(new Set(heldout.map((question) => question.language)).size).toBe(7);
  });

  it('asks every labeled question through real retrieval over the indexed fixture', async () => {
    const questions = loadQuestions();
    expect(questions.length).toBeGreaterThanOrEqual(100);
    const languages = new Set(questions.map((question) => question.language));
    expect([...languages].sort()).toEqual(['de', 'en', 'es', 'fr', 'it', 'nl', 'pt']);
    expect(questions.some((question) => question.expected === null)).toBe(true);
    const sample = [questions[0], questions.find((question) => question.expected === null)].flatMap(
      (question) => question ?? [],
    );
    const outcomes = await evaluateKnowledge(sample);
    expect(outcomes).toHaveLength(2);
    // Every key names a fixture file and heading, so the labels can match them.
    for (const key of outcomes.flatMap((result) => result.retrieved)) {
      expect(key).toMatch(/^[a-z-]+\.md#.+$/);
    }
  }, 60_000);
});
