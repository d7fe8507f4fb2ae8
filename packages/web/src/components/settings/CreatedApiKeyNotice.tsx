/** The one time a new API key is shown in full. Closing this notice forgets it. */
import { useEffect, useId, useRef } from 'react';
import type { CreatedApiKey } from '../../api';
import { CopyField } from './CopyField';

interface Props {
  apiKey: CreatedApiKey;
  onDismiss: () => void;
}

export function CreatedApiKeyNotice({ apiKey, onDismiss }: Props) {
  const id = useId();
  // The form that had focus is gone; the outcome is the natural next thing to read.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <section className="settings-card settings-card--success" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} ref={heading} tabIndex={-1}>
        API key “{apiKey.name}” created
      </h3>
      <p className="note note--warn">
        <strong>Copy the key now: it will not be shown again.</strong> Parley keeps only a
        fingerprint of it. If it gets lost, revoke it and create a new one.
      </p>
      <CopyField
        label="API key"
        value={apiKey.key}
        hint={
          <>
            Shown only this once. Scripts send it as <code>Authorization: Bearer {'<key>'}</code>.
          </>
        }
      />
      <button type="button" className="button" onClick={onDismiss}>
        Done
      </button>
    </section>
  );
}
