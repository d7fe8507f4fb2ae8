/** Repeated topics: how many conversations had each, against the previous period, and the daily
 * trend (a small picture; the numbers are in the row). */
import type { InsightsQuery, TopicTrend } from '@parley/domain';
import { changeOf } from '../../insights/figures';
import { inboxUrl } from '../../insights/links';
import { TableScroll } from '../settings/TableScroll';
import { ChangeBadge } from './ChangeBadge';
import { DrillLink } from './DrillLink';

function Sparkline({ values }: { values: number[] }) {
  const max = Math.max(1, ...values);
  const width = 120;
  const height = 24;
  const step = values.length > 1 ? width / (values.length - 1) : width;
  const points = values
    .map(
      (value, index) =>
        `${(index * step).toFixed(1)},${(height - (value / max) * height).toFixed(1)}`,
    )
    .join(' ');
  return (
    <svg className="sparkline" width={width} height={height} aria-hidden="true">
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

export function TopicTable({ query, topics }: { query: InsightsQuery; topics: TopicTrend[] }) {
  if (topics.length === 0) return <p className="muted">No topics found in this period.</p>;
  return (
    <TableScroll label="Repeated topics">
      <table className="insights-table" data-testid="topic-table">
        <thead>
          <tr>
            <th scope="col">Topic</th>
            <th scope="col">Conversations</th>
            <th scope="col">Previous period</th>
            <th scope="col">Trend</th>
          </tr>
        </thead>
        <tbody>
          {topics.map((topic) => (
            <tr key={topic.topic}>
              <th scope="row">{topic.topic}</th>
              <td>
                <DrillLink
                  href={inboxUrl(query, { topic: topic.topic })}
                  label={`${topic.conversations} conversations about ${topic.topic}`}
                >
                  {topic.conversations}
                </DrillLink>
                <ChangeBadge
                  change={changeOf(
                    'conversations',
                    topic.conversations,
                    topic.previousConversations,
                  )}
                />
              </td>
              <td>{topic.previousConversations}</td>
              <td
                title={topic.daily
                  .map((point) => `${point.day}: ${point.conversations}`)
                  .join('\n')}
              >
                <Sparkline values={topic.daily.map((point) => point.conversations)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
