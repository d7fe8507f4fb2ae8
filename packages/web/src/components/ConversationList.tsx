/** The list of conversation cards, with keyset pagination that loads more as you scroll. */
import type { ConversationCard } from '@parley/domain';
import { useEffect, useRef } from 'react';
import { ConversationListItem } from './ConversationListItem';

interface Props {
  items: ConversationCard[];
  hasMore: boolean;
  loading: 'first' | 'more' | null;
  error: string | null;
  filtered: boolean;
  now: Date;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onLoadMore: () => void;
  onRetry: () => void;
}

export function ConversationList(props: Props) {
  const {
    items,
    hasMore,
    loading,
    error,
    filtered,
    now,
    selectedId,
    onSelect,
    onLoadMore,
    onRetry,
  } = props;
  const moreButton = useRef<HTMLButtonElement>(null);

  // Infinite scroll: reaching the "Load more" button presses it. The button stays for keyboards.
  useEffect(() => {
    const button = moreButton.current;
    if (!button || !hasMore || error) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) onLoadMore();
    });
    observer.observe(button);
    return () => observer.disconnect();
  }, [hasMore, error, onLoadMore]);

  return (
    <div className="list" aria-busy={loading !== null}>
      {loading === 'first' && (
        <p className="list-status" role="status">
          Loading conversations…
        </p>
      )}
      {items.length === 0 && loading === null && !error && (
        <p className="list-empty">
          {filtered ? 'No conversations match these filters.' : 'No conversations yet.'}
        </p>
      )}
      <ul className="cards" aria-label="Conversations">
        {items.map((card) => (
          <li key={card.id}>
            <ConversationListItem
              card={card}
              now={now}
              selected={card.id === selectedId}
              onSelect={onSelect}
            />
          </li>
        ))}
      </ul>
      {error && (
        <div className="list-error" role="alert">
          <p>{error}</p>
          {/* A failed first page leaves no cursor; a failed later page keeps its own. */}
          <button type="button" className="button" onClick={hasMore ? onLoadMore : onRetry}>
            Try again
          </button>
        </div>
      )}
      {hasMore && !error && (
        <button
          ref={moreButton}
          type="button"
          className="button button--ghost list-more"
          onClick={onLoadMore}
          disabled={loading === 'more'}
        >
          {loading === 'more' ? 'Loading…' : 'Load more'}
        </button>
      )}
    </div>
  );
}
