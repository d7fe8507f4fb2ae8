import { DEFAULT_TOPICS } from '@parley/domain';
import { describe, expect, it } from 'vitest';
import { matchTopics } from './topics.js';

const topics = (text: string) => matchTopics(text, DEFAULT_TOPICS, 0);

describe('topics: shop words are not opening hours', () => {
  it.each([
    'could I please speak to someone about closing my account?',
    'the agent at your Leeds store was lovely. Do you have the jacket in navy online?',
    "sono titolare di un negozio a Torino e vorrei sapere se offrite prezzi all'ingrosso",
  ])('%s', (text) => {
    expect(topics(text)).not.toContain('opening hours');
  });

  it.each([
    'what time do you open on sunday',
    'Ich wollte fragen ob ihr am Samstag geöffnet habt',
    'zijn jullie zondag open?',
  ])('still opening hours: %s', (text) => {
    expect(topics(text)).toContain('opening hours');
  });
});

describe('topics: wider coverage', () => {
  it('"not received" is about the order', () => {
    expect(topics('Nog steeds niks ontvangen.')).toContain('order status');
    expect(topics("I still haven't received it")).toContain('order status');
  });

  it('"dispo" is about stock', () => {
    expect(topics("c'est dispo en 36 ou pas")).toContain('stock');
  });
});
