import { DEFAULT_CHANNEL_RULES } from '@parley/domain';
import { describe, expect, it } from 'vitest';
import type { Channel } from '../api';
import { rulesChanges, rulesDraftOf, validateRulesDraft } from './rules-form';

function channel(overrides: Partial<Channel> = {}): Channel {
  return {
    id: 'ch1',
    kind: 'messenger',
    name: 'Shop page',
    assistantId: 'a1',
    externalAccountId: '1234567',
    rules: { ...DEFAULT_CHANNEL_RULES, delayMinSeconds: 5, delayMaxSeconds: 30 },
    connected: true,
    createdAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

describe('rules form', () => {
  it('starts from the channel', () => {
    const draft = rulesDraftOf(channel());
    expect(draft.delayMin).toBe('5');
    expect(draft.assistantId).toBe('a1');
  });

  it('accepts the stored rules', () => {
    expect(validateRulesDraft(rulesDraftOf(channel()))).toEqual({});
  });

  it('wants whole seconds from 0 to 600', () => {
    const draft = rulesDraftOf(channel());
    expect(validateRulesDraft({ ...draft, delayMin: '' }).delayMin).toMatch(/Enter/);
    expect(validateRulesDraft({ ...draft, delayMin: '1.5' }).delayMin).toMatch(/whole seconds/);
    expect(validateRulesDraft({ ...draft, delayMin: '-1' }).delayMin).toMatch(/whole seconds/);
    expect(validateRulesDraft({ ...draft, delayMax: '601' }).delayMax).toMatch(/0 to 600/);
    expect(validateRulesDraft({ ...draft, delayMin: '600', delayMax: '600' })).toEqual({});
  });

  it('wants the shortest delay not to exceed the longest', () => {
    const errors = validateRulesDraft({ ...rulesDraftOf(channel()), delayMin: '40' });
    expect(errors).toEqual({ delayMax: 'The longest delay must be at least the shortest (40 s).' });
  });

  it('limits keyword lists like the server', () => {
    const draft = rulesDraftOf(channel());
    const many = Array.from({ length: 51 }, (_, index) => `word${index}`);
    expect(validateRulesDraft({ ...draft, keywords: many }).keywords).toMatch(/at most 50/);
    expect(validateRulesDraft({ ...draft, subjectKeywords: ['x'.repeat(101)] })).toHaveProperty(
      'subjectKeywords',
    );
  });

  it('sends numbers, a nullable assistant, and subject keywords only for Gmail', () => {
    const draft = { ...rulesDraftOf(channel()), assistantId: '', subjectKeywords: ['order'] };
    const body = rulesChanges(draft, 'messenger');
    expect(body).toMatchObject({ delayMinSeconds: 5, delayMaxSeconds: 30, assistantId: null });
    expect(body).not.toHaveProperty('subjectKeywords');
    expect(rulesChanges(draft, 'gmail').subjectKeywords).toEqual(['order']);
  });
});
