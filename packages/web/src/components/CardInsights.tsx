/** A card's analysis at a glance: sentiment mark, topic chips and open action items. */
import { type ConversationAnalysis, openActionItemCount } from '@parley/domain';
import { SENTIMENT_MARKS, sentimentText } from '../analysis';

export function CardInsights({ analysis }: { analysis: ConversationAnalysis }) {
  const open = openActionItemCount(analysis);
  const { label } = analysis.sentiment;
  return (
    <span className="card-insights">
      <span
        className={`sentiment sentiment--${label}`}
        title={sentimentText(analysis.sentiment)}
        data-testid="card-sentiment"
        data-sentiment={label}
      >
        <span aria-hidden="true">{SENTIMENT_MARKS[label].mark}</span>
        <span className="visually-hidden">{sentimentText(analysis.sentiment)}</span>
      </span>
      {analysis.topics.map((topic) => (
        <span key={topic} className="topic-chip" data-testid="card-topic">
          {topic}
        </span>
      ))}
      {open > 0 && (
        <span className="card-actions" data-testid="card-open-actions">
          {open} open action item{open === 1 ? '' : 's'}
        </span>
      )}
    </span>
  );
}
