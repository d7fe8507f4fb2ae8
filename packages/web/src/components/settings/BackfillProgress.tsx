/** Analyzing the conversations that have no analysis yet: start it (admins) and watch it. */
import type { AnalysisBackfillView } from '@parley/domain';
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { fullTime } from '../../format';

const POLL_MS = 1000;

interface Props {
  canEdit: boolean;
}

export function BackfillProgress({ canEdit }: Props) {
  const [backfill, setBackfill] = useState<AnalysisBackfillView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = backfill?.status === 'running';

  // biome-ignore lint/correctness/useExhaustiveDependencies: polls again whenever it is running
  useEffect(() => {
    let cancelled = false;
    let timer: number | undefined;
    const load = () =>
      api.getBackfill().then(
        (current) => {
          if (cancelled) return;
          setBackfill(current);
          if (current?.status === 'running') timer = window.setTimeout(load, POLL_MS);
        },
        (failure: Error) => {
          if (!cancelled) setError(failure.message);
        },
      );
    void load();
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [running]);

  const start = async () => {
    setError(null);
    try {
      setBackfill(await api.startBackfill());
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'The analysis could not start.');
    }
  };

  return (
    <section className="settings-card" aria-labelledby="backfill-title" data-testid="backfill">
      <h3 id="backfill-title">Analyze existing conversations</h3>
      <p className="field-hint">
        New messages are analyzed as they arrive. Conversations from before (or analyzed by an older
        version) are analyzed here; <code>npm run analyze</code> does the same from a terminal.
      </p>
      {backfill && (
        <div className="backfill-status" role="status">
          <progress max={Math.max(1, backfill.total)} value={backfill.done} />
          <span>
            {backfill.status === 'running' && `Analyzing… ${backfill.done} of ${backfill.total}`}
            {backfill.status === 'done' &&
              `Done: ${backfill.total} conversation${backfill.total === 1 ? '' : 's'} analyzed${
                backfill.finishedAt ? ` (${fullTime(backfill.finishedAt)})` : ''
              }.`}
            {backfill.status === 'failed' && `Stopped: ${backfill.error ?? 'unknown error'}`}
          </span>
        </div>
      )}
      {error && (
        <p className="note note--error" role="alert">
          {error}
        </p>
      )}
      {canEdit && (
        <button type="button" className="button" onClick={start} disabled={running}>
          {running ? 'Analyzing…' : 'Analyze now'}
        </button>
      )}
    </section>
  );
}
