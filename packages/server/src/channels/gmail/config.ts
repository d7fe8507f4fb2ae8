/**
 * A Gmail channel's settings as stored: `channels.config` (non-secret: mailbox, base URLs,
 * Pub/Sub topic, sync cursor) and the decrypted secrets (OAuth client and refresh token,
 * the push URL token). Google's endpoints are configuration so tests and proxies can point
 * them elsewhere.
 */
import type { ChannelRecord } from '../connector.js';
import { GmailConfigError } from './errors.js';
import type { GoogleOAuthCredentials } from './oauth.js';

export const DEFAULT_GMAIL_API_BASE_URL = 'https://gmail.googleapis.com';
export const DEFAULT_OAUTH_TOKEN_URL = 'https://oauth2.googleapis.com/token';
export const DEFAULT_POLL_INTERVAL_MS = 60_000;
/** Gmail's Pub/Sub notifications are filtered to these labels unless configured. */
export const DEFAULT_WATCH_LABEL_IDS = ['INBOX'];

export type GmailIngestMode = 'push' | 'polling';

export interface GmailSettings {
  apiBaseUrl: string;
  credentials: GoogleOAuthCredentials;
  /** The connected mailbox; replies are sent from it. */
  emailAddress: string | null;
  fromName: string | null;
  /** Sync cursor: the mailbox historyId Parley has read up to. */
  historyId: string | null;
  /** The latest historyId a push announced; a sync that ends below it runs again. */
  notifiedHistoryId: string | null;
  pubsubTopic: string | null;
  watchLabelIds: string[];
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** historyIds are uint64 decimal strings; JSON may also carry them as numbers. */
function historyIdOf(value: unknown): string | null {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  const id = text(value);
  return id && /^\d+$/.test(id) ? id : null;
}

export function readGmailSettings(
  channel: Pick<ChannelRecord, 'config' | 'secrets'>,
): GmailSettings {
  const { config, secrets } = channel;
  const clientId = text(secrets.clientId);
  const clientSecret = text(secrets.clientSecret);
  const refreshToken = text(secrets.refreshToken);
  if (!clientId || !clientSecret || !refreshToken) {
    throw new GmailConfigError(
      'Gmail is not fully connected: the OAuth client id, client secret and refresh token are needed.',
    );
  }
  const labels = Array.isArray(config.watchLabelIds)
    ? config.watchLabelIds.filter((label): label is string => typeof label === 'string')
    : DEFAULT_WATCH_LABEL_IDS;
  return {
    apiBaseUrl: (text(config.gmailApiBaseUrl) ?? DEFAULT_GMAIL_API_BASE_URL).replace(/\/+$/, ''),
    credentials: {
      tokenUrl: text(config.oauthTokenUrl) ?? DEFAULT_OAUTH_TOKEN_URL,
      clientId,
      clientSecret,
      refreshToken,
    },
    emailAddress: text(config.emailAddress)?.toLowerCase() ?? null,
    fromName: text(config.fromName),
    historyId: historyIdOf(config.historyId),
    notifiedHistoryId: historyIdOf(config.notifiedHistoryId),
    pubsubTopic: text(config.pubsubTopic),
    watchLabelIds: labels,
  };
}

/** Push when a Pub/Sub topic is configured (Gmail then notifies us); otherwise Parley polls. */
export function gmailIngestMode(config: Record<string, unknown>): GmailIngestMode {
  return text(config.pubsubTopic) ? 'push' : 'polling';
}

/** How often a polling channel syncs (`config.pollIntervalSeconds`, at least 10 s). */
export function gmailPollIntervalMs(config: Record<string, unknown>): number {
  const seconds = Number(config.pollIntervalSeconds);
  if (!Number.isFinite(seconds) || seconds <= 0) return DEFAULT_POLL_INTERVAL_MS;
  return Math.max(10, seconds) * 1000;
}

/** Compares two historyIds numerically; they exceed 2^53, so as BigInt. */
export function isNewerHistoryId(candidate: string, than: string | null): boolean {
  return than === null || BigInt(candidate) > BigInt(than);
}
