/** One message: the customer on the left, everyone speaking for the business on the right. */
import type { MessageView } from '@parley/domain';
import { highlightQuotes } from '../analysis';
import { AUTHOR_LABELS, DELIVERY_LABELS, fullTime, messageTime } from '../format';
import { AnswerProvenance } from './AnswerProvenance';
import { AttachmentList } from './AttachmentList';
import { DeliveryNote } from './DeliveryNote';
import { EmailExtras } from './EmailExtras';

interface Props {
  message: MessageView;
  depth: number;
  contactName: string;
  /** Quotes of this message's questions the analysis found unanswered. */
  unanswered?: string[] | undefined;
}

export function MessageBubble({ message, depth, contactName, unanswered }: Props) {
  const inbound = message.author === 'contact';
  const author = message.author === 'contact' ? contactName : AUTHOR_LABELS[message.author];
  const delivery = message.status === 'received' ? null : message.status;

  return (
    <li
      className={`message message--${inbound ? 'in' : 'out'} message--${message.author}${unanswered ? ' message--unanswered' : ''}`}
      style={depth > 0 ? { marginInlineStart: `${depth * 1.75}rem` } : undefined}
      data-testid="message"
      data-message-id={message.id}
      data-author={message.author}
      data-reply={depth > 0 ? 'true' : undefined}
      data-unanswered={unanswered ? 'true' : undefined}
    >
      <div className="bubble">
        <div className="message-meta">
          <span className="message-author">{author}</span>
          <time dateTime={message.createdAt} title={fullTime(message.createdAt)}>
            {messageTime(message.createdAt)}
          </time>
        </div>
        {message.removed && <p className="message-removed">Message removed</p>}
        {unanswered && <p className="visually-hidden">Has a question not answered yet.</p>}
        {message.text && (
          <p className={message.removed ? 'message-text message-text--removed' : 'message-text'}>
            {unanswered
              ? highlightQuotes(message.text, unanswered).map((part, index) =>
                  part.marked ? (
                    // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed text
                    <mark key={index} className="unanswered" title="Not answered yet">
                      {part.text}
                    </mark>
                  ) : (
                    part.text
                  ),
                )
              : message.text}
          </p>
        )}
        {!message.removed && <EmailExtras message={message} author={author} />}
        {message.attachments.length > 0 && <AttachmentList attachments={message.attachments} />}
        {!message.removed && <AnswerProvenance message={message} />}
        {(message.edited || delivery) && (
          <div className="message-footer">
            {message.edited && <span className="message-edited">Edited</span>}
            {delivery && (
              <span className={`delivery delivery--${delivery}`}>{DELIVERY_LABELS[delivery]}</span>
            )}
          </div>
        )}
        <DeliveryNote message={message} />
      </div>
    </li>
  );
}
