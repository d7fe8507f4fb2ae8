/** A private reply links the comment thread and the DM conversation it opened; each side
 * offers the way to the other. */
import type { ConversationCard } from '@parley/domain';
import { linkedConversations } from '../comments';
import { ConversationLink } from './ConversationLink';

interface Props {
  card: ConversationCard;
  onOpenConversation: (id: string) => void;
}

export function LinkedConversations({ card, onOpenConversation }: Props) {
  const { privateReplyDmId, commentThreadId } = linkedConversations(card);
  return (
    <>
      {privateReplyDmId && (
        <p className="thread-link" data-testid="private-reply-link">
          Private reply sent —{' '}
          <ConversationLink id={privateReplyDmId} onOpen={onOpenConversation}>
            open DM
          </ConversationLink>
        </p>
      )}
      {commentThreadId && (
        <p className="thread-link" data-testid="comment-thread-link">
          Started from a comment —{' '}
          <ConversationLink id={commentThreadId} onOpen={onOpenConversation}>
            open comment thread
          </ConversationLink>
        </p>
      )}
    </>
  );
}
