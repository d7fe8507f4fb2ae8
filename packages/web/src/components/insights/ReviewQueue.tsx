/** Answers worth a second look (low confidence, a complaint after, the question asked again),
 * each rated good or bad with a note; the ratings make each assistant's weekly quality score. */
import type { InsightsQuery, ReviewItem, ReviewReason } from '@parley/domain';
import { useMemo, useState } from 'react';
import type uPlot from 'uplot';
import { type Assistant, api } from '../../api';
import { fullTime } from '../../format';
import { useLoaded } from '../../hooks/useLoaded';
import { scoreSeries } from '../../insights/chart';
import { formatShare } from '../../insights/figures';
import { conversationLink } from '../../insights/links';
import { queryParams } from '../../insights/query';
import { DataTable } from './DataTable';
import { DrillLink } from './DrillLink';
import { axis, dayStamps, SERIES_COLOURS, UPlotChart, utcDate } from './UPlotChart';

const PAGE = 5;

const REASON_LABELS: Record<ReviewReason, string> = {
  low_confidence: 'Low confidence',
  complaint_after: 'Complaint after',
  repeated_question: 'Question asked again',
};

function RatingForm({ item, onRated }: { item: ReviewItem; onRated: () => void }) {
  const [note, setNote] = useState(item.rating?.note ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rate = (verdict: 'good' | 'bad') => {
    setBusy(true);
    setError(null);
    api.rateAnswer(item.messageId, { verdict, note: note.trim() }).then(
      () => {
        setBusy(false);
        onRated();
      },
      (failure: Error) => {
        setBusy(false);
        setError(failure.message);
      },
    );
  };
  return (
    <div className="rating-form">
      <label className="visually-hidden" htmlFor={`note-${item.messageId}`}>
        Note
      </label>
      <input
        id={`note-${item.messageId}`}
        type="text"
        placeholder="Note (optional): what was right or wrong"
        value={note}
        maxLength={1000}
        onChange={(event) => setNote(event.target.value)}
      />
      <button type="button" className="button" disabled={busy} onClick={() => rate('good')}>
        👍 Good
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => rate('bad')}>
        👎 Bad
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

function QualityChart({
  scores,
  assistants,
}: {
  scores: ReturnType<typeof scoreSeries>;
  assistants: Assistant[];
}) {
  const name = (id: string) => assistants.find((assistant) => assistant.id === id)?.name ?? id;
  // The chart is redrawn when its data changes; assistants' names may arrive after the scores.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the chart's options read the names
  const data = useMemo<uPlot.AlignedData>(
    () => [
      dayStamps(scores.weeks),
      ...scores.scores.map((series) =>
        series.map((score) => (score === null ? null : score * 100)),
      ),
    ],
    [scores, assistants],
  );
  const options = (width: number, theme: Parameters<typeof axis>[0]): uPlot.Options => ({
    width,
    height: 200,
    tzDate: utcDate,
    scales: { x: { time: true }, y: { range: [0, 100] } },
    axes: [
      axis(theme, { values: '{MMM} {D}' }),
      axis(theme, { size: 48, values: (_u, ticks) => ticks.map((tick) => `${tick}%`) }),
    ],
    series: [
      { label: 'Week of' },
      ...scores.assistants.map((id, index) => ({
        label: name(id),
        stroke: SERIES_COLOURS[index % SERIES_COLOURS.length],
        width: 2,
        spanGaps: true,
        points: { show: true, size: 6 },
        value: (_u: uPlot, value: number | null) =>
          value === null ? '—' : `${Math.round(value)}%`,
      })),
    ],
  });
  const summary = scores.assistants
    .map((id, index) => {
      const latest = [...(scores.scores[index] ?? [])].reverse().find((score) => score !== null);
      return `${name(id)}: latest weekly score ${formatShare(latest ?? null)}`;
    })
    .join('; ');
  return (
    <figure className="insights-figure">
      <figcaption>Quality score per assistant and week (share of answers rated good)</figcaption>
      <UPlotChart options={options} data={data} label={summary} testId="quality-chart" />
      <DataTable
        summary="Quality scores as a table"
        head={['Week of', ...scores.assistants.map(name)]}
        rows={scores.weeks.map((week, index) => [
          week,
          ...scores.scores.map((series) => formatShare(series[index] ?? null)),
        ])}
      />
    </figure>
  );
}

export function ReviewQueue({
  query,
  assistants,
}: {
  query: InsightsQuery;
  assistants: Assistant[];
}) {
  const key = queryParams(query).toString();
  const queue = useLoaded(() => api.insightsReview(queryParams(query)), key);
  const items = queue.data?.items ?? [];
  const waiting = items.filter((item) => !item.rating);
  const rated = items.filter((item) => item.rating);
  const scores = useMemo(() => scoreSeries(queue.data?.scores ?? []), [queue.data]);
  // A long queue is worked through a page at a time.
  const [shown, setShown] = useState(PAGE);

  const card = (item: ReviewItem) => (
    <li key={item.messageId} className="review-item" data-testid="review-item">
      <div className="review-head">
        {item.reasons.map((reason) => (
          <span key={reason} className="tag tag--warn">
            {REASON_LABELS[reason]}
          </span>
        ))}
        <time className="muted" dateTime={item.at}>
          {fullTime(item.at)}
        </time>
        <DrillLink href={conversationLink(item.conversationId)} label="Open the conversation">
          open
        </DrillLink>
      </div>
      <p className="review-question">
        <span className="muted">Customer: </span>
        {item.question}
      </p>
      <p className="review-answer">
        <span className="muted">Assistant: </span>
        {item.answer}
      </p>
      {item.rating ? (
        <p className={item.rating.verdict === 'good' ? 'tag tag--ok' : 'tag tag--warn'}>
          Rated {item.rating.verdict} by {item.rating.by}
          {item.rating.note ? `: ${item.rating.note}` : ''}
        </p>
      ) : (
        <RatingForm item={item} onRated={queue.reload} />
      )}
    </li>
  );

  return (
    <div className="review">
      {queue.error && (
        <p className="note note--error" role="alert">
          Could not load the review queue: {queue.error}
        </p>
      )}
      {scores.weeks.length > 0 ? (
        <QualityChart scores={scores} assistants={assistants} />
      ) : (
        queue.data && <p className="muted">No answers rated yet: rate some below to see a score.</p>
      )}
      <h3 className="subheading">To review ({waiting.length})</h3>
      {queue.data && waiting.length === 0 && <p className="muted">Nothing waiting for a rating.</p>}
      <ul className="review-list">{waiting.slice(0, shown).map(card)}</ul>
      {waiting.length > shown && (
        <button type="button" className="button" onClick={() => setShown(shown + PAGE)}>
          Show more ({waiting.length - shown} left)
        </button>
      )}
      {rated.length > 0 && (
        <>
          <h3 className="subheading">Recently rated</h3>
          <ul className="review-list">{rated.slice(0, PAGE).map(card)}</ul>
        </>
      )}
    </div>
  );
}
