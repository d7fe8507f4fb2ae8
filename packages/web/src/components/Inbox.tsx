/** The signed-in inbox: filters and cards on the left, the open thread on the right. */
import { useCallback, useEffect, useState } from 'react';
import { type Assistant, api, type Session } from '../api';
import { hasActiveFilters } from '../filters';
import { useConversationList } from '../hooks/useConversationList';
import { useNow } from '../hooks/useNow';
import { useThread } from '../hooks/useThread';
import { useUrlState } from '../hooks/useUrlState';
import { useLiveStream } from '../live';
import type { Route } from '../routes';
import { ConnectionIndicator } from './ConnectionIndicator';
import { ConversationList } from './ConversationList';
import { FilterBar } from './FilterBar';
import { Thread } from './Thread';
import { TopBar } from './TopBar';

interface Props {
  session: Session;
  onNavigate: (route: Route) => void;
  onLoggedOut: () => void;
}

export function Inbox({ session, onNavigate, onLoggedOut }: Props) {
  const { filters, selectedId, setFilters, setSelectedId } = useUrlState();
  const now = useNow();
  const list = useConversationList(filters, selectedId);
  const listed = list.items.find((card) => card.id === selectedId);
  const current = useThread(selectedId, listed, list.upsert);

  const [assistants, setAssistants] = useState<Assistant[]>([]);
  const [topics, setTopics] = useState<string[]>([]);
  useEffect(() => {
    // Without assistants the filter only offers "All assistants"; nothing else depends on them.
    api.listAssistants().then(setAssistants, () => undefined);
    // Likewise the topic filter and the workspace's topic list.
    api.getAnalysisSettings().then(
      (settings) => setTopics(settings.topics),
      () => undefined,
    );
  }, []);
  const assistantName = useCallback(
    (id: string | null) => assistants.find((assistant) => assistant.id === id)?.name ?? null,
    [assistants],
  );

  const liveStatus = useLiveStream({
    onConversation: (card) => {
      list.upsert(card);
      current.applyCard(card);
    },
    onMessage: current.applyMessage,
    onRejected: api.checkSession,
    onResync: () => {
      list.reload();
      current.reload();
    },
  });

  return (
    <div className="app">
      <TopBar
        session={session}
        route={{ page: 'inbox' }}
        onNavigate={onNavigate}
        onLoggedOut={onLoggedOut}
      >
        <ConnectionIndicator status={liveStatus} />
      </TopBar>
      <main className={selectedId ? 'inbox inbox--thread-open' : 'inbox'}>
        <nav className="inbox-list" aria-label="Inbox">
          <FilterBar
            filters={filters}
            assistants={assistants}
            topics={topics}
            onChange={setFilters}
          />
          <ConversationList
            items={list.items}
            hasMore={list.nextCursor !== null}
            loading={list.loading}
            error={list.error}
            filtered={hasActiveFilters(filters)}
            now={now}
            selectedId={selectedId}
            onSelect={setSelectedId}
            onLoadMore={list.loadMore}
            onRetry={list.reload}
          />
        </nav>
        <div className="inbox-thread">
          {selectedId ? (
            <Thread
              key={selectedId}
              thread={current.thread}
              assistantName={assistantName}
              onBack={() => setSelectedId(null)}
              onCard={current.accept}
              onMessage={current.applyMessage}
              onOpenConversation={setSelectedId}
            />
          ) : (
            <p className="thread-placeholder">Select a conversation to read and reply.</p>
          )}
        </div>
      </main>
    </div>
  );
}
