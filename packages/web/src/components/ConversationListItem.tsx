/** One conversation card: who, where, when, what was said last, and how urgent it is. */
import {
  type ConversationCard,
  type ConversationStatus,
  contactLabel,
  conversationStatus,
  STATUS_BORDER,
} from '@parley/domain';
import type { MouseEvent } from 'react';
import { fullTime, relativeTime } from '../format';
import { CardInsights } from './CardInsights';
import { ChannelIcon } from './ChannelIcon';

/** Colour is never the only signal: screen readers hear the status as words. */
const STATUS_TEXT: Record<ConversationStatus, string> = {
  active: 'Active in the last 10 minutes',
  recent: 'Active in the last hour',
  idle: 'Idle',
  paused: 'AI paused, needs a person',
};

function linkTo(id: string): string {
  const params = new URLSearchParams(window.location.search);
  params.set('c', id);
  return `?${params}`;
}

interface Props {
  card: ConversationCard;
  now: Date;
  selected: boolean;
  onSelect: (id: string) => void;
}

export function ConversationListItem({ card, now, selected, onSelect }: Props) {
  const status = conversationStatus(card, now);
  const label = contactLabel(card.contact);

  // A real link (with the current filters) keeps "open in new tab" working; a plain click stays
  // in the app.
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    onSelect(card.id);
  };

  return (
    <a
      className="card"
      href={linkTo(card.id)}
      onClick={onClick}
      aria-current={selected ? 'true' : undefined}
      data-testid="conversation-card"
      data-conversation-id={card.id}
      data-channel-kind={card.channelKind}
      data-status={status}
      data-border={STATUS_BORDER[status]}
    >
      <span className="card-row">
        <ChannelIcon kind={card.channelKind} />
        <span
          className={card.unreadCount > 0 ? 'card-contact card-contact--unread' : 'card-contact'}
        >
          {label}
        </span>
        <time
          className="card-time"
          dateTime={card.lastActivityAt}
          title={fullTime(card.lastActivityAt)}
        >
          {relativeTime(card.lastActivityAt, now)}
        </time>
      </span>
      <span className="card-row">
        <span className="card-preview">
          {card.subject ? `${card.subject} — ${card.preview}` : card.preview}
        </span>
        {card.unreadCount > 0 && (
          <span className="badge" title={`${card.unreadCount} unread`}>
            {card.unreadCount > 99 ? '99+' : card.unreadCount}
            <span className="visually-hidden"> unread</span>
          </span>
        )}
      </span>
      {card.summary && (
        <span className="card-summary" data-testid="card-summary" title={card.summary}>
          <span aria-hidden="true">✦ </span>
          <span className="visually-hidden">AI summary: </span>
          {card.summary}
        </span>
      )}
      {card.analysis && <CardInsights analysis={card.analysis} />}
      <span className="visually-hidden">{STATUS_TEXT[status]}</span>
      {status === 'paused' && (
        <span className="card-paused">
          <span className="tag tag--paused" aria-hidden="true">
            AI paused
          </span>
          {card.aiPausedReason && (
            <span className="card-paused-reason" data-testid="card-paused-reason">
              {card.aiPausedReason}
            </span>
          )}
        </span>
      )}
    </a>
  );
}
