/**
 * Any OpenAI-compatible chat completions endpoint (OpenAI, Azure OpenAI, vLLM, Ollama,
 * llama.cpp server, LiteLLM...): `POST {baseUrl}/chat/completions`.
 */
import { z } from 'zod';
import { RetryableJobError } from '../jobs/runner.js';
import type { ChatTurn, ModelProvider, ReplyRequest } from './provider.js';

export interface OpenAiCompatibleOptions {
  /** e.g. `https://api.openai.com/v1` or `http://127.0.0.1:11434/v1` */
  baseUrl: string;
  model: string;
  apiKey?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const completionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable() }) })).min(1),
});

export function systemPrompt(request: ReplyRequest): string {
  const { name, instructions } = request.assistant;
  return [
    `You are ${name}, a customer support assistant. Answer briefly and helpfully.`,
    'If you do not know the answer, say so and offer to bring in a person; never invent facts.',
    instructions.trim(),
  ]
    .filter(Boolean)
    .join('\n\n');
}

export class OpenAiCompatibleProvider implements ModelProvider {
  readonly name: string;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: OpenAiCompatibleOptions) {
    this.name = `openai-compatible:${options.model}`;
    this.fetch = options.fetch ?? fetch;
  }

  async reply(request: ReplyRequest): Promise<string> {
    const messages: ChatTurn[] = [
      { role: 'system', content: systemPrompt(request) },
      ...request.turns,
    ];
    let response: Response;
    try {
      response = await this.fetch(`${this.options.baseUrl.replace(/\/+$/, '')}/chat/completions`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}),
        },
        body: JSON.stringify({ model: this.options.model, messages }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 60_000),
      });
    } catch (error) {
      throw new RetryableJobError(`The model endpoint could not be reached: ${String(error)}`);
    }
    if (response.status === 429 || response.status >= 500) {
      const retryAfter = Number(response.headers.get('retry-after'));
      throw new RetryableJobError(
        `The model endpoint answered ${response.status}`,
        Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined,
      );
    }
    if (!response.ok) {
      throw new Error(
        `The model endpoint refused the request (${response.status}): ${(await response.text()).slice(0, 300)}`,
      );
    }
    const parsed = completionSchema.safeParse(await response.json());
    const content = parsed.success ? parsed.data.choices[0]?.message.content?.trim() : undefined;
    if (!content) throw new Error('The model endpoint answered without a message.');
    return content;
  }
}
