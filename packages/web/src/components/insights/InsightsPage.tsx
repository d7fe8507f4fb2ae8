/** Insights: how the assistants perform across channels, what customers ask that nobody
 * answered (and the one-click fixes), frustrated customers, and the quality review. Every
 * number leads to the inbox filtered to the conversations it counts. */
import { useEffect, useState } from 'react';
import { type Assistant, api, type Session } from '../../api';
import { useInsightsQuery } from '../../hooks/useInsightsQuery';
import { useLoaded } from '../../hooks/useLoaded';
import { conversationsCsvUrl, performanceCsvUrl } from '../../insights/links';
import { queryParams } from '../../insights/query';
import type { Route } from '../../routes';
import { TopBar } from '../TopBar';
import { DailyChart } from './DailyChart';
import { InsightsFilterBar } from './InsightsFilterBar';
import { IssueList } from './IssueList';
import { PerformanceTable } from './PerformanceTable';
import { QuestionGroups } from './QuestionGroups';
import { ReviewQueue } from './ReviewQueue';
import { TopicTable } from './TopicTable';

interface Props {
  session: Session;
  onNavigate: (route: Route) => void;
  onLoggedOut: () => void;
}

function CsvLink({ href, children }: { href: string; children: string }) {
  return (
    <a href={href} className="csv-link" download>
      {children}
    </a>
  );
}

export function InsightsPage({ session, onNavigate, onLoggedOut }: Props) {
  const { query, setQuery } = useInsightsQuery();
  const key = queryParams(query).toString();
  const performance = useLoaded(() => api.insightsPerformance(queryParams(query)), key);
  const [assistants, setAssistants] = useState<Assistant[]>([]);
  useEffect(() => {
    // Without them the filter offers "All assistants" and the fixes wait; nothing else needs them.
    api.listAssistants().then(setAssistants, () => undefined);
  }, []);
  const report = performance.data;
  const assistantRows = (report?.byAssistant ?? []).map((row) => ({
    ...row,
    label: assistants.find((assistant) => assistant.id === row.key)?.name ?? row.label,
  }));

  return (
    <div className="app">
      <TopBar
        session={session}
        route={{ page: 'insights' }}
        onNavigate={onNavigate}
        onLoggedOut={onLoggedOut}
      />
      <main className="insights" aria-labelledby="insights-title">
        <div className="insights-header">
          <h1 id="insights-title" className="insights-title">
            Insights
          </h1>
          <InsightsFilterBar query={query} assistants={assistants} onChange={setQuery} />
          {report && (
            <p className="muted insights-period">
              Compared with {report.previous.from} to {report.previous.to}. Days in UTC.
            </p>
          )}
        </div>

        <section className="insights-section" aria-labelledby="performance-title">
          <div className="section-head">
            <h2 id="performance-title">Performance across channels</h2>
            <span className="csv-links">
              CSV:
              <CsvLink href={performanceCsvUrl(query, 'daily')}>daily</CsvLink>
              <CsvLink href={performanceCsvUrl(query, 'channels')}>channels</CsvLink>
              <CsvLink href={performanceCsvUrl(query, 'assistants')}>assistants</CsvLink>
              <CsvLink href={conversationsCsvUrl(query)}>conversations</CsvLink>
            </span>
          </div>
          {performance.error && (
            <p className="note note--error" role="alert">
              Could not load the figures: {performance.error}{' '}
              <button type="button" className="link-button" onClick={performance.reload}>
                Retry
              </button>
            </p>
          )}
          {!report && performance.loading && <p className="muted">Loading figures…</p>}
          {report && (
            <>
              <DailyChart query={query} daily={report.daily} />
              <h3 className="subheading">Per channel</h3>
              <PerformanceTable
                caption="Performance per channel"
                rowTitle="Channel"
                rows={report.byChannel}
                totals={report.totals}
                query={query}
                kind="channel"
                testId="channel-table"
              />
              <h3 className="subheading">Per assistant</h3>
              <PerformanceTable
                caption="Performance per assistant"
                rowTitle="Assistant"
                rows={assistantRows}
                totals={report.totals}
                query={query}
                kind="assistant"
                testId="assistant-table"
              />
            </>
          )}
        </section>

        <section className="insights-section" aria-labelledby="questions-title">
          <div className="section-head">
            <h2 id="questions-title">Customer questions</h2>
            {report && (
              <span className="csv-links">
                CSV:
                <CsvLink href={performanceCsvUrl(query, 'topics')}>topics</CsvLink>
              </span>
            )}
          </div>
          <h3 className="subheading">Repeated topics</h3>
          {report && <TopicTable query={query} topics={report.topics} />}
          <h3 className="subheading">Unanswered questions, grouped by meaning</h3>
          <QuestionGroups query={query} assistants={assistants} />
        </section>

        <section className="insights-section" aria-labelledby="issues-title">
          <div className="section-head">
            <h2 id="issues-title">Issue detection</h2>
          </div>
          <IssueList query={query} />
        </section>

        <section className="insights-section" aria-labelledby="review-title">
          <div className="section-head">
            <h2 id="review-title">Quality review</h2>
          </div>
          <ReviewQueue query={query} assistants={assistants} />
        </section>
      </main>
    </div>
  );
}
