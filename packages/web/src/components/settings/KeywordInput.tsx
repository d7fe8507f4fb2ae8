/** A list of words shown as removable chips; typing a comma or pressing Enter adds what was
 * typed, Backspace in the empty input removes the last chip. */
import { type KeyboardEvent, type ReactNode, useId, useRef, useState } from 'react';
import { addKeywords } from '../../settings/keywords';
import { describedBy } from './describedBy';
import { FieldMessages } from './FieldMessages';

interface Props {
  label: string;
  words: string[];
  onChange: (words: string[]) => void;
  hint?: ReactNode;
  error?: string | undefined;
  placeholder?: string;
}

export function KeywordInput({ label, words, onChange, hint, error, placeholder }: Props) {
  const id = useId();
  const [text, setText] = useState('');
  const input = useRef<HTMLInputElement>(null);

  const commit = (typed: string) => {
    const next = addKeywords(words, typed);
    if (next.length !== words.length) onChange(next);
    setText('');
  };

  const onTextChange = (value: string) => {
    // A comma finishes a word; whatever follows the last comma is still being typed.
    const lastComma = value.lastIndexOf(',');
    if (lastComma < 0) {
      setText(value);
      return;
    }
    commit(value.slice(0, lastComma));
    setText(value.slice(lastComma + 1).trimStart());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      // Enter adds the word instead of submitting the whole form.
      event.preventDefault();
      commit(text);
    } else if (event.key === 'Backspace' && text === '' && words.length > 0) {
      onChange(words.slice(0, -1));
    }
  };

  const remove = (word: string) => {
    onChange(words.filter((item) => item !== word));
    input.current?.focus();
  };

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className={error ? 'chips-box chips-box--invalid' : 'chips-box'}>
        {words.length > 0 && (
          <ul className="chips" aria-label={`Current ${label.toLowerCase()}`}>
            {words.map((word) => (
              <li key={word} className="chip">
                <span>{word}</span>
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={`Remove ${word}`}
                  onClick={() => remove(word)}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          id={id}
          ref={input}
          type="text"
          className="chips-input"
          value={text}
          placeholder={words.length === 0 ? placeholder : 'Add another…'}
          autoComplete="off"
          onChange={(event) => onTextChange(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => commit(text)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error).describedBy}
        />
      </div>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}
