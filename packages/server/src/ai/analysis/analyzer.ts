/**
 * The one interface behind which conversations are understood: the offline analyzer (no
 * network, lexicons shipped in npm packages) and the model analyzer both implement it.
 */
import type { ConversationAnalysis } from '@parley/domain';

export interface AnalysisMessage {
  id: string;
  author: 'contact' | 'assistant' | 'operator' | 'business';
  text: string;
  sentAt: string;
  subject?: string | null;
}

export interface AnalysisInput {
  channelKind: string;
  subject: string | null;
  /** Oldest first. */
  messages: AnalysisMessage[];
  /** The workspace's topic list. */
  topics: string[];
  previous: ConversationAnalysis | null;
}

/** Action items carry only their text: the caller merges them with the stored done-state. */
export type AnalysisResult = Omit<
  ConversationAnalysis,
  'version' | 'analyzedAt' | 'actionItems'
> & {
  actionItems: { text: string }[];
};

export interface ConversationAnalyzer {
  readonly name: string;
  analyze(input: AnalysisInput): Promise<AnalysisResult>;
}
