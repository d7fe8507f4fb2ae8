import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, type ReplyWindowRules, replyWindowDecision } from './reply-window.js';

const META: ReplyWindowRules = { replyWindowMs: 24 * HOUR_MS, humanAgentWindowMs: 7 * DAY_MS };
const lastInboundAt = new Date('2026-03-01T12:00:00.000Z');
const after = (ms: number) => new Date(lastInboundAt.getTime() + ms);

describe('replyWindowDecision', () => {
  it('allows a normal reply at exactly 24 hours', () => {
    for (const sender of ['assistant', 'operator'] as const) {
      expect(replyWindowDecision(META, lastInboundAt, sender, after(24 * HOUR_MS))).toEqual({
        allowed: true,
        humanAgentTag: false,
      });
    }
  });

  it('refuses the assistant one millisecond after 24 hours', () => {
    const decision = replyWindowDecision(META, lastInboundAt, 'assistant', after(24 * HOUR_MS + 1));
    expect(decision).toEqual({
      allowed: false,
      reason: "The 24-hour reply window has closed: the customer's last message is too old.",
    });
  });

  it('lets an operator answer with the human-agent tag one millisecond after 24 hours', () => {
    const decision = replyWindowDecision(META, lastInboundAt, 'operator', after(24 * HOUR_MS + 1));
    expect(decision).toEqual({ allowed: true, humanAgentTag: true });
  });

  it('lets an operator answer with the human-agent tag at exactly 7 days', () => {
    const decision = replyWindowDecision(META, lastInboundAt, 'operator', after(7 * DAY_MS));
    expect(decision).toEqual({ allowed: true, humanAgentTag: true });
  });

  it('refuses an operator one millisecond after 7 days', () => {
    const decision = replyWindowDecision(META, lastInboundAt, 'operator', after(7 * DAY_MS + 1));
    expect(decision).toEqual({
      allowed: false,
      reason: 'The 7-day human-agent window has closed: wait for the customer to write again.',
    });
  });

  it('refuses the assistant at 7 days, when only a human could still answer', () => {
    const decision = replyWindowDecision(META, lastInboundAt, 'assistant', after(7 * DAY_MS));
    expect(decision.allowed).toBe(false);
  });

  it('refuses anyone before the customer has written', () => {
    for (const sender of ['assistant', 'operator'] as const) {
      expect(replyWindowDecision(META, null, sender, lastInboundAt)).toEqual({
        allowed: false,
        reason: 'The customer has not written yet, so the platform does not allow a reply.',
      });
    }
  });

  it('always allows channels without a reply window, even with no inbound message', () => {
    const decision = replyWindowDecision({}, null, 'assistant', after(365 * DAY_MS));
    expect(decision).toEqual({ allowed: true, humanAgentTag: false });
  });

  it('refuses an operator after 24 hours on a channel without a human-agent window', () => {
    const decision = replyWindowDecision(
      { replyWindowMs: 24 * HOUR_MS },
      lastInboundAt,
      'operator',
      after(24 * HOUR_MS + 1),
    );
    expect(decision).toEqual({
      allowed: false,
      reason: "The 24-hour reply window has closed: the customer's last message is too old.",
    });
  });
});
