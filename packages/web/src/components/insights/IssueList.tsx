/** Frustrated customers and requests for a person, newest first, with the message that shows it
 * and whether a teammate has replied since. */
import { CHANNEL_LABELS, type InsightsQuery, type IssueItem } from '@parley/domain';
import { useState } from 'react';
import { api } from '../../api';
import { fullTime } from '../../format';
import { useLoaded } from '../../hooks/useLoaded';
import { conversationLink, inboxUrl } from '../../insights/links';
import { queryParams } from '../../insights/query';
import { ChannelIcon } from '../ChannelIcon';
import { DrillLink } from './DrillLink';

const KIND_LABELS: Record<IssueItem['kind'], string> = {
  frustrated: 'Frustrated',
  human_requested: 'Asked for a person',
};

const PAGE_SIZE = 10;

function pageParams(query: InsightsQuery): URLSearchParams {
  const params = queryParams(query);
  params.set('limit', String(PAGE_SIZE));
  return params;
}

export function IssueList({ query }: { query: InsightsQuery }) {
  const key = queryParams(query).toString();
  const first = useLoaded(() => api.insightsIssues(pageParams(query)), key);
  const [more, setMore] = useState<{ key: string; items: IssueItem[]; cursor: string | null }>({
    key,
    items: [],
    cursor: null,
  });
  const [loadingMore, setLoadingMore] = useState(false);
  // A new filter starts over from the first page.
  const extra = more.key === key ? more : { key, items: [], cursor: null };
  const items = [...(first.data?.items ?? []), ...extra.items];
  const cursor = extra.items.length > 0 ? extra.cursor : (first.data?.nextCursor ?? null);

  const loadMore = () => {
    if (!cursor) return;
    setLoadingMore(true);
    const params = pageParams(query);
    params.set('cursor', cursor);
    api.insightsIssues(params).then(
      (page) => {
        setMore({ key, items: [...extra.items, ...page.items], cursor: page.nextCursor });
        setLoadingMore(false);
      },
      () => setLoadingMore(false),
    );
  };

  return (
    <div>
      <div className="section-tools">
        <DrillLink href={inboxUrl(query, { frustrated: true })}>
          Frustrated conversations in the inbox
        </DrillLink>
        <DrillLink href={inboxUrl(query, { humanRequested: true })}>
          Requests for a person in the inbox
        </DrillLink>
      </div>
      {first.error && (
        <p className="note note--error" role="alert">
          Could not load the issues: {first.error}
        </p>
      )}
      {first.data && items.length === 0 && (
        <p className="muted">No frustrated customers or requests for a person in this period.</p>
      )}
      <ul className="issue-list" data-testid="issue-list">
        {items.map((item) => (
          <li key={`${item.messageId}-${item.kind}`} className="issue" data-kind={item.kind}>
            <ChannelIcon kind={item.channel} size={18} />
            <div className="issue-body">
              <div className="issue-head">
                <span className={item.kind === 'frustrated' ? 'tag tag--warn' : 'tag tag--paused'}>
                  {KIND_LABELS[item.kind]}
                </span>
                <DrillLink
                  href={conversationLink(item.conversationId)}
                  label={`Open the conversation with ${item.contactName} on ${CHANNEL_LABELS[item.channel]}`}
                >
                  {item.contactName}
                </DrillLink>
                <time className="muted" dateTime={item.at}>
                  {fullTime(item.at)}
                </time>
                <span className={item.personReplied ? 'tag tag--ok' : 'tag tag--neutral'}>
                  {item.personReplied ? 'A person replied' : 'No reply from a person yet'}
                </span>
              </div>
              <q className="issue-quote">{item.quote}</q>
            </div>
          </li>
        ))}
      </ul>
      {cursor && (
        <button type="button" className="button" onClick={loadMore} disabled={loadingMore}>
          {loadingMore ? 'Loading…' : 'Show older'}
        </button>
      )}
    </div>
  );
}
