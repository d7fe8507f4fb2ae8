/** On a comment thread: answer under the comment for everyone to see, or privately by DM. */
import { useId } from 'react';

export type ReplyMode = 'public' | 'private';

const OPTIONS: { mode: ReplyMode; label: string }[] = [
  { mode: 'public', label: 'Reply publicly' },
  { mode: 'private', label: 'Reply privately' },
];

interface Props {
  mode: ReplyMode;
  onChange: (mode: ReplyMode) => void;
}

export function ReplyModeSwitch({ mode, onChange }: Props) {
  const name = useId();
  return (
    <fieldset className="reply-mode">
      <legend className="visually-hidden">How to reply</legend>
      {OPTIONS.map((option) => (
        <label key={option.mode} className="reply-mode-option">
          <input
            type="radio"
            name={name}
            value={option.mode}
            checked={mode === option.mode}
            onChange={() => onChange(option.mode)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
