/** The hint and the error under a form control; their ids come from `describedBy`. */
import type { ReactNode } from 'react';
import { describedBy } from './describedBy';

interface Props {
  id: string;
  hint?: ReactNode;
  error?: string | undefined;
}

export function FieldMessages({ id, hint, error }: Props) {
  const { hintId, errorId } = describedBy(id, hint, error);
  return (
    <>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </>
  );
}
