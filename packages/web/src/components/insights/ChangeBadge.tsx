/** The change against the previous period: an arrow, the amount, and green or red when the
 * change is good or bad news (the words say so too, for those who cannot tell the colours). */
import type { Change } from '../../insights/figures';

const ARROWS = { up: '▲', down: '▼', flat: '▬', none: '' } as const;

export function ChangeBadge({ change }: { change: Change }) {
  if (!change.text) return null;
  const tone = change.good === null ? 'neutral' : change.good ? 'good' : 'bad';
  const verdict = change.good === null ? '' : change.good ? ', better' : ', worse';
  return (
    <span className={`change change--${tone}`} title="Change against the previous period">
      <span aria-hidden="true">{ARROWS[change.direction]} </span>
      {change.text}
      <span className="visually-hidden"> against the previous period{verdict}</span>
    </span>
  );
}
