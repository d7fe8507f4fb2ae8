/** The open conversation: header, messages oldest → newest, and the reply box. */
import { type ConversationCard, contactLabel, type MessageView } from '@parley/domain';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { unansweredByMessage } from '../analysis';
import { api } from '../api';
import { isCommentThread } from '../comments';
import type { ThreadState } from '../hooks/useThread';
import { threadRows } from '../thread';
import { AnalysisPanel } from './AnalysisPanel';
import { CommentReplyBox } from './CommentReplyBox';
import { MessageBubble } from './MessageBubble';
import { ReplyBox } from './ReplyBox';
import { ThreadHeader } from './ThreadHeader';

/** How close to the bottom (px) still counts as "following" the conversation. */
const FOLLOW_THRESHOLD = 80;

interface Props {
  thread: ThreadState;
  assistantName: (id: string | null) => string | null;
  onBack: () => void;
  /** A card our own request changed: this conversation's, or the DM a private reply opened. */
  onCard: (card: ConversationCard) => void;
  onMessage: (message: MessageView) => void;
  /** Switches the inbox to another conversation (e.g. the DM a private reply opened). */
  onOpenConversation: (id: string) => void;
}

export function Thread(props: Props) {
  const { thread, assistantName, onBack, onCard, onMessage, onOpenConversation } = props;
  const { card, messages } = thread;
  const rows = useMemo(() => threadRows(messages), [messages]);
  const unanswered = useMemo(() => unansweredByMessage(card?.analysis ?? null), [card]);
  const [toggling, setToggling] = useState(false);
  const [toggleError, setToggleError] = useState<string | null>(null);

  // New messages scroll into view only while the operator is reading the end of the thread.
  const scroller = useRef<HTMLOListElement>(null);
  const following = useRef(true);
  const lastMessageId = messages.at(-1)?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a message is added
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element && following.current) element.scrollTop = element.scrollHeight;
  }, [lastMessageId]);
  const onScroll = () => {
    const element = scroller.current;
    if (!element) return;
    following.current =
      element.scrollHeight - element.scrollTop - element.clientHeight < FOLLOW_THRESHOLD;
  };

  if (!card) {
    return (
      <section className="thread thread--empty" data-testid="thread" aria-busy={thread.loading}>
        <button type="button" className="button back-button" onClick={onBack}>
          ← Back
        </button>
        {thread.error ? (
          <p className="note note--error" role="alert">
            {thread.error}
          </p>
        ) : (
          <p role="status">Loading conversation…</p>
        )}
      </section>
    );
  }

  const toggleAi = async () => {
    setToggling(true);
    setToggleError(null);
    try {
      onCard(await (card.aiPaused ? api.resumeAi(card.id) : api.pauseAi(card.id)));
    } catch (error) {
      setToggleError(error instanceof Error ? error.message : 'The AI could not be switched.');
    } finally {
      setToggling(false);
    }
  };

  const send = async (text: string) => {
    following.current = true;
    onMessage(await api.sendMessage(card.id, text));
  };

  return (
    <section
      className="thread"
      data-testid="thread"
      data-conversation-id={card.id}
      aria-labelledby="thread-title"
      aria-busy={thread.loading}
    >
      <ThreadHeader
        card={card}
        assistantName={assistantName(card.assistantId)}
        onBack={onBack}
        onToggleAi={toggleAi}
        toggling={toggling}
        toggleError={toggleError}
        onOpenConversation={onOpenConversation}
      />
      <AnalysisPanel card={card} onCard={onCard} />
      <ol className="messages" ref={scroller} onScroll={onScroll} role="log" aria-label="Messages">
        {thread.loading && messages.length === 0 && (
          <li className="messages-status" role="status">
            Loading messages…
          </li>
        )}
        {thread.error && (
          <li className="note note--error" role="alert">
            {thread.error}
          </li>
        )}
        {!thread.loading && !thread.error && messages.length === 0 && (
          <li className="messages-status">No messages yet.</li>
        )}
        {rows.map(({ message, depth }) => (
          <MessageBubble
            key={message.id}
            message={message}
            depth={depth}
            contactName={contactLabel(card.contact)}
            unanswered={unanswered.get(message.id)}
          />
        ))}
      </ol>
      {isCommentThread(card.channelKind) ? (
        <CommentReplyBox
          card={card}
          onPublicReply={send}
          onDmConversation={onCard}
          onOpenConversation={onOpenConversation}
        />
      ) : (
        <ReplyBox onSend={send} />
      )}
    </section>
  );
}
