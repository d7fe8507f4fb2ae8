/**
 * The durable Gmail jobs' bodies. `runGmailSync` reads the mailbox since the stored cursor
 * and ingests what is new; the job runner calls it after a push, and on an interval in
 * polling mode (`pollGmail`).
 *
 * Cursor and ingest: `ingest` runs its own transaction, so the new cursor is saved right
 * after it commits rather than inside it. A crash between the two only means the next sync
 * reads the same history again, and ingest, idempotent on the Gmail message id, stores
 * nothing twice.
 */
import type { AfterMessageHook } from '../../commands/ingest.js';
import { ingest } from '../../commands/ingest.js';
import { enqueueJob } from '../../jobs/queue.js';
import { RetryableJobError } from '../../jobs/runner.js';
import type { Db } from '../../store/store.js';
import type { ChannelRecord } from '../connector.js';
import { type GmailClientDeps, gmailClientFor } from './client.js';
import { gmailIngestMode, gmailPollIntervalMs, isNewerHistoryId } from './config.js';
import { GmailApiError } from './errors.js';
import { type MailboxSyncMode, syncMailbox } from './sync.js';
import { readSyncState, saveHistoryCursor } from './sync-state.js';

export const GMAIL_SYNC_JOB = 'gmail.sync';
export const GMAIL_POLL_JOB = 'gmail.poll';

export interface GmailJobDeps extends GmailClientDeps {
  db: Db;
  /** The channel with its secrets opened (store/channels.ts `loadChannel`). */
  loadChannel(channelId: string): Promise<ChannelRecord | null>;
  /** Automation after each new customer message (assistant reply, safety net). */
  afterMessage?: AfterMessageHook;
  now?: () => Date;
}

export interface GmailSyncSummary {
  status: 'synced' | 'channel_missing';
  modes: MailboxSyncMode[];
  created: number;
  historyId: string | null;
}

/** A push that lands while a sync is listing may announce history that sync did not see;
 * the sync then goes round again, a few times at most before leaving it to the next push. */
const MAX_ROUNDS = 3;

/** One pending sync per channel: pushes arriving in a burst collapse into one job. */
export async function enqueueGmailSync(db: Db, channel: Pick<ChannelRecord, 'id' | 'workspaceId'>) {
  await enqueueJob(db, {
    workspaceId: channel.workspaceId,
    kind: GMAIL_SYNC_JOB,
    payload: { channelId: channel.id },
    dedupeKey: `${GMAIL_SYNC_JOB}:${channel.id}`,
  });
}

export async function loadGmailChannel(deps: GmailJobDeps, channelId: string) {
  const channel = await deps.loadChannel(channelId);
  return channel?.kind === 'gmail' ? channel : null;
}

/** Retryable Google failures (rate limits, outages) become job retries; the rest fail. */
export function asJobError(error: unknown): unknown {
  if (error instanceof GmailApiError && error.retryable) {
    return new RetryableJobError(error.message, error.options.retryAfterMs);
  }
  return error;
}

export async function runGmailSync(
  deps: GmailJobDeps,
  channelId: string,
): Promise<GmailSyncSummary> {
  const channel = await loadGmailChannel(deps, channelId);
  if (!channel) return { status: 'channel_missing', modes: [], created: 0, historyId: null };
  const summary: GmailSyncSummary = { status: 'synced', modes: [], created: 0, historyId: null };
  try {
    const { api, settings } = gmailClientFor(channel, deps);
    let cursor = settings.historyId;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const result = await syncMailbox(api, cursor, { mailbox: settings.emailAddress });
      if (result.events.length > 0) {
        const outcomes = await ingest(deps.db, channel, result.events, deps.afterMessage);
        summary.created += outcomes.filter((outcome) => outcome.status === 'created').length;
      }
      await saveHistoryCursor(deps.db, channel.id, result.historyId);
      summary.modes.push(result.mode);
      const state = await readSyncState(deps.db, channel.id);
      cursor = state.historyId ?? result.historyId;
      summary.historyId = cursor;
      if (!state.notifiedHistoryId || !isNewerHistoryId(state.notifiedHistoryId, cursor)) break;
    }
    return summary;
  } catch (error) {
    throw asJobError(error);
  }
}

/** Polling mode's job: one sync, then the time of the next one; null once the channel has
 * switched to push (or is gone), which ends the polling. */
export async function pollGmail(deps: GmailJobDeps, channelId: string): Promise<Date | null> {
  const channel = await loadGmailChannel(deps, channelId);
  if (!channel || gmailIngestMode(channel.config) === 'push') return null;
  await runGmailSync(deps, channelId);
  const now = (deps.now ?? (() => new Date()))();
  return new Date(now.getTime() + gmailPollIntervalMs(channel.config));
}
