/** Who the conversation is with, where it happens, what it is about, and the AI switch. */
import type { ConversationCard } from '@parley/domain';
import { commentedPost } from '../comments';
import { conversationDetails } from '../details';
import { threadHeading } from '../heading';
import { ChannelIcon } from './ChannelIcon';
import { LinkedConversations } from './LinkedConversations';
import { PostReference } from './PostReference';

interface Props {
  card: ConversationCard;
  assistantName: string | null;
  onBack: () => void;
  onToggleAi: () => void;
  toggling: boolean;
  toggleError: string | null;
  onOpenConversation: (id: string) => void;
}

export function ThreadHeader(props: Props) {
  const { card, assistantName, onBack, onToggleAi, toggling, toggleError, onOpenConversation } =
    props;
  const heading = threadHeading(card, assistantName);
  const post = commentedPost(card);
  const details = conversationDetails(card);

  return (
    <header className="thread-header">
      <div className="thread-title-row">
        <button type="button" className="icon-button back-button" onClick={onBack}>
          <span aria-hidden="true">←</span>
          <span className="visually-hidden">Back to conversations</span>
        </button>
        <ChannelIcon kind={card.channelKind} size={24} />
        <div className="thread-title">
          <h2 id="thread-title">{heading.title}</h2>
          <p className="thread-subtitle">{heading.subtitle}</p>
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
      {heading.subject && <p className="thread-subject">{heading.subject}</p>}
      {post && <PostReference post={post} />}
      <LinkedConversations card={card} onOpenConversation={onOpenConversation} />
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
