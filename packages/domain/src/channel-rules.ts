/**
 * Per-channel automation rules: whether the AI answers a message, after what delay, and
 * whether the safety net (safety-net.ts) may pause the AI when a person is needed.
 */

export interface ChannelRules {
  autoReply: boolean;
  /** Random delay before the assistant answers, in seconds (0–600). */
  delayMinSeconds: number;
  delayMaxSeconds: number;
  /** Answer only messages that look like questions. */
  questionsOnly: boolean;
  /** When non-empty, answer only messages containing one of these words (case-insensitive). */
  keywords: string[];
  /** Gmail: when non-empty, answer only emails whose subject contains one of these. */
  subjectKeywords: string[];
  /** Pause the AI when the customer asks for a person or is clearly upset. */
  autoPause: boolean;
}

export const DEFAULT_CHANNEL_RULES: ChannelRules = {
  autoReply: true,
  delayMinSeconds: 0,
  delayMaxSeconds: 0,
  questionsOnly: false,
  keywords: [],
  subjectKeywords: [],
  autoPause: true,
};

export const MAX_DELAY_SECONDS = 600;

/** Fills defaults and clamps a stored rule object, so old or partial rows stay usable. */
export function normalizeChannelRules(raw: Partial<ChannelRules> | undefined): ChannelRules {
  const rules = { ...DEFAULT_CHANNEL_RULES, ...(raw ?? {}) };
  const clamp = (seconds: number) => Math.min(MAX_DELAY_SECONDS, Math.max(0, Math.round(seconds)));
  const min = clamp(rules.delayMinSeconds);
  const max = Math.max(min, clamp(rules.delayMaxSeconds));
  return { ...rules, delayMinSeconds: min, delayMaxSeconds: max };
}

export type AutoReplyDecision =
  | { reply: true; delayMs: number }
  | { reply: false; reason: 'auto_reply_off' | 'ai_paused' | 'filtered' };

export interface IncomingForRules {
  text: string;
  subject?: string | null;
}

const QUESTION_WORDS =
  /^(who|what|when|where|why|how|which|can|could|do|does|did|is|are|will|would|should|may|have|has)\b/i;

export function looksLikeQuestion(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.includes('?') || QUESTION_WORDS.test(trimmed);
}

function containsAny(text: string, words: string[]): boolean {
  const lower = text.toLowerCase();
  return words.some((word) => word.trim() !== '' && lower.includes(word.trim().toLowerCase()));
}

/** `random` is injected so the delay is testable; it returns a number in [0, 1). */
export function decideAutoReply(
  rules: ChannelRules,
  conversation: { aiPaused: boolean },
  message: IncomingForRules,
  random: () => number = Math.random,
): AutoReplyDecision {
  if (!rules.autoReply) return { reply: false, reason: 'auto_reply_off' };
  if (conversation.aiPaused) return { reply: false, reason: 'ai_paused' };
  if (rules.questionsOnly && !looksLikeQuestion(message.text)) {
    return { reply: false, reason: 'filtered' };
  }
  if (rules.keywords.length > 0 && !containsAny(message.text, rules.keywords)) {
    return { reply: false, reason: 'filtered' };
  }
  if (
    rules.subjectKeywords.length > 0 &&
    !containsAny(message.subject ?? '', rules.subjectKeywords)
  ) {
    return { reply: false, reason: 'filtered' };
  }
  const spread = rules.delayMaxSeconds - rules.delayMinSeconds;
  const seconds = rules.delayMinSeconds + Math.floor(random() * (spread + 1));
  return { reply: true, delayMs: seconds * 1000 };
}
