/** Runs an analyzer over the labeled conversations and scores it. */
import type { ConversationAnalyzer } from '../analyzer.js';
import { type EvalConversation, toInput } from './dataset.js';
import { type GroupReport, type ScoredCase, scoreByLanguage } from './score.js';

export interface EvalReport {
  analyzer: string;
  groups: Record<string, GroupReport>;
  cases: ScoredCase[];
}

export async function evaluate(
  analyzer: ConversationAnalyzer,
  conversations: EvalConversation[],
): Promise<EvalReport> {
  const cases: ScoredCase[] = [];
  for (const conversation of conversations) {
    const result = await analyzer.analyze(toInput(conversation));
    cases.push({
      id: conversation.id,
      language: conversation.language,
      labels: conversation.labels,
      prediction: {
        frustrated: result.frustrated,
        humanRequested: result.humanRequested,
        unanswered: result.unansweredQuestions.map((question) => question.quote),
        sentiment: result.sentiment.label,
        topics: result.topics,
      },
    });
  }
  return { analyzer: analyzer.name, groups: scoreByLanguage(cases), cases };
}
