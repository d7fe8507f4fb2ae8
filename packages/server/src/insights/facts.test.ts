import { describe, expect, it } from 'vitest';
import { type Facts, factsAfterMessage, factsAfterPause } from './facts.js';
import { type ConversationFacts, contributionOf, isAiOnly, RollupDelta } from './rollup.js';

const none: Facts = {
  customer_messages: 0,
  assistant_replies: 0,
  unanswered_replies: 0,
  first_customer_at: null,
  first_ai_reply_at: null,
  first_person_reply_at: null,
  handover_trigger: null,
  handover_at: null,
  handover_reply_at: null,
};
const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 23, minute));
const active = { hasAssistant: true, paused: false };

function conversation(facts: Facts, extra: Partial<ConversationFacts> = {}): ConversationFacts {
  return {
    workspace_id: 'w',
    created_at: at(0),
    channel_kind: 'messenger',
    assistant_id: 'a',
    preview: 'Hi',
    analysis: null,
    analysis_version: null,
    ...facts,
    ...extra,
  };
}

describe('conversation facts', () => {
  it('counts messages and keeps the first reply times after the first customer message', () => {
    let facts = factsAfterMessage(
      none,
      { author: 'contact', at: at(1), unanswered: false },
      active,
    );
    facts = factsAfterMessage(facts, { author: 'assistant', at: at(2), unanswered: true }, active);
    facts = factsAfterMessage(facts, { author: 'assistant', at: at(3), unanswered: false }, active);
    facts = factsAfterMessage(facts, { author: 'contact', at: at(4), unanswered: false }, active);
    expect(facts).toMatchObject({
      customer_messages: 2,
      assistant_replies: 2,
      unanswered_replies: 1,
      first_customer_at: at(1),
      first_ai_reply_at: at(2),
    });
    expect(isAiOnly(facts as unknown as ConversationFacts)).toBe(true);
  });

  it('makes a person replying while the AI is active a handover, answered at once', () => {
    let facts = factsAfterMessage(
      none,
      { author: 'contact', at: at(1), unanswered: false },
      active,
    );
    facts = factsAfterMessage(facts, { author: 'operator', at: at(5), unanswered: false }, active);
    expect(facts).toMatchObject({
      handover_trigger: 'operator',
      handover_at: at(5),
      handover_reply_at: at(5),
      first_person_reply_at: at(5),
    });
  });

  it('keeps the first pause and times the first reply after it', () => {
    let facts = factsAfterMessage(
      none,
      { author: 'contact', at: at(1), unanswered: false },
      active,
    );
    facts = factsAfterPause(facts, 'frustration', at(2));
    facts = factsAfterPause(facts, 'operator', at(3));
    const paused = { hasAssistant: true, paused: true };
    facts = factsAfterMessage(facts, { author: 'business', at: at(9), unanswered: false }, paused);
    expect(facts).toMatchObject({
      handover_trigger: 'frustration',
      handover_at: at(2),
      handover_reply_at: at(9),
    });
  });

  it('moves a conversation between rollup cells by subtracting its old share', () => {
    const before = conversation({ ...none, customer_messages: 1, assistant_replies: 1 });
    const after = conversation(
      { ...none, customer_messages: 1, assistant_replies: 1, handover_trigger: 'keyword' },
      {
        analysis: {
          topics: ['returns'],
          sentiment: { label: 'negative', score: -0.4, trend: 'steady' },
        },
        analysis_version: 1,
      },
    );
    expect(contributionOf(before)?.key.day).toBe('2026-03-01');
    const delta = new RollupDelta();
    delta.change(before, after);
    const [change] = delta.dailyChanges();
    expect(change?.counters).toMatchObject({
      conversations: 0,
      aiOnly: -1,
      handedOver: 1,
      sentimentCount: 1,
      sentimentSum: -0.4,
    });
    expect(change?.counters.handovers.keyword).toBe(1);
    expect(delta.topicChanges()).toEqual([
      expect.objectContaining({ topic: 'returns', conversations: 1 }),
    ]);
    const none2 = new RollupDelta();
    none2.change(after, after);
    expect(none2.dailyChanges()).toEqual([]);
    expect(contributionOf(conversation(none, { preview: '' }))).toBeNull();
  });
});
