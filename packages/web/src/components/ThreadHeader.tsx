/** Who the conversation is with, where it happens, what it is about, and the AI switch. */
import { CHANNEL_LABELS, type ConversationCard, contactLabel } from '@parley/domain';
import { conversationDetails } from '../details';
import { ChannelIcon } from './ChannelIcon';

interface Props {
  card: ConversationCard;
  assistantName: string | null;
  onBack: () => void;
  onToggleAi: () => void;
  toggling: boolean;
  toggleError: string | null;
}

export function ThreadHeader(props: Props) {
  const { card, assistantName, onBack, onToggleAi, toggling, toggleError } = props;
  const details = conversationDetails(card);
  const secondary = [
    card.contact.email,
    card.contact.username && `@${card.contact.username}`,
  ].filter((value): value is string => Boolean(value) && value !== contactLabel(card.contact));

  return (
    <header className="thread-header">
      <div className="thread-title-row">
        <button type="button" className="icon-button back-button" onClick={onBack}>
          <span aria-hidden="true">←</span>
          <span className="visually-hidden">Back to conversations</span>
        </button>
        <ChannelIcon kind={card.channelKind} size={24} />
        <div className="thread-title">
          <h2 id="thread-title">{contactLabel(card.contact)}</h2>
          <p className="thread-subtitle">
            {[
              CHANNEL_LABELS[card.channelKind],
              ...secondary,
              assistantName && `Assistant: ${assistantName}`,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        </div>
        <button
          type="button"
          className={card.aiPaused ? 'button button--primary' : 'button'}
          onClick={onToggleAi}
          disabled={toggling}
          aria-describedby={card.aiPaused ? 'ai-paused-note' : undefined}
        >
          {card.aiPaused ? 'Resume AI' : 'Pause AI'}
        </button>
      </div>
      {card.aiPaused && (
        <p id="ai-paused-note" className="note note--paused">
          <strong>AI paused</strong>
          {card.aiPausedReason ? ` · ${card.aiPausedReason}` : ' · Replies are up to you.'}
        </p>
      )}
      {toggleError && (
        <p className="note note--error" role="alert">
          {toggleError}
        </p>
      )}
      {card.subject && <p className="thread-subject">{card.subject}</p>}
      {card.summary && (
        <p className="thread-summary">
          <span aria-hidden="true">✦ </span>
          <span className="visually-hidden">AI summary: </span>
          {card.summary}
        </p>
      )}
      {details.length > 0 && (
        <dl className="thread-details">
          {details.map((item) => (
            <div key={item.label}>
              <dt>{item.label}</dt>
              <dd>
                {item.href ? (
                  <a href={item.href} target="_blank" rel="noopener noreferrer">
                    {item.value}
                  </a>
                ) : (
                  item.value
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </header>
  );
}
