/** Which assistant answers on a channel; "None" leaves the channel to the operators. */
import { useId } from 'react';
import type { Assistant } from '../../api';
import { describedBy } from './describedBy';
import { FieldMessages } from './FieldMessages';

interface Props {
  assistants: Assistant[];
  /** Empty means none. */
  value: string;
  onChange: (assistantId: string) => void;
  error?: string | undefined;
}

const HINT = 'Answers messages on this channel when auto-reply is on.';

export function AssistantSelect({ assistants, value, onChange, error }: Props) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Assistant</label>
      <select
        id={id}
        className="select"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, HINT, error).describedBy}
      >
        <option value="">None (operators answer)</option>
        {assistants.map((assistant) => (
          <option key={assistant.id} value={assistant.id}>
            {assistant.name}
          </option>
        ))}
      </select>
      <FieldMessages id={id} hint={HINT} error={error} />
    </div>
  );
}
