import { describe, expect, it } from 'vitest';
import type { Assistant } from '../api';
import {
  assistantChanges,
  assistantDraftOf,
  isOrigin,
  validateAssistantDraft,
} from './assistant-form';

const assistant: Assistant = {
  id: 'a1',
  name: 'Shop helper',
  instructions: 'Be kind.',
  publicKey: 'pk_1',
  greeting: 'Hi!',
  suggestedQuestions: ['Where is my order?'],
  allowedOrigins: ['https://shop.example'],
  shareUrl: '/c/shop',
};

describe('assistant form', () => {
  it('accepts the stored assistant', () => {
    expect(validateAssistantDraft(assistantDraftOf(assistant))).toEqual({});
  });

  it('requires a name', () => {
    expect(validateAssistantDraft({ ...assistantDraftOf(assistant), name: '  ' }).name).toBe(
      'Give the assistant a name.',
    );
  });

  it('offers at most ten suggested questions, not counting empty rows', () => {
    const draft = assistantDraftOf(assistant);
    const ten = Array.from({ length: 10 }, (_, index) => `Question ${index}?`);
    expect(validateAssistantDraft({ ...draft, suggestedQuestions: [...ten, ''] })).toEqual({});
    expect(
      validateAssistantDraft({ ...draft, suggestedQuestions: [...ten, 'One more?'] })
        .suggestedQuestions,
    ).toMatch(/at most 10/);
  });

  it('knows an origin from a page address', () => {
    expect(isOrigin('*')).toBe(true);
    expect(isOrigin('https://shop.example')).toBe(true);
    expect(isOrigin('http://localhost:5173')).toBe(true);
    expect(isOrigin('https://shop.example/cart')).toBe(false);
    expect(isOrigin('shop.example')).toBe(false);
    const errors = validateAssistantDraft({
      ...assistantDraftOf(assistant),
      allowedOrigins: ['https://shop.example/', 'shop.example'],
    });
    expect(errors.allowedOrigins).toMatch(/“shop.example” is not an origin/);
  });

  it('sends trimmed lists without empty rows, trailing slashes or repeats', () => {
    const body = assistantChanges({
      ...assistantDraftOf(assistant),
      name: ' Helper ',
      suggestedQuestions: [' Hours? ', '', 'Hours?'],
      allowedOrigins: ['https://shop.example/', 'https://shop.example', ' '],
    });
    expect(body).toMatchObject({
      name: 'Helper',
      suggestedQuestions: ['Hours?'],
      allowedOrigins: ['https://shop.example'],
    });
  });
});
