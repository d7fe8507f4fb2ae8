/** The one time recovery codes are shown. Closing this notice forgets them. */
import { useEffect, useId, useRef } from 'react';
import { CopyButton } from './CopyButton';

interface Props {
  codes: string[];
  onDismiss: () => void;
}

export function RecoveryCodesNotice({ codes, onDismiss }: Props) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <section className="settings-card settings-card--success" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} ref={heading} tabIndex={-1}>
        Two-factor sign-in is on
      </h3>
      <p className="note note--warn">
        <strong>Save these recovery codes now: they will not be shown again.</strong> Each one signs
        you in once if you lose your phone.
      </p>
      <ol className="recovery-codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="form-actions-row">
        <CopyButton text={codes.join('\n')} what="recovery codes" />
        <button type="button" className="button" onClick={onDismiss}>
          Done
        </button>
      </div>
    </section>
  );
}
