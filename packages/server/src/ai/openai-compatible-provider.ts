/**
 * Any OpenAI-compatible chat completions endpoint (OpenAI, Azure OpenAI, vLLM, Ollama,
 * llama.cpp server, LiteLLM...): `POST {baseUrl}/chat/completions`, and `POST
 * {baseUrl}/embeddings` when an embeddings model is configured.
 */
import { z } from 'zod';
import { RetryableJobError } from '../jobs/runner.js';
import type { ChatTurn, ModelProvider, ReplyRequest, StructuredRequest } from './provider.js';

export interface OpenAiCompatibleOptions {
  /** e.g. `https://api.openai.com/v1` or `http://127.0.0.1:11434/v1` */
  baseUrl: string;
  model: string;
  apiKey?: string;
  /** e.g. `text-embedding-3-small`; without it the provider offers no embeddings and
   * retrieval ranks by full-text search alone. */
  embeddingModel?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const completionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable() }) })).min(1),
});

const embeddingsSchema = z.object({
  data: z.array(z.object({ embedding: z.array(z.number()), index: z.number().int() })),
});

/** Texts per embeddings request: endpoints cap the batch (OpenAI at 2048 inputs). */
const EMBEDDING_BATCH = 256;

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
  readonly acceptsModelSettings = true;
  private readonly fetch: typeof fetch;

  /** Present only when an embeddings model is configured. */
  readonly embed?: (texts: string[]) => Promise<number[][]>;

  constructor(private readonly options: OpenAiCompatibleOptions) {
    this.name = `openai-compatible:${options.model}`;
    this.fetch = options.fetch ?? fetch;
    const embeddingModel = options.embeddingModel;
    if (embeddingModel) this.embed = (texts) => this.embedWith(embeddingModel, texts);
  }

  private async embedWith(model: string, texts: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += EMBEDDING_BATCH) {
      const input = texts.slice(start, start + EMBEDDING_BATCH);
      const json = await this.post(
        '/embeddings',
        { model, input },
        this.options.timeoutMs ?? 60_000,
      );
      const parsed = embeddingsSchema.safeParse(json);
      if (!parsed.success || parsed.data.data.length !== input.length)
        throw new Error('The embeddings endpoint answered without one vector per text.');
      // The endpoint may answer out of order; `index` says which text each vector is for.
      const ordered = [...parsed.data.data].sort((a, b) => a.index - b.index);
      vectors.push(...ordered.map((item) => item.embedding));
    }
    return vectors;
  }

  async reply(request: ReplyRequest): Promise<string> {
    const messages: ChatTurn[] = [
      { role: 'system', content: systemPrompt(request) },
      ...request.turns,
    ];
    const { name, temperature } = request.model ?? {};
    return this.complete(
      {
        ...(name ? { model: name } : {}),
        ...(temperature !== undefined ? { temperature } : {}),
        messages,
      },
      this.options.timeoutMs ?? 60_000,
    );
  }

  async structured(request: StructuredRequest): Promise<unknown> {
    const { name, temperature } = request.model ?? {};
    const content = await this.complete(
      {
        ...(name ? { model: name } : {}),
        ...(temperature !== undefined ? { temperature } : {}),
        messages: request.turns,
        response_format: {
          type: 'json_schema',
          json_schema: { name: request.schemaName, strict: true, schema: request.schema },
        },
        ...(request.maxOutputTokens ? { max_tokens: request.maxOutputTokens } : {}),
      },
      request.timeoutMs ?? this.options.timeoutMs ?? 60_000,
    );
    try {
      return JSON.parse(content);
    } catch {
      throw new Error(`The model answered text that is not JSON: ${content.slice(0, 120)}`);
    }
  }

  /** One chat completion; the answer's text. */
  private async complete(body: Record<string, unknown>, timeoutMs: number): Promise<string> {
    const json = await this.post(
      '/chat/completions',
      { model: this.options.model, ...body },
      timeoutMs,
    );
    const parsed = completionSchema.safeParse(json);
    const content = parsed.success ? parsed.data.choices[0]?.message.content?.trim() : undefined;
    if (!content) throw new Error('The model endpoint answered without a message.');
    return content;
  }

  /** One JSON request to the endpoint. Rate limits, 5xx and timeouts are retryable. */
  private async post(path: string, body: Record<string, unknown>, timeoutMs: number) {
    let response: Response;
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      response = await this.fetch(`${this.options.baseUrl.replace(/\/+$/, '')}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}),
        },
        body: JSON.stringify(body),
        signal,
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
    try {
      return (await response.json()) as unknown;
    } catch (error) {
      // The same timeout covers a body that stalls after the headers.
      if (signal.aborted) throw new RetryableJobError('The model endpoint timed out.');
      throw new Error(`The model endpoint answered something that is not JSON: ${String(error)}`);
    }
  }
}
