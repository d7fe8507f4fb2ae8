/** The reply box of a comment thread: a public reply goes under the comment, a private reply
 * answers the latest comment with a DM, which opens (or continues) a DM conversation. */
import { type ConversationCard, contactLabel } from '@parley/domain';
import { useState } from 'react';
import { api } from '../api';
import { ConversationLink } from './ConversationLink';
import { ReplyBox } from './ReplyBox';
import { type ReplyMode, ReplyModeSwitch } from './ReplyModeSwitch';

interface Props {
  card: ConversationCard;
  onPublicReply: (text: string) => Promise<void>;
  /** Receives the DM conversation a private reply opened or continued. */
  onDmConversation: (card: ConversationCard) => void;
  onOpenConversation: (id: string) => void;
}

export function CommentReplyBox({
  card,
  onPublicReply,
  onDmConversation,
  onOpenConversation,
}: Props) {
  const [mode, setMode] = useState<ReplyMode>('public');
  const [sentTo, setSentTo] = useState<ConversationCard | null>(null);
  const name = contactLabel(card.contact);

  const choose = (next: ReplyMode) => {
    setMode(next);
    setSentTo(null);
  };

  const replyPrivately = async (text: string) => {
    setSentTo(null);
    const { conversation } = await api.privateReply(card.id, text);
    onDmConversation(conversation);
    setSentTo(conversation);
    // Meta allows one private reply per comment; the conversation goes on in the DM.
    setMode('public');
  };

  const reply =
    mode === 'private'
      ? {
          label: 'Private reply',
          placeholder: `Message ${name} privately about their latest comment…`,
          submitLabel: 'Send privately',
          onSend: replyPrivately,
        }
      : {
          label: 'Public reply',
          placeholder: 'Reply under the comment, visible to everyone…',
          submitLabel: 'Reply',
          onSend: onPublicReply,
        };

  return (
    <ReplyBox {...reply}>
      <ReplyModeSwitch mode={mode} onChange={choose} />
      {mode === 'private' && (
        <p className="reply-hint">
          Sent as a direct message. Meta allows one private reply per comment, within 7 days.
        </p>
      )}
      {sentTo && (
        <p className="note note--success" role="status">
          Private reply sent to {contactLabel(sentTo.contact)} —{' '}
          <ConversationLink id={sentTo.id} onOpen={onOpenConversation}>
            open the DM conversation
          </ConversationLink>
        </p>
      )}
    </ReplyBox>
  );
}
