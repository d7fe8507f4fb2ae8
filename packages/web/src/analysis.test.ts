import { describe, expect, it } from 'vitest';
import { highlightQuotes, sentimentText, unansweredByMessage } from './analysis';
import { testAnalysis } from './test-fixtures';

describe('unanswered questions in place', () => {
  it('marks each quoted passage, ignoring case', () => {
    expect(
      highlightQuotes('Hi! Where is my order? Also, do you ship to Canada', [
        'where is my order?',
        'do you ship to Canada',
      ]),
    ).toEqual([
      { text: 'Hi! ', marked: false },
      { text: 'Where is my order?', marked: true },
      { text: ' Also, ', marked: false },
      { text: 'do you ship to Canada', marked: true },
    ]);
  });

  it('leaves the text whole when a quote is not in it, and merges overlaps', () => {
    expect(highlightQuotes('Any news?', ['something else'])).toEqual([
      { text: 'Any news?', marked: false },
    ]);
    expect(highlightQuotes('abcdef', ['bcd', 'cde'])).toEqual([
      { text: 'a', marked: false },
      { text: 'bcd', marked: true },
      { text: 'e', marked: true },
      { text: 'f', marked: false },
    ]);
  });

  it('groups quotes by message', () => {
    const analysis = testAnalysis({
      unansweredQuestions: [
        { messageId: 'm1', quote: 'a?' },
        { messageId: 'm2', quote: 'b?' },
        { messageId: 'm1', quote: 'c?' },
      ],
    });
    expect([...unansweredByMessage(analysis)]).toEqual([
      ['m1', ['a?', 'c?']],
      ['m2', ['b?']],
    ]);
    expect(unansweredByMessage(null).size).toBe(0);
  });
});

describe('sentiment in words', () => {
  it('names the label and the trend', () => {
    expect(sentimentText({ label: 'negative', score: -0.5, trend: 'worsening' })).toBe(
      'Negative customer sentiment, getting worse',
    );
  });
});
