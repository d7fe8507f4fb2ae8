import { describe, expect, it } from 'vitest';
import {
  failedAnswersInARow,
  matchSafetyKeyword,
  type SafetyNetContext,
  safetyNetDecision,
} from './safety-net.js';

const calm = { humanRequest: false, frustration: false };
const context = (overrides: Partial<SafetyNetContext> = {}): SafetyNetContext => ({
  text: 'Do you ship to Spain?',
  keywords: [],
  failedAnswersInARow: 0,
  failedAnswersBeforePause: 2,
  ...overrides,
});

describe('safety net decision', () => {
  it('lets an ordinary message through', () => {
    expect(safetyNetDecision(calm, context())).toBeNull();
  });

  it('names a human request and quotes the message', () => {
    const text = 'Ich möchte mit einem Menschen sprechen';
    expect(safetyNetDecision({ ...calm, humanRequest: true }, context({ text }))).toEqual({
      trigger: 'human_requested',
      reason: 'Customer asked for a person: "Ich möchte mit einem Menschen sprechen"',
    });
  });

  it('names frustration', () => {
    const pause = safetyNetDecision(
      { ...calm, frustration: true },
      context({ text: 'Das ist lächerlich.' }),
    );
    expect(pause?.trigger).toBe('frustration');
    expect(pause?.reason).toBe('Customer seems frustrated: "Das ist lächerlich."');
  });

  it('pauses on a workspace keyword, naming it', () => {
    const pause = safetyNetDecision(
      calm,
      context({ text: 'I will file a Chargeback tomorrow', keywords: ['lawyer', 'chargeback'] }),
    );
    expect(pause).toEqual({
      trigger: 'keyword',
      reason: 'Customer mentioned "chargeback": "I will file a Chargeback tomorrow"',
    });
  });

  it('pauses when the assistant failed to answer N times in a row', () => {
    expect(safetyNetDecision(calm, context({ failedAnswersInARow: 1 }))).toBeNull();
    expect(safetyNetDecision(calm, context({ failedAnswersInARow: 2 }))).toEqual({
      trigger: 'failed_answers',
      reason:
        'The assistant could not answer 2 times in a row; customer wrote: "Do you ship to Spain?"',
    });
  });

  it('never counts failed answers when the threshold is 0 (off)', () => {
    expect(
      safetyNetDecision(calm, context({ failedAnswersInARow: 5, failedAnswersBeforePause: 0 })),
    ).toBeNull();
  });

  it('shortens long quotes to one line', () => {
    const text = `I want a human\n\n${'please '.repeat(40)}`;
    const pause = safetyNetDecision({ ...calm, humanRequest: true }, context({ text }));
    expect(pause?.reason.length).toBeLessThan(190);
    expect(pause?.reason).not.toContain('\n');
    expect(pause?.reason).toMatch(/…"$/);
  });
});

describe('safety-net keywords', () => {
  it('match whole words and phrases, ignoring case and accents', () => {
    expect(matchSafetyKeyword('Mein ANWALT meldet sich', ['anwalt'])).toBe('anwalt');
    expect(matchSafetyKeyword('je veux un remboursement', ['Rembôursement'])).toBe('Rembôursement');
    expect(matchSafetyKeyword('call my  lawyer now', ['my lawyer'])).toBe('my lawyer');
  });

  it('do not match inside other words', () => {
    expect(matchSafetyKeyword('I am a travel agent', ['gent'])).toBeNull();
    expect(matchSafetyKeyword('lawyers everywhere', ['lawyer'])).toBeNull();
    expect(matchSafetyKeyword('anything', ['', '  '])).toBeNull();
  });

  it('treat regular-expression characters literally', () => {
    expect(matchSafetyKeyword('ccc', ['c++'])).toBeNull();
    expect(matchSafetyKeyword('a xb', ['a.b'])).toBeNull();
    expect(matchSafetyKeyword('the price (net) is', ['(net)'])).toBe('(net)');
  });
});

describe('failed answers in a row', () => {
  it('counts the assistant replies that did not answer, newest first', () => {
    expect(
      failedAnswersInARow([
        { author: 'assistant', deflected: true },
        { author: 'contact', deflected: false },
        { author: 'assistant', deflected: true },
        { author: 'assistant', deflected: false },
        { author: 'assistant', deflected: true },
      ]),
    ).toBe(2);
  });

  it('stops at a person’s reply', () => {
    expect(
      failedAnswersInARow([
        { author: 'assistant', deflected: true },
        { author: 'operator', deflected: false },
        { author: 'assistant', deflected: true },
      ]),
    ).toBe(1);
    expect(failedAnswersInARow([])).toBe(0);
  });
});
