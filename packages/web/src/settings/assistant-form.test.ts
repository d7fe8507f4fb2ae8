import { describe, expect, it } from 'vitest';
import type { Assistant } from '../api';
import {
  assistantChanges,
  assistantDraftOf,
  isOrigin,
  newAssistantOf,
  parseTemperature,
  putAssistant,
  validateAssistantDraft,
  validateNewAssistant,
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
  model: null,
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
    const body = assistantChanges(
      {
        ...assistantDraftOf(assistant),
        name: ' Helper ',
        suggestedQuestions: [' Hours? ', '', 'Hours?'],
        allowedOrigins: ['https://shop.example/', 'https://shop.example', ' '],
      },
      { withModel: false },
    );
    expect(body).toMatchObject({
      name: 'Helper',
      suggestedQuestions: ['Hours?'],
      allowedOrigins: ['https://shop.example'],
    });
    expect(body).not.toHaveProperty('model');
  });

  it('shows stored model settings, and empty fields for the defaults', () => {
    expect(assistantDraftOf(assistant)).toMatchObject({ modelName: '', temperature: '' });
    const tuned = { ...assistant, model: { name: 'gpt-4o', temperature: 0 } };
    expect(assistantDraftOf(tuned)).toMatchObject({ modelName: 'gpt-4o', temperature: '0' });
  });

  it('accepts a temperature from 0 to 2, with a dot or a comma', () => {
    expect(parseTemperature('0.7')).toBe(0.7);
    expect(parseTemperature(' 0,7 ')).toBe(0.7);
    expect(parseTemperature('.5')).toBe(0.5);
    expect(parseTemperature('1.')).toBe(1);
    expect(parseTemperature('')).toBeNull();
    expect(parseTemperature('warm')).toBeNull();
    expect(parseTemperature('-1')).toBeNull();
    const draft = assistantDraftOf(assistant);
    expect(validateAssistantDraft({ ...draft, temperature: '2' })).toEqual({});
    expect(validateAssistantDraft({ ...draft, temperature: '2.5' }).temperature).toMatch(/0 to 2/);
    expect(validateAssistantDraft({ ...draft, temperature: 'hot' }).temperature).toMatch(/0 to 2/);
  });

  it('sends model settings only when they apply, empty fields as the defaults', () => {
    const draft = { ...assistantDraftOf(assistant), modelName: ' gpt-4o ', temperature: '0,3' };
    expect(assistantChanges(draft, { withModel: true }).model).toEqual({
      name: 'gpt-4o',
      temperature: 0.3,
    });
    expect(
      assistantChanges({ ...draft, modelName: ' ', temperature: '' }, { withModel: true }).model,
    ).toEqual({ name: null, temperature: null });
    expect(assistantChanges(draft, { withModel: false })).not.toHaveProperty('model');
  });
});

describe('new assistant form', () => {
  it('needs a name, and sends it trimmed', () => {
    expect(validateNewAssistant({ name: ' ' }).name).toBe('Give the assistant a name.');
    expect(validateNewAssistant({ name: 'x'.repeat(81) }).name).toMatch(/under 80/);
    expect(newAssistantOf({ name: ' Nova ' })).toEqual({ name: 'Nova' });
  });
});

describe('the settings list of assistants', () => {
  const named = (id: string, name: string) => ({ ...assistant, id, name });

  it('adds a new assistant where the server lists it, by name', () => {
    const items = [named('1', 'Ava'), named('2', 'Tess')];
    expect(putAssistant(items, named('3', 'Nova')).map((item) => item.name)).toEqual([
      'Ava',
      'Nova',
      'Tess',
    ]);
    expect(putAssistant(items, named('4', 'Zed')).map((item) => item.name)).toEqual([
      'Ava',
      'Tess',
      'Zed',
    ]);
  });

  it('keeps a renamed assistant where it is, so the card being edited does not move', () => {
    const items = [named('1', 'Ava'), named('2', 'Tess')];
    expect(putAssistant(items, named('1', 'Zoe')).map((item) => item.name)).toEqual([
      'Zoe',
      'Tess',
    ]);
  });
});
