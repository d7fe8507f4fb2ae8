/**
 * How Parley talks to a language model. The offline default needs no network and no model
 * download; any OpenAI-compatible endpoint can replace it.
 */

export interface ChatTurn {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ReplyRequest {
  assistant: { name: string; instructions: string; greeting: string };
  /** The assistant's own model name and temperature, for providers that accept them. */
  model?: { name?: string; temperature?: number };
  /** The conversation so far, oldest first. */
  turns: ChatTurn[];
}

/** A request for JSON that follows a schema (OpenAI's `json_schema` response format). */
export interface StructuredRequest {
  /** Names the schema for the endpoint, e.g. `conversation_analysis`. */
  schemaName: string;
  /** JSON Schema of the answer, in the strict subset (every property required, no extras). */
  schema: Record<string, unknown>;
  turns: ChatTurn[];
  /** As in ReplyRequest: the assistant's own model settings, when it answers a customer. */
  model?: ReplyRequest['model'];
  timeoutMs?: number;
  maxOutputTokens?: number;
}

export interface ModelProvider {
  readonly name: string;
  /** False for the offline provider: no model writes replies, the offline responder answers
   * from the knowledge base instead (ai/responders/responder-for.ts). */
  readonly canAnswer?: boolean;
  /** True when `reply` honours a per-assistant model name and temperature (a configured
   * model endpoint); Settings shows those fields only then. */
  readonly acceptsModelSettings?: boolean;
  reply(request: ReplyRequest): Promise<string>;
  /** The parsed JSON the model answered, not yet validated: callers check it (zod) and
   * decide what an invalid answer means. Absent when there is no model (offline). */
  structured?(request: StructuredRequest): Promise<unknown>;
  /** One embedding vector per text, in order. Absent when the provider has no embeddings
   * endpoint; retrieval then ranks by full-text search alone. */
  embed?(texts: string[]): Promise<number[][]>;
}
