import { describe, expect, it } from 'vitest';
import {
  actionAssistant,
  describeAction,
  describeSinceAction,
  distinctExamples,
  draftQuestion,
  instructionDraft,
  knowledgeDraft,
} from './actions';

describe('one-click fix drafts', () => {
  it('turns the group label into a question', () => {
    expect(draftQuestion({ label: 'do you sell  gift cards' })).toBe('Do you sell gift cards?');
    expect(draftQuestion({ label: 'Do you sell gift cards?' })).toBe('Do you sell gift cards?');
    expect(draftQuestion({ label: '  ' })).toBe('');
  });

  it('pre-fills the Q&A with a teammate’s answer when there is one', () => {
    expect(
      knowledgeDraft({ label: 'gift cards?', teammateAnswer: ' Yes, from 10 to 200 euros. ' }),
    ).toEqual({ question: 'Gift cards?', answer: 'Yes, from 10 to 200 euros.' });
    expect(knowledgeDraft({ label: 'gift cards', teammateAnswer: null }).answer).toBe('');
  });

  it('proposes an instruction line', () => {
    expect(instructionDraft({ label: 'gift cards', teammateAnswer: 'Yes,\nfrom 10 euros.' })).toBe(
      'When a customer asks "Gift cards?", answer: Yes, from 10 euros.',
    );
    expect(instructionDraft({ label: 'gift cards', teammateAnswer: null })).toContain(
      'a person will reply soon',
    );
  });

  it('applies to the group’s assistant, else the filtered one, else the first', () => {
    const assistants = [{ id: 'a1' }, { id: 'a2' }];
    expect(actionAssistant({ assistantId: 'a2' }, 'a1', assistants)).toBe('a2');
    expect(actionAssistant({ assistantId: null }, 'a2', assistants)).toBe('a2');
    expect(actionAssistant({ assistantId: 'gone' }, '', assistants)).toBe('a1');
    expect(actionAssistant({ assistantId: null }, '', [])).toBe('');
  });
});

describe('group history', () => {
  it('says who did what and whether it worked', () => {
    expect(
      describeAction({
        kind: 'knowledge',
        by: { id: 'u1', name: 'Dana' },
        at: '2026-03-01T10:00:00Z',
        detail: 'Do you sell gift cards?',
      }),
    ).toBe('Dana added a Q&A to the knowledge base: “Do you sell gift cards?”');
    expect(describeSinceAction(null)).toBeNull();
    expect(describeSinceAction({ asked: 0, answered: 0 })).toBe('Not asked again since');
    expect(describeSinceAction({ asked: 1, answered: 1 })).toBe('Asked once since, answered 1');
    expect(describeSinceAction({ asked: 4, answered: 3 })).toBe('Asked 4 times since, answered 3');
  });
});

describe('group examples', () => {
  it('shows each wording once, up to a limit', () => {
    const quote = (messageId: string, text: string) => ({
      messageId,
      conversationId: `c-${messageId}`,
      quote: text,
      language: 'en',
      at: '2026-03-01T10:00:00Z',
    });
    const examples = [
      quote('1', 'Do you sell gift cards?'),
      quote('2', 'do you sell gift cards'),
      quote('3', 'Gibt es Geschenkgutscheine?'),
      quote('4', 'Can I buy a gift card?'),
    ];
    expect(distinctExamples(examples).map((example) => example.messageId)).toEqual(['1', '3', '4']);
    expect(distinctExamples(examples, 2)).toHaveLength(2);
  });
});
