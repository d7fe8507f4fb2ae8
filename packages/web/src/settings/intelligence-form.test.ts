import { DEFAULT_ANALYSIS_SETTINGS } from '@parley/domain';
import { describe, expect, it } from 'vitest';
import {
  intelligenceChanges,
  intelligenceDraftOf,
  validateIntelligenceDraft,
} from './intelligence-form';

describe('intelligence settings form', () => {
  const draft = intelligenceDraftOf(DEFAULT_ANALYSIS_SETTINGS);

  it('round-trips the saved settings', () => {
    expect(validateIntelligenceDraft(draft)).toEqual({});
    expect(intelligenceChanges(draft)).toEqual(DEFAULT_ANALYSIS_SETTINGS);
  });

  it('asks for a topic, short names and a threshold from 0 to 10', () => {
    expect(
      validateIntelligenceDraft({
        topics: [],
        safetyKeywords: ['x'.repeat(101)],
        failedAnswers: '11',
      }),
    ).toEqual({
      topics: 'Keep at least one topic.',
      safetyKeywords: 'Keep each one under 100 characters.',
      failedAnswers: 'A whole number from 0 (off) to 10.',
    });
    expect(
      validateIntelligenceDraft({ ...draft, failedAnswers: '1.5' }).failedAnswers,
    ).toBeTruthy();
    expect(validateIntelligenceDraft({ ...draft, failedAnswers: ' 0 ' })).toEqual({});
  });
});
