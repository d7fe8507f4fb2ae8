/** Filters on what the analysis found: sentiment, topic, and four yes/no findings. */
import { useId } from 'react';
import { SENTIMENT_MARKS } from '../analysis';
import { type Filters, INSIGHT_FLAGS, type InsightFlag, SENTIMENT_FILTERS } from '../filters';

const FLAG_LABELS: Record<InsightFlag, string> = {
  frustrated: 'Frustrated',
  humanRequested: 'Asked for a person',
  hasUnanswered: 'Unanswered questions',
  hasOpenActionItems: 'Open action items',
};

interface Props {
  filters: Filters;
  topics: string[];
  onChange: (filters: Filters) => void;
}

export function InsightFilters({ filters, topics, onChange }: Props) {
  const id = useId();
  // A topic from the URL stays selectable even if the list no longer has it.
  const topicOptions =
    filters.topic && !topics.includes(filters.topic) ? [...topics, filters.topic] : topics;
  return (
    <fieldset className="filters-insights">
      <legend className="visually-hidden">Insights</legend>
      <div className="filters-row">
        <label className="visually-hidden" htmlFor={`${id}-sentiment`}>
          Sentiment
        </label>
        <select
          id={`${id}-sentiment`}
          className="select"
          value={filters.sentiment}
          onChange={(event) =>
            onChange({ ...filters, sentiment: event.target.value as Filters['sentiment'] })
          }
        >
          <option value="">Any sentiment</option>
          {SENTIMENT_FILTERS.map((label) => (
            <option key={label} value={label}>
              {SENTIMENT_MARKS[label].label}
            </option>
          ))}
        </select>
        <label className="visually-hidden" htmlFor={`${id}-topic`}>
          Topic
        </label>
        <select
          id={`${id}-topic`}
          className="select"
          value={filters.topic}
          onChange={(event) => onChange({ ...filters, topic: event.target.value })}
        >
          <option value="">Any topic</option>
          {topicOptions.map((topic) => (
            <option key={topic} value={topic}>
              {topic}
            </option>
          ))}
        </select>
      </div>
      <div className="filters-row filters-flags">
        {INSIGHT_FLAGS.map((flag) => (
          <label key={flag} className="check">
            <input
              type="checkbox"
              checked={filters[flag]}
              onChange={(event) => onChange({ ...filters, [flag]: event.target.checked })}
            />
            <span>{FLAG_LABELS[flag]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
