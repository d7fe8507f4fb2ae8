/** One message: the customer on the left, everyone speaking for the business on the right. */
import type { MessageView } from '@parley/domain';
import { AUTHOR_LABELS, DELIVERY_LABELS, fullTime, messageTime, safeHttpUrl } from '../format';

interface Props {
  message: MessageView;
  depth: number;
  contactName: string;
}

export function MessageBubble({ message, depth, contactName }: Props) {
  const inbound = message.author === 'contact';
  const author = message.author === 'contact' ? contactName : AUTHOR_LABELS[message.author];
  const delivery = message.status === 'received' ? null : message.status;

  return (
    <li
      className={`message message--${inbound ? 'in' : 'out'} message--${message.author}`}
      style={depth > 0 ? { marginInlineStart: `${depth * 1.75}rem` } : undefined}
      data-testid="message"
      data-message-id={message.id}
      data-author={message.author}
      data-reply={depth > 0 ? 'true' : undefined}
    >
      <div className="bubble">
        <div className="message-meta">
          <span className="message-author">{author}</span>
          <time dateTime={message.createdAt} title={fullTime(message.createdAt)}>
            {messageTime(message.createdAt)}
          </time>
        </div>
        {message.removed && <p className="message-removed">Message removed</p>}
        {message.text && (
          <p className={message.removed ? 'message-text message-text--removed' : 'message-text'}>
            {message.text}
          </p>
        )}
        {message.attachments.length > 0 && (
          <ul className="attachments" aria-label="Attachments">
            {message.attachments.map((attachment, index) => {
              const href = safeHttpUrl(attachment.url);
              const label = attachment.name ?? attachment.url ?? 'no link';
              return (
                // Attachments carry no id of their own; their order in a message never changes.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <li key={index}>
                  <span className="attachment-type">{attachment.type}</span>{' '}
                  {href ? (
                    <a href={href} target="_blank" rel="noopener noreferrer">
                      {label}
                    </a>
                  ) : (
                    <span>{label}</span>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {(message.edited || delivery) && (
          <div className="message-footer">
            {message.edited && <span className="message-edited">Edited</span>}
            {delivery && (
              <span className={`delivery delivery--${delivery}`}>{DELIVERY_LABELS[delivery]}</span>
            )}
          </div>
        )}
        {message.error && (
          <p className="message-error" role={delivery === 'failed' ? 'alert' : undefined}>
            {message.error}
          </p>
        )}
      </div>
    </li>
  );
}
