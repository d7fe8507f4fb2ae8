/** Whether live updates are flowing, so the operator knows if the list can be trusted. */
import type { LiveStatus } from '../live';

const LABELS: Record<LiveStatus, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
};

export function ConnectionIndicator({ status }: { status: LiveStatus }) {
  return (
    <output
      className={`connection connection--${status}`}
      data-testid="connection"
      data-status={status}
    >
      <span className="connection-dot" aria-hidden="true" />
      {LABELS[status]}
    </output>
  );
}
