/**
 * What writes the assistant's reply: the offline responder (retrieval, no model) or the model
 * responder (retrieval-augmented prompt). Both say which passages they answered from, or which
 * question they could not answer — the provenance an assistant message stores.
 */
import type { Passage, RetrievalQuery } from '../../knowledge/passages.js';
import type { ChatTurn, ReplyRequest } from '../provider.js';

/** The knowledge base's search, injected so responders run on any store (or none, in tests). */
export type Retrieve = (query: RetrievalQuery) => Promise<Passage[]>;

export interface ResponderRequest {
  assistant: {
    id: string;
    workspaceId: string;
    name: string;
    instructions: string;
    greeting: string;
    suggestedQuestions: string[];
  };
  /** The assistant's own model name and temperature, for providers that accept them. */
  model?: ReplyRequest['model'];
  /** The conversation so far, oldest first, the customer's open messages last. */
  turns: ChatTurn[];
}

export interface ResponderAnswer {
  text: string;
  /** The passages the answer is drawn from (cited), best first. */
  passages: Passage[];
  /** Set when the assistant had no answer: the customer's question, for the team. */
  unansweredQuestion: string | null;
  /** How sure the responder is that the passages answer the question, 0..1; absent for small
   * talk and for replies nothing measured (a plain model reply). Quality review reads it. */
  confidence?: number;
}

export interface Responder {
  readonly name: string;
  respond(request: ResponderRequest): Promise<ResponderAnswer>;
}

const QUESTION_CHARS = 500;

/** What the customer wrote since the assistant last spoke: the question to answer. */
export function openQuestion(turns: readonly ChatTurn[]): string {
  const open: string[] = [];
  for (const turn of [...turns].reverse()) {
    if (turn.role !== 'user') break;
    open.unshift(turn.content.trim());
  }
  return open.filter(Boolean).join('\n').slice(0, QUESTION_CHARS);
}

export function isFirstReply(turns: readonly ChatTurn[]): boolean {
  return !turns.some((turn) => turn.role === 'assistant');
}
