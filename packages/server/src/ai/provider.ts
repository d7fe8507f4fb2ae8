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
  /** The conversation so far, oldest first. */
  turns: ChatTurn[];
}

export interface ModelProvider {
  readonly name: string;
  reply(request: ReplyRequest): Promise<string>;
}
