/** Settings → Audit log: who signed in (or failed to), and who changed the team, API keys,
 * channels and assistants, when and from where. Admins only; the server keeps 90 days. The
 * page loads and pages itself, so filtering keeps the filter in place while it loads. */
import { AUDIT_ACTIONS, type AuditAction } from '@parley/domain';
import { useId, useState } from 'react';
import { fullTime } from '../../format';
import { useAuditLog } from '../../hooks/useAuditLog';
import { ACTION_LABELS, actionText, actorText, targetText } from '../../settings/audit-log';
import { TableScroll } from './TableScroll';

export function AuditLogSettings() {
  const [action, setAction] = useState<AuditAction | null>(null);
  const log = useAuditLog(action);
  const filterId = useId();
  const retry = log.status === 'failed' ? log.reload : log.loadMore;

  return (
    <section className="settings-section" aria-labelledby="audit-log-title">
      <div className="settings-section-head">
        <h2 id="audit-log-title">Audit log</h2>
      </div>
      <p className="settings-lede">
        Sign-ins and failed sign-ins, and changes to the team, API keys, channels and assistants:
        who did what, when and from where. Entries are kept for 90 days.
      </p>
      <div className="field audit-log-filter">
        <label htmlFor={filterId}>Action</label>
        <select
          id={filterId}
          className="select"
          value={action ?? ''}
          onChange={(event) => setAction((event.target.value || null) as AuditAction | null)}
        >
          <option value="">All actions</option>
          {AUDIT_ACTIONS.map((candidate) => (
            <option key={candidate} value={candidate}>
              {ACTION_LABELS[candidate]}
            </option>
          ))}
        </select>
      </div>
      {log.status === 'loading' && (
        <p className="settings-empty" role="status">
          Loading the audit log…
        </p>
      )}
      {log.error && (
        <div className="list-error" role="alert">
          <p>{log.error}</p>
          <button type="button" className="button" onClick={retry}>
            Try again
          </button>
        </div>
      )}
      {log.status === 'ready' && log.items.length === 0 && (
        <p className="settings-empty">
          {action ? 'Nothing like this was recorded in the last 90 days.' : 'Nothing recorded yet.'}
        </p>
      )}
      {log.items.length > 0 && (
        <TableScroll label="Audit log">
          <table className="settings-table" aria-busy={log.loadingMore}>
            <caption className="visually-hidden">Audit log, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">IP address</th>
              </tr>
            </thead>
            <tbody>
              {log.items.map((entry) => (
                <tr key={entry.id} data-audit-action={entry.action}>
                  <td>
                    <time dateTime={entry.at}>{fullTime(entry.at)}</time>
                  </td>
                  <td className="settings-table-wrap">{actorText(entry)}</td>
                  <td>{actionText(entry)}</td>
                  <td className="settings-table-wrap">{targetText(entry)}</td>
                  <td title={entry.userAgent ?? undefined}>{entry.ip ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {log.status === 'ready' && log.nextCursor && (
        <button
          type="button"
          className="button list-more"
          onClick={log.loadMore}
          disabled={log.loadingMore}
        >
          {log.loadingMore ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  );
}
