/**
 * The analyzers `npm run eval` compares: always the offline one. A model analyzer joins the list
 * here when PARLEY_MODEL_BASE_URL is set (the model analyzer lives with the model provider).
 */
import type { ConversationAnalyzer } from '../analyzer.js';
import { OfflineAnalyzer } from '../offline-analyzer.js';

export function evalAnalyzers(): ConversationAnalyzer[] {
  return [new OfflineAnalyzer()];
}
