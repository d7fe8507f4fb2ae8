/**
 * Keeping Gmail push alive: a users.watch expires after at most 7 days, and Google advises
 * renewing it about once a day. `renewGmailWatch` renews and says when to run it next.
 */
import { gmailClientFor } from './client.js';
import { asJobError, type GmailJobDeps, loadGmailChannel } from './sync-job.js';
import { saveHistoryCursor, saveWatchExpiration } from './sync-state.js';

export const GMAIL_WATCH_JOB = 'gmail.watch';

const DAY_MS = 24 * 60 * 60 * 1000;
const MIN_DELAY_MS = 60_000;

/** A day before expiry, and no later than a day from now (Google's advice). */
export function nextWatchRenewal(expiration: Date, now: Date): Date {
  const target = Math.min(expiration.getTime() - DAY_MS, now.getTime() + DAY_MS);
  return new Date(Math.max(target, now.getTime() + MIN_DELAY_MS));
}

/** Renews the watch; null when the channel polls instead (or is gone): nothing to renew. */
export async function renewGmailWatch(deps: GmailJobDeps, channelId: string): Promise<Date | null> {
  const channel = await loadGmailChannel(deps, channelId);
  if (!channel) return null;
  try {
    const { api, settings } = gmailClientFor(channel, deps);
    const topicName = settings.pubsubTopic;
    if (!topicName) return null;
    const watch = await api.watch({ topicName, labelIds: settings.watchLabelIds });
    const expiration = new Date(Number(watch.expiration));
    await saveWatchExpiration(deps.db, channel.id, expiration);
    // A first watch gives the starting point of the history Parley will read.
    if (!settings.historyId) await saveHistoryCursor(deps.db, channel.id, watch.historyId);
    return nextWatchRenewal(expiration, (deps.now ?? (() => new Date()))());
  } catch (error) {
    throw asJobError(error);
  }
}
