import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CHANNEL_RULES,
  decideAutoReply,
  looksLikeQuestion,
  normalizeChannelRules,
} from './channel-rules.js';

const open = { aiPaused: false };

describe('auto-reply rules', () => {
  it('answers at once by default', () => {
    expect(decideAutoReply(DEFAULT_CHANNEL_RULES, open, { text: 'hi' })).toEqual({
      reply: true,
      delayMs: 0,
    });
  });

  it('does not answer when auto-reply is off or the AI is paused', () => {
    expect(
      decideAutoReply({ ...DEFAULT_CHANNEL_RULES, autoReply: false }, open, { text: 'hi' }),
    ).toEqual({
      reply: false,
      reason: 'auto_reply_off',
    });
    expect(decideAutoReply(DEFAULT_CHANNEL_RULES, { aiPaused: true }, { text: 'hi' })).toEqual({
      reply: false,
      reason: 'ai_paused',
    });
  });

  it('picks a delay between min and max inclusive', () => {
    const rules = normalizeChannelRules({ delayMinSeconds: 10, delayMaxSeconds: 20 });
    expect(decideAutoReply(rules, open, { text: 'hi' }, () => 0)).toEqual({
      reply: true,
      delayMs: 10_000,
    });
    expect(decideAutoReply(rules, open, { text: 'hi' }, () => 0.999_999)).toEqual({
      reply: true,
      delayMs: 20_000,
    });
  });

  it('clamps delays to 0–600 seconds and keeps max ≥ min', () => {
    expect(normalizeChannelRules({ delayMinSeconds: -5, delayMaxSeconds: 9000 })).toMatchObject({
      delayMinSeconds: 0,
      delayMaxSeconds: 600,
    });
    expect(normalizeChannelRules({ delayMinSeconds: 30, delayMaxSeconds: 10 })).toMatchObject({
      delayMinSeconds: 30,
      delayMaxSeconds: 30,
    });
  });

  it('answers only questions when asked to', () => {
    const rules = { ...DEFAULT_CHANNEL_RULES, questionsOnly: true };
    expect(decideAutoReply(rules, open, { text: 'Thanks!' })).toMatchObject({
      reply: false,
      reason: 'filtered',
    });
    expect(decideAutoReply(rules, open, { text: 'How long is shipping' })).toMatchObject({
      reply: true,
    });
    expect(looksLikeQuestion('ok?')).toBe(true);
  });

  it('filters by keywords and by email subject keywords', () => {
    const byKeyword = { ...DEFAULT_CHANNEL_RULES, keywords: ['refund', 'Return'] };
    expect(decideAutoReply(byKeyword, open, { text: 'I want a RETURN label' })).toMatchObject({
      reply: true,
    });
    expect(decideAutoReply(byKeyword, open, { text: 'Nice shoes' })).toMatchObject({
      reply: false,
    });
    const bySubject = { ...DEFAULT_CHANNEL_RULES, subjectKeywords: ['support'] };
    expect(
      decideAutoReply(bySubject, open, { text: 'x', subject: 'Support request' }),
    ).toMatchObject({ reply: true });
    expect(decideAutoReply(bySubject, open, { text: 'x', subject: 'Invoice' })).toMatchObject({
      reply: false,
    });
    expect(decideAutoReply(bySubject, open, { text: 'x' })).toMatchObject({ reply: false });
  });
});
