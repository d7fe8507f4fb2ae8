/** The response delay: shortest and longest wait, in seconds, before the assistant answers. */
import { MAX_DELAY_SECONDS } from '@parley/domain';
import { useId } from 'react';
import { TextField } from './TextField';

interface Props {
  min: string;
  max: string;
  onChange: (range: { delayMin?: string; delayMax?: string }) => void;
  minError?: string | undefined;
  maxError?: string | undefined;
}

export function DelayRangeFields({ min, max, onChange, minError, maxError }: Props) {
  const hintId = useId();
  return (
    <fieldset className="delay-range" aria-describedby={hintId}>
      <legend>Response delay</legend>
      <p id={hintId} className="field-hint">
        A random delay in this range before the assistant answers, so replies feel less instant. 0
        to {MAX_DELAY_SECONDS} seconds; the same number twice means a fixed delay.
      </p>
      <div className="delay-range-row">
        <TextField
          label="From (seconds)"
          type="number"
          min={0}
          max={MAX_DELAY_SECONDS}
          value={min}
          onChange={(delayMin) => onChange({ delayMin })}
          error={minError}
        />
        <TextField
          label="To (seconds)"
          type="number"
          min={0}
          max={MAX_DELAY_SECONDS}
          value={max}
          onChange={(delayMax) => onChange({ delayMax })}
          error={maxError}
        />
      </div>
    </fieldset>
  );
}
