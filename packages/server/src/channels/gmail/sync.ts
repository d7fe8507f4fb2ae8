/**
 * One sync of a mailbox: read what changed since the stored cursor (users.history.list),
 * fetch the new messages and normalize them. When Gmail no longer keeps history that far
 * back (404), fall back to a bounded re-sync of recent mail; ingest is idempotent on the
 * Gmail message id, so anything read twice is stored once.
 */
import type { InboundMessage } from '@parley/domain';
import { type GmailApi, isNotFound } from './gmail-api.js';
import type { GmailMessage, GmailMessageRef } from './gmail-resources.js';
import { isIgnored, toInboundMessage } from './inbound.js';
import { parseGmailMessage } from './mime.js';

export type MailboxSyncMode = 'initial' | 'history' | 'resync';

export interface MailboxSyncResult {
  mode: MailboxSyncMode;
  /** Oldest first, ready for ingest. */
  events: InboundMessage[];
  /** The cursor to store for the next sync. */
  historyId: string;
}

export interface MailboxSyncOptions {
  /** The connected address, to recognize the business's own mail. */
  mailbox: string | null;
  /** Bound of the 404 fallback: at most this many recent messages are read. */
  resyncMaxMessages?: number;
  /** Gmail search for the fallback; a week matches how long Gmail usually keeps history. */
  resyncQuery?: string;
}

const FETCH_CONCURRENCY = 5;

async function fetchMessages(api: GmailApi, refs: GmailMessageRef[]): Promise<GmailMessage[]> {
  const fetched: GmailMessage[] = [];
  for (let start = 0; start < refs.length; start += FETCH_CONCURRENCY) {
    const batch = refs.slice(start, start + FETCH_CONCURRENCY);
    const results = await Promise.all(
      batch.map((ref) =>
        api.getMessage(ref.id).catch((error: unknown) => {
          // Deleted between the history record and now: nothing left to show.
          if (isNotFound(error)) return null;
          throw error;
        }),
      ),
    );
    for (const message of results) if (message) fetched.push(message);
  }
  return fetched;
}

function normalize(messages: GmailMessage[], mailbox: string | null): InboundMessage[] {
  return messages
    .map((message) => toInboundMessage(parseGmailMessage(message), mailbox))
    .filter((event): event is InboundMessage => event !== null)
    .sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime());
}

async function resync(api: GmailApi, options: MailboxSyncOptions): Promise<MailboxSyncResult> {
  // The cursor is taken before listing: mail arriving meanwhile is listed again next time
  // rather than missed.
  const { historyId } = await api.getProfile();
  const page = await api.listMessages({
    q: options.resyncQuery ?? 'newer_than:7d',
    maxResults: options.resyncMaxMessages ?? 50,
  });
  const refs = (page.messages ?? []).map((ref) => ({ id: ref.id, threadId: ref.threadId }));
  const messages = await fetchMessages(api, refs);
  return { mode: 'resync', events: normalize(messages, options.mailbox), historyId };
}

export async function syncMailbox(
  api: GmailApi,
  cursor: string | null,
  options: MailboxSyncOptions,
): Promise<MailboxSyncResult> {
  if (cursor === null) {
    // A new connection starts from now: importing old mail would wake the assistant up on
    // conversations long finished.
    const { historyId } = await api.getProfile();
    return { mode: 'initial', events: [], historyId };
  }
  try {
    const { added, historyId } = await api.listHistorySince(cursor);
    const wanted = added.filter((ref) => !isIgnored(ref.labelIds));
    const messages = await fetchMessages(api, wanted);
    return { mode: 'history', events: normalize(messages, options.mailbox), historyId };
  } catch (error) {
    if (isNotFound(error)) return resync(api, options);
    throw error;
  }
}
