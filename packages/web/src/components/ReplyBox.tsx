/** The operator's reply: Enter sends, Shift+Enter adds a line; failures stay visible inline. */
import { type FormEvent, type KeyboardEvent, type ReactNode, useId, useRef, useState } from 'react';

interface Props {
  /** Rejects with an error whose message is shown to the operator (e.g. reply window closed). */
  onSend: (text: string) => Promise<void>;
  /** Names the kind of reply (e.g. public or private); a change clears the last failure. */
  label?: string;
  placeholder?: string;
  submitLabel?: string;
  /** Shown above the text box, e.g. a choice of how to reply and what the last send did. */
  children?: ReactNode;
}

export function ReplyBox({
  onSend,
  label = 'Reply',
  placeholder = 'Write a reply…  (Enter to send, Shift+Enter for a new line)',
  submitLabel = 'Send',
  children,
}: Props) {
  const id = useId();
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement>(null);

  // A failure belongs to the kind of reply that failed: switching kinds clears it, keeps the draft.
  const [errorLabel, setErrorLabel] = useState(label);
  if (errorLabel !== label) {
    setErrorLabel(label);
    setError(null);
  }

  const send = async () => {
    const body = text.trim();
    if (!body || sending) return;
    setSending(true);
    setError(null);
    try {
      await onSend(body);
      setText('');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'The reply could not be sent.');
    } finally {
      setSending(false);
      input.current?.focus();
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // While an IME is composing, Enter confirms the composition and must not send.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  };

  return (
    <form className="reply" onSubmit={onSubmit}>
      {children}
      {error && (
        <p className="note note--error" role="alert" id={`${id}-error`}>
          {error}
        </p>
      )}
      <div className="reply-row">
        <label htmlFor={`${id}-text`} className="visually-hidden">
          {label}
        </label>
        <textarea
          id={`${id}-text`}
          ref={input}
          rows={2}
          value={text}
          placeholder={placeholder}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          readOnly={sending}
        />
        <button type="submit" className="button button--primary" disabled={sending || !text.trim()}>
          {sending ? 'Sending…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
