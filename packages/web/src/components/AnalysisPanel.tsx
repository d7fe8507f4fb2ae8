/** The thread's analysis: summary, what the customer feels and asked, what is still owed
 * (tick boxes), and how many questions went unanswered (highlighted in the messages below). */
import type { ConversationCard } from '@parley/domain';
import { useState } from 'react';
import { quoteOf, SENTIMENT_MARKS, sentimentText } from '../analysis';
import { api } from '../api';
import { fullTime } from '../format';
import { ActionItemList } from './ActionItemList';

interface Props {
  card: ConversationCard;
  onCard: (card: ConversationCard) => void;
}

export function AnalysisPanel({ card, onCard }: Props) {
  const analysis = card.analysis;
  const [error, setError] = useState<string | null>(null);
  if (!analysis) return null;

  const setDone = async (itemId: string, done: boolean) => {
    setError(null);
    try {
      onCard(await api.setActionItemDone(card.id, itemId, done));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'The action item could not be saved.');
    }
  };

  const unanswered = analysis.unansweredQuestions.length;
  const flags = [
    analysis.humanRequested && `Asked for a person ${quoteOf(analysis.humanRequestedBy) ?? ''}`,
    analysis.frustrated && `Frustrated ${quoteOf(analysis.frustratedBy) ?? ''}`,
  ].filter((flag): flag is string => Boolean(flag));

  return (
    <details className="analysis" open data-testid="analysis">
      <summary>
        <span className="analysis-title">AI summary</span>
        <span className="analysis-by" title={fullTime(analysis.analyzedAt)}>
          {analysis.analyzer === 'offline' ? 'offline analysis' : analysis.analyzer}
        </span>
      </summary>
      <p className="analysis-summary" data-testid="analysis-summary">
        {analysis.summary}
      </p>
      <p className="analysis-facts">
        <span className={`sentiment sentiment--${analysis.sentiment.label}`} aria-hidden="true">
          {SENTIMENT_MARKS[analysis.sentiment.label].mark}
        </span>{' '}
        {sentimentText(analysis.sentiment)}
        {analysis.topics.map((topic) => (
          <span key={topic} className="topic-chip">
            {topic}
          </span>
        ))}
      </p>
      {flags.map((flag) => (
        <p key={flag} className="analysis-flag">
          {flag.trim()}
        </p>
      ))}
      {unanswered > 0 && (
        <p className="analysis-unanswered" data-testid="analysis-unanswered">
          {unanswered} unanswered question{unanswered === 1 ? '' : 's'}, highlighted below
        </p>
      )}
      {analysis.actionItems.length > 0 && (
        <ActionItemList items={analysis.actionItems} onDone={setDone} />
      )}
      {error && (
        <p className="note note--error" role="alert">
          {error}
        </p>
      )}
    </details>
  );
}
