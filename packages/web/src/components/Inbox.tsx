/** The signed-in inbox: filters and cards on the left, the open thread on the right. */
import { useCallback, useEffect, useState } from 'react';
import { type Assistant, api, type Session } from '../api';
import { hasActiveFilters } from '../filters';
import { useConversationList } from '../hooks/useConversationList';
import { useNow } from '../hooks/useNow';
import { useThread } from '../hooks/useThread';
import { useUrlState } from '../hooks/useUrlState';
import { useLiveStream } from '../live';
import { ConnectionIndicator } from './ConnectionIndicator';
import { ConversationList } from './ConversationList';
import { FilterBar } from './FilterBar';
import { Thread } from './Thread';

interface Props {
  session: Session;
  onLoggedOut: () => void;
}

export function Inbox({ session, onLoggedOut }: Props) {
  const { filters, selectedId, setFilters, setSelectedId } = useUrlState();
  const now = useNow();
  const list = useConversationList(filters, selectedId);
  const listed = list.items.find((card) => card.id === selectedId);
  const current = useThread(selectedId, listed, list.upsert);

  const [assistants, setAssistants] = useState<Assistant[]>([]);
  useEffect(() => {
    // Without assistants the filter only offers "All assistants"; nothing else depends on them.
    api.listAssistants().then(setAssistants, () => undefined);
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

  // If the server did not end the session, the operator must not believe they are signed out.
  const [signOutFailed, setSignOutFailed] = useState(false);
  const signOut = () => {
    setSignOutFailed(false);
    api.logout().then(onLoggedOut, () => setSignOutFailed(true));
  };

  return (
    <div className="app">
      <header className="topbar">
        <h1 className="brand">Parley</h1>
        <span className="topbar-workspace">{session.workspace.name}</span>
        <ConnectionIndicator status={liveStatus} />
        <span className="topbar-user" title={session.user.email}>
          {session.user.name}
        </span>
        <button type="button" className="button button--ghost" onClick={signOut}>
          {signOutFailed ? 'Sign-out failed, retry' : 'Sign out'}
        </button>
      </header>
      <main className={selectedId ? 'inbox inbox--thread-open' : 'inbox'}>
        <nav className="inbox-list" aria-label="Inbox">
          <FilterBar filters={filters} assistants={assistants} onChange={setFilters} />
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
            />
          ) : (
            <p className="thread-placeholder">Select a conversation to read and reply.</p>
          )}
        </div>
      </main>
    </div>
  );
}
