/**
 * Which of the workspace's topics a conversation is about: each default topic by its
 * multilingual stems, a custom topic by its own words; up to three, 'other' when none fits.
 */
import { contentWords, stem } from './content-words.js';
import { TOPIC_STEMS } from './lexicons/topics.js';
import { fold, words } from './text.js';

const MAX_TOPICS = 3;
/** A topic must score at least this share of the best one to be listed beside it. */
const RELATIVE_FLOOR = 0.5;
const FALLBACK = 'other';

interface Matcher {
  phrases: string[];
  exact: Set<string>;
  prefixes: string[];
}

const matchers = new Map<string, Matcher>();

function matcherFor(topic: string): Matcher {
  const cached = matchers.get(topic);
  if (cached) return cached;
  const entries = TOPIC_STEMS[topic] ?? contentWords(topic).map(stem);
  const matcher: Matcher = { phrases: [], exact: new Set(), prefixes: [] };
  for (const entry of entries) {
    if (entry.includes(' ')) matcher.phrases.push(` ${entry} `);
    else if (entry.endsWith('=')) matcher.exact.add(entry.slice(0, -1));
    else if (entry.length < 4) matcher.exact.add(entry);
    else matcher.prefixes.push(entry);
  }
  matchers.set(topic, matcher);
  return matcher;
}

function score(matcher: Matcher, padded: string, tokens: string[]): number {
  let hits = 0;
  for (const phrase of matcher.phrases) if (padded.includes(phrase)) hits += 1;
  for (const token of tokens) {
    if (matcher.exact.has(token) || matcher.prefixes.some((prefix) => token.startsWith(prefix))) {
      hits += 1;
    }
  }
  return hits;
}

/** `complaintBoost` lets frustration count towards the 'complaint' topic. */
export function matchTopics(
  text: string,
  topics: readonly string[],
  complaintBoost: number,
): string[] {
  const folded = fold(text);
  const padded = ` ${words(folded).join(' ')} `;
  const tokens = words(folded);
  const scored = topics
    .filter((topic) => topic !== FALLBACK)
    .map((topic) => ({
      topic,
      score:
        score(matcherFor(topic), padded, tokens) + (topic === 'complaint' ? complaintBoost : 0),
    }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score);
  const best = scored[0]?.score ?? 0;
  const chosen = scored
    .filter((entry) => entry.score >= best * RELATIVE_FLOOR)
    .slice(0, MAX_TOPICS)
    .map((entry) => entry.topic);
  if (chosen.length > 0) return chosen;
  return topics.includes(FALLBACK) ? [FALLBACK] : [];
}
