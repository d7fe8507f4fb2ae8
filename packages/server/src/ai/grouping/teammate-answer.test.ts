import { describe, expect, it } from 'vitest';
import { teammateAnswerOf } from './teammate-answer.js';

describe('teammateAnswerOf', () => {
  it('offers the reply that talks about the question, in any of its languages', () => {
    expect(
      teammateAnswerOf([
        {
          question: 'Do you have a student discount?',
          reply: 'So sorry about this, I have checked your order and will sort it out today.',
        },
        {
          question: 'Gibt es einen Rabatt für Studenten?',
          reply: 'Students get 10% off with a valid student ID.',
        },
      ]),
    ).toBe('Students get 10% off with a valid student ID.');
  });

  it('offers nothing when every reply is about something else', () => {
    expect(
      teammateAnswerOf([
        {
          question: 'Which payment methods do you accept?',
          reply: 'Hello, I have sent you a prepaid label and a replacement is on its way.',
        },
      ]),
    ).toBeNull();
    expect(teammateAnswerOf([])).toBeNull();
  });

  it('prefers the reply closest to its question', () => {
    expect(
      teammateAnswerOf([
        { question: 'Do you ship to Canada?', reply: 'We ship worldwide.' },
        { question: 'Do you ship to Canada?', reply: 'Yes, we ship to Canada in 5 to 8 days.' },
      ]),
    ).toBe('Yes, we ship to Canada in 5 to 8 days.');
  });
});
