import { describe, expect, it } from 'vitest';
import { DEFAULT_TOPICS } from './analysis.js';
import { DEFAULT_ANALYSIS_SETTINGS, normalizeAnalysisSettings } from './analysis-settings.js';

describe('analysis settings', () => {
  it('default to the standard topics, no keywords and two failed answers', () => {
    expect(normalizeAnalysisSettings(undefined)).toEqual(DEFAULT_ANALYSIS_SETTINGS);
    expect(normalizeAnalysisSettings({}).topics).toEqual([...DEFAULT_TOPICS]);
    expect(DEFAULT_ANALYSIS_SETTINGS.failedAnswersBeforePause).toBe(2);
  });

  it('clean lists, keep "other" available and clamp the threshold', () => {
    expect(
      normalizeAnalysisSettings({
        topics: [' Rentals ', 'rentals', '', 7, 'Repairs'],
        safetyKeywords: ['lawyer', 'Lawyer', ' chargeback '],
        failedAnswersBeforePause: 99,
      }),
    ).toEqual({
      topics: ['Rentals', 'Repairs', 'other'],
      safetyKeywords: ['lawyer', 'chargeback'],
      failedAnswersBeforePause: 10,
    });
    expect(
      normalizeAnalysisSettings({ failedAnswersBeforePause: -3 }).failedAnswersBeforePause,
    ).toBe(0);
  });
});
