/** Multi-select of channel kinds: a disclosure holding one checkbox per kind. */
import { CHANNEL_KINDS, CHANNEL_LABELS, type ChannelKind } from '@parley/domain';
import { useEffect, useRef } from 'react';
import { ChannelIcon } from './ChannelIcon';

interface Props {
  value: ChannelKind[];
  onChange: (channels: ChannelKind[]) => void;
}

function summary(value: ChannelKind[]): string {
  if (value.length === 0) return 'All channels';
  if (value.length === 1 && value[0]) return CHANNEL_LABELS[value[0]];
  return `${value.length} channels`;
}

export function ChannelFilter({ value, onChange }: Props) {
  const details = useRef<HTMLDetailsElement>(null);

  // <details> does not close on its own when focus or clicks move elsewhere, as menus should.
  useEffect(() => {
    const closeIfOutside = (event: Event) => {
      const element = details.current;
      if (element?.open && event.target instanceof Node && !element.contains(event.target)) {
        element.open = false;
      }
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      const element = details.current;
      if (event.key === 'Escape' && element?.open) {
        element.open = false;
        element.querySelector('summary')?.focus();
      }
    };
    document.addEventListener('pointerdown', closeIfOutside);
    document.addEventListener('focusin', closeIfOutside);
    document.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('pointerdown', closeIfOutside);
      document.removeEventListener('focusin', closeIfOutside);
      document.removeEventListener('keydown', closeOnEscape);
    };
  }, []);

  const toggle = (kind: ChannelKind, checked: boolean) => {
    const next = new Set(value);
    if (checked) next.add(kind);
    else next.delete(kind);
    // Keep the canonical order so the URL and the query stay stable.
    onChange(CHANNEL_KINDS.filter((candidate) => next.has(candidate)));
  };

  return (
    <details className="dropdown" ref={details}>
      <summary className="select">
        <span className="visually-hidden">Channels: </span>
        {summary(value)}
      </summary>
      <fieldset className="dropdown-panel">
        <legend className="visually-hidden">Channels</legend>
        {CHANNEL_KINDS.map((kind) => (
          <label key={kind} className="check">
            <input
              type="checkbox"
              checked={value.includes(kind)}
              onChange={(event) => toggle(kind, event.target.checked)}
            />
            <ChannelIcon kind={kind} size={16} decorative />
            <span>{CHANNEL_LABELS[kind]}</span>
          </label>
        ))}
        {value.length > 0 && (
          <button type="button" className="link-button" onClick={() => onChange([])}>
            Show all channels
          </button>
        )}
      </fieldset>
    </details>
  );
}
