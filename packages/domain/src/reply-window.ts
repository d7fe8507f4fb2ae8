/**
 * Platform reply windows (Meta: 24 h after the user's last message for standard messaging;
 * a human operator may answer up to 7 days with the human-agent tag; after that, nothing).
 */

export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

export interface ReplyWindowRules {
  replyWindowMs?: number;
  humanAgentWindowMs?: number;
}

export type ReplyWindowDecision =
  | { allowed: true; humanAgentTag: boolean }
  | { allowed: false; reason: string };

export function replyWindowDecision(
  rules: ReplyWindowRules,
  lastInboundAt: Date | null,
  sender: 'assistant' | 'operator',
  now: Date,
): ReplyWindowDecision {
  if (rules.replyWindowMs === undefined) return { allowed: true, humanAgentTag: false };
  if (!lastInboundAt) {
    return {
      allowed: false,
      reason: 'The customer has not written yet, so the platform does not allow a reply.',
    };
  }
  const elapsed = now.getTime() - lastInboundAt.getTime();
  if (elapsed <= rules.replyWindowMs) return { allowed: true, humanAgentTag: false };
  const humanWindow = rules.humanAgentWindowMs;
  if (sender === 'operator' && humanWindow !== undefined && elapsed <= humanWindow) {
    return { allowed: true, humanAgentTag: true };
  }
  const hours = Math.round(rules.replyWindowMs / HOUR_MS);
  if (sender === 'assistant' || humanWindow === undefined) {
    return {
      allowed: false,
      reason: `The ${hours}-hour reply window has closed: the customer's last message is too old.`,
    };
  }
  const days = Math.round(humanWindow / DAY_MS);
  return {
    allowed: false,
    reason: `The ${days}-day human-agent window has closed: wait for the customer to write again.`,
  };
}
