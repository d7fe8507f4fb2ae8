/** Per channel or per assistant: every performance figure of the period, its change against the
 * previous period, and links to the conversations behind it. */
import type {
  HandoverTrigger,
  InsightsQuery,
  PerformanceFigures,
  PerformanceRow,
} from '@parley/domain';
import { isChannelKind } from '@parley/domain';
import {
  type FigureKey,
  figureChange,
  formatCount,
  formatPercentiles,
  formatRatio,
  formatSentiment,
  formatShare,
  TRIGGER_LABELS,
} from '../../insights/figures';
import { type DrillDown, inboxUrl } from '../../insights/links';
import { TableScroll } from '../settings/TableScroll';
import { ChangeBadge } from './ChangeBadge';
import { DrillLink } from './DrillLink';

interface Column {
  key: FigureKey;
  title: string;
  format: (figures: PerformanceFigures) => string;
  /** What the cell's link narrows to, beyond the row. */
  drill?: DrillDown;
}

const COLUMNS: Column[] = [
  { key: 'conversations', title: 'Conversations', format: (f) => formatCount(f.conversations) },
  {
    key: 'customerMessages',
    title: 'Customer messages',
    format: (f) => formatCount(f.customerMessages),
  },
  {
    key: 'messagesPerConversation',
    title: 'Messages per conversation',
    format: (f) => formatRatio(f.messagesPerConversation),
  },
  {
    key: 'answeredByAiShare',
    title: 'Answered by AI alone',
    format: (f) => formatShare(f.answeredByAiShare),
    drill: { outcome: 'ai_only' },
  },
  {
    key: 'handedOverShare',
    title: 'Paused or taken over',
    format: (f) => formatShare(f.handedOverShare),
    drill: { outcome: 'handed_over' },
  },
  {
    key: 'aiFirstResponseSeconds',
    title: 'AI first response (p50 / p90)',
    format: (f) => formatPercentiles(f.aiFirstResponseSeconds),
  },
  {
    key: 'humanFirstResponseSeconds',
    title: 'Person first response (p50 / p90)',
    format: (f) => formatPercentiles(f.humanFirstResponseSeconds),
  },
  {
    key: 'pauseToHumanReplySeconds',
    title: 'Pause to person reply (p50 / p90)',
    format: (f) => formatPercentiles(f.pauseToHumanReplySeconds),
    drill: { outcome: 'handed_over' },
  },
  {
    key: 'unansweredRate',
    title: 'Unanswered rate',
    format: (f) => formatShare(f.unansweredRate),
    drill: { hasUnanswered: true },
  },
  {
    key: 'averageEndSentiment',
    title: 'Average end sentiment',
    format: (f) => formatSentiment(f.averageEndSentiment),
  },
];

function Triggers({
  counts,
  query,
  row,
}: {
  counts: PerformanceFigures['handoversByTrigger'];
  query: InsightsQuery;
  row: DrillDown;
}) {
  const entries = (Object.entries(counts) as [HandoverTrigger, number][])
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return null;
  return (
    <ul className="trigger-list">
      {entries.map(([trigger, count]) => (
        <li key={trigger}>
          <DrillLink
            href={inboxUrl(query, { ...row, outcome: 'handed_over', handover: trigger })}
            label={`${count} handed over: ${TRIGGER_LABELS[trigger]}`}
          >
            {TRIGGER_LABELS[trigger]} {count}
          </DrillLink>
        </li>
      ))}
    </ul>
  );
}

interface Props {
  caption: string;
  /** Heading of the first column. */
  rowTitle: string;
  rows: PerformanceRow[];
  totals: { current: PerformanceFigures; previous: PerformanceFigures };
  query: InsightsQuery;
  kind: 'channel' | 'assistant';
  testId: string;
}

export function PerformanceTable({ caption, rowTitle, rows, totals, query, kind, testId }: Props) {
  const drillOf = (key: string): DrillDown =>
    kind === 'channel' && isChannelKind(key) ? { channel: key } : { assistant: key };
  const all: PerformanceRow = { key: '', label: 'All', ...totals };

  const cells = (row: PerformanceRow, drill: DrillDown) =>
    COLUMNS.map((column) => {
      const text = column.format(row.current);
      const label = `${column.title}, ${row.label}: ${text}`;
      return (
        <td key={column.key}>
          {row.current.conversations > 0 ? (
            <DrillLink href={inboxUrl(query, { ...drill, ...column.drill })} label={label}>
              {text}
            </DrillLink>
          ) : (
            text
          )}
          <ChangeBadge change={figureChange(column.key, row.current, row.previous)} />
          {column.key === 'handedOverShare' && (
            <Triggers counts={row.current.handoversByTrigger} query={query} row={drill} />
          )}
        </td>
      );
    });

  return (
    <TableScroll label={caption}>
      <table className="insights-table" data-testid={testId}>
        <caption className="visually-hidden">
          {caption}, with the change against the previous period
        </caption>
        <thead>
          <tr>
            <th scope="col">{rowTitle}</th>
            {COLUMNS.map((column) => (
              <th key={column.key} scope="col">
                {column.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-row-key={row.key}>
              <th scope="row">{row.label}</th>
              {cells(row, drillOf(row.key))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{all.label}</th>
            {cells(all, {})}
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}
