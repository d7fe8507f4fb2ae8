/**
 * How a conversation's Insights facts change as things happen to it: a message is stored, the
 * AI is paused. Pure, so every write path (ingest, replies, pause, the safety net) agrees.
 * Reply times count from the customer's first message; a handover is the first time the AI
 * stopped (a safety-net trigger, a manual pause, or a person replying while it was active).
 */
import type { HandoverTrigger, MessageAuthor } from '@parley/domain';

export interface Facts {
  customer_messages: number;
  assistant_replies: number;
  unanswered_replies: number;
  first_customer_at: Date | null;
  first_ai_reply_at: Date | null;
  first_person_reply_at: Date | null;
  handover_trigger: string | null;
  handover_at: Date | null;
  handover_reply_at: Date | null;
}

export interface FactsInput {
  customer_messages: number;
  assistant_replies: number;
  unanswered_replies: number;
  first_customer_at: Date | string | null;
  first_ai_reply_at: Date | string | null;
  first_person_reply_at: Date | string | null;
  handover_trigger: string | null;
  handover_at: Date | string | null;
  handover_reply_at: Date | string | null;
}

const asDate = (value: Date | string | null) => (value === null ? null : new Date(value));

function earliest(current: Date | null, candidate: Date): Date {
  return current === null || candidate < current ? candidate : current;
}

export function factsOf(row: FactsInput): Facts {
  return {
    customer_messages: row.customer_messages,
    assistant_replies: row.assistant_replies,
    unanswered_replies: row.unanswered_replies,
    first_customer_at: asDate(row.first_customer_at),
    first_ai_reply_at: asDate(row.first_ai_reply_at),
    first_person_reply_at: asDate(row.first_person_reply_at),
    handover_trigger: row.handover_trigger,
    handover_at: asDate(row.handover_at),
    handover_reply_at: asDate(row.handover_reply_at),
  };
}

export interface StoredMessage {
  author: MessageAuthor;
  at: Date;
  /** Assistant replies that had no answer. */
  unanswered: boolean;
}

/** Whether the assistant was answering when a person stepped in. */
export interface AiState {
  hasAssistant: boolean;
  paused: boolean;
}

export function factsAfterMessage(row: FactsInput, message: StoredMessage, ai: AiState): Facts {
  const facts = factsOf(row);
  const afterCustomer = facts.first_customer_at !== null && message.at >= facts.first_customer_at;
  switch (message.author) {
    case 'contact':
      facts.customer_messages += 1;
      facts.first_customer_at = earliest(facts.first_customer_at, message.at);
      break;
    case 'assistant':
      facts.assistant_replies += 1;
      if (message.unanswered) facts.unanswered_replies += 1;
      if (afterCustomer) facts.first_ai_reply_at = earliest(facts.first_ai_reply_at, message.at);
      break;
    case 'operator':
    case 'business': {
      if (afterCustomer) {
        facts.first_person_reply_at = earliest(facts.first_person_reply_at, message.at);
      }
      if (facts.handover_trigger === null && ai.hasAssistant && !ai.paused) {
        facts.handover_trigger = 'operator';
        facts.handover_at = message.at;
      }
      if (facts.handover_at !== null && message.at >= facts.handover_at) {
        facts.handover_reply_at = earliest(facts.handover_reply_at, message.at);
      }
      break;
    }
  }
  return facts;
}

/** The AI being paused: the first pause is the handover; later ones change nothing. */
export function factsAfterPause(row: FactsInput, trigger: HandoverTrigger, at: Date): Facts {
  const facts = factsOf(row);
  if (facts.handover_trigger === null) {
    facts.handover_trigger = trigger;
    facts.handover_at = at;
  }
  return facts;
}
