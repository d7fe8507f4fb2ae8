/** An email's quoted history and its original HTML, each behind a toggle. The original is
 * rendered only inside a frame with an empty sandbox: no scripts, no access to the inbox. */
import type { MessageView } from '@parley/domain';
import { useState } from 'react';
import { emailDocument, emailExtraParts, emailFrameHeight } from '../email';

interface Props {
  message: MessageView;
  author: string;
}

export function EmailExtras({ message, author }: Props) {
  const { html, quotedText } = emailExtraParts(message);
  const [showQuoted, setShowQuoted] = useState(false);
  const [showOriginal, setShowOriginal] = useState(false);
  if (!html && !quotedText) return null;

  return (
    <div className="email-extras">
      <div className="email-toggles">
        {quotedText && (
          <button
            type="button"
            className="link-button"
            aria-expanded={showQuoted}
            onClick={() => setShowQuoted((shown) => !shown)}
          >
            {showQuoted ? 'Hide quoted text' : 'Show quoted text'}
          </button>
        )}
        {html && (
          <button
            type="button"
            className="link-button"
            aria-expanded={showOriginal}
            onClick={() => setShowOriginal((shown) => !shown)}
          >
            {showOriginal ? 'Hide original email' : 'Show original email'}
          </button>
        )}
      </div>
      {quotedText && showQuoted && <pre className="email-quoted">{quotedText}</pre>}
      {html && showOriginal && (
        <iframe
          className="email-frame"
          sandbox=""
          srcDoc={emailDocument(html)}
          title={`Original email from ${author}`}
          style={{ height: emailFrameHeight(quotedText ?? message.text) }}
        />
      )}
    </div>
  );
}
