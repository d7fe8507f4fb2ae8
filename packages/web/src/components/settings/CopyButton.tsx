/** Copies a text to the clipboard and says so; if the browser refuses (no permission, not a
 * secure context), it says that instead so the operator copies by hand. */
import { useEffect, useState } from 'react';

interface Props {
  text: string;
  /** What is copied, for screen readers: "Copy embed snippet". */
  what: string;
}

const FEEDBACK_MS = 2000;

export function CopyButton({ text, what }: Props) {
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);

  useEffect(() => {
    if (result !== 'copied') return;
    const timer = window.setTimeout(() => setResult(null), FEEDBACK_MS);
    return () => window.clearTimeout(timer);
  }, [result]);

  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => setResult('copied'),
      () => setResult('failed'),
    );
  };

  return (
    <>
      <button type="button" className="button" onClick={copy}>
        Copy<span className="visually-hidden"> {what}</span>
      </button>
      <span className="copy-status" role="status">
        {result === 'copied' && 'Copied.'}
        {result === 'failed' && 'Could not copy; select the text and copy it.'}
      </span>
    </>
  );
}
