/**
 * The analyzers `npm run eval` compares: always the offline one, and the configured model's
 * (with the offline one as its fallback, as in the server) when PARLEY_MODEL_BASE_URL is set.
 */
import { OpenAiCompatibleProvider } from '../../openai-compatible-provider.js';
import type { ConversationAnalyzer } from '../analyzer.js';
import { ModelAnalyzer } from '../model-analyzer.js';
import { OfflineAnalyzer } from '../offline-analyzer.js';

const printFallbacks = {
  info: () => undefined,
  warn: (message: string, details?: Record<string, unknown>) =>
    console.warn(message, details ?? {}),
  error: (message: string, details?: Record<string, unknown>) =>
    console.error(message, details ?? {}),
};

export function evalAnalyzers(env: NodeJS.ProcessEnv = process.env): ConversationAnalyzer[] {
  const offline = new OfflineAnalyzer();
  if (!env.PARLEY_MODEL_BASE_URL) return [offline];
  const model = new OpenAiCompatibleProvider({
    baseUrl: env.PARLEY_MODEL_BASE_URL,
    model: env.PARLEY_MODEL ?? 'gpt-4o-mini',
    ...(env.PARLEY_MODEL_API_KEY ? { apiKey: env.PARLEY_MODEL_API_KEY } : {}),
  });
  return [offline, new ModelAnalyzer(model, offline, { log: printFallbacks })];
}
