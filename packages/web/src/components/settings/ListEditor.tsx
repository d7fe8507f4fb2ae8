/** An ordered list of short texts (suggested questions, allowed origins): one input per row,
 * each removable, plus an "Add" button up to a maximum. */
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { describedBy } from './describedBy';
import { FieldMessages } from './FieldMessages';

interface Props {
  legend: string;
  /** Names one row for screen readers, e.g. "Question" → "Question 2". */
  itemLabel: string;
  items: string[];
  onChange: (items: string[]) => void;
  max: number;
  hint?: ReactNode;
  error?: string | undefined;
  placeholder?: string;
  maxLength?: number;
}

export function ListEditor(props: Props) {
  const { legend, itemLabel, items, onChange, max, hint, error } = props;
  const id = useId();
  const { describedBy: groupDescribedBy, errorId } = describedBy(id, hint, error);

  // Stable row keys, so removing a row keeps focus and text with the rows that remain.
  const nextKey = useRef(0);
  const newKey = () => `${id}-row-${nextKey.current++}`;
  const [keys, setKeys] = useState(() => items.map(newKey));
  if (keys.length !== items.length) setKeys(items.map(newKey));

  const rows = useRef(new Map<string, HTMLInputElement>());
  const addButton = useRef<HTMLButtonElement>(null);
  // A fresh object per request, so asking for the same row twice still moves focus.
  const [focusRequest, setFocusRequest] = useState<{ key: string | null } | null>(null);
  useEffect(() => {
    if (!focusRequest) return;
    const row = focusRequest.key ? rows.current.get(focusRequest.key) : null;
    (row ?? addButton.current)?.focus();
  }, [focusRequest]);

  const add = () => {
    const key = newKey();
    setKeys([...keys, key]);
    onChange([...items, '']);
    setFocusRequest({ key });
  };

  const remove = (index: number) => {
    setKeys(keys.filter((_, position) => position !== index));
    onChange(items.filter((_, position) => position !== index));
    // Keep the keyboard in the list: on the next row, else the previous, else "Add".
    setFocusRequest({ key: keys[index + 1] ?? keys[index - 1] ?? null });
  };

  const edit = (index: number, value: string) =>
    onChange(items.map((item, position) => (position === index ? value : item)));

  return (
    <fieldset
      className="list-editor"
      aria-describedby={groupDescribedBy}
      data-invalid={error ? true : undefined}
    >
      <legend>{legend}</legend>
      {items.length > 0 && (
        <ol className="list-editor-rows">
          {items.map((item, index) => {
            const key = keys[index] ?? `${id}-row-pending-${index}`;
            return (
              <li key={key} className="list-editor-row">
                <label htmlFor={key} className="visually-hidden">
                  {`${itemLabel} ${index + 1}`}
                </label>
                <input
                  id={key}
                  ref={(element) => {
                    if (element) rows.current.set(key, element);
                    else rows.current.delete(key);
                  }}
                  type="text"
                  autoComplete="off"
                  value={item}
                  placeholder={props.placeholder}
                  maxLength={props.maxLength}
                  aria-describedby={error ? errorId : undefined}
                  onChange={(event) => edit(index, event.target.value)}
                />
                <button type="button" className="button" onClick={() => remove(index)}>
                  Remove
                  <span className="visually-hidden">{` ${itemLabel.toLowerCase()} ${index + 1}`}</span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
      <div className="list-editor-footer">
        <button
          ref={addButton}
          type="button"
          className="button"
          onClick={add}
          disabled={items.length >= max}
        >
          Add {itemLabel.toLowerCase()}
        </button>
        <span className="field-hint">
          {items.length} of {max}
        </span>
      </div>
      <FieldMessages id={id} hint={hint} error={error} />
    </fieldset>
  );
}
