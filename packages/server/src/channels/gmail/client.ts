/** Builds the Gmail client of one channel from its stored settings. */
import type { ChannelRecord } from '../connector.js';
import { type GmailSettings, readGmailSettings } from './config.js';
import { GmailApi } from './gmail-api.js';
import type { GoogleAccessTokens } from './oauth.js';

export interface GmailClientDeps {
  /** One shared cache per process, so every job and send reuses live access tokens. */
  tokens: GoogleAccessTokens;
  /** Replaceable for proxies; Google's stand-in in tests is reached over real HTTP. */
  fetch?: typeof fetch;
}

export function gmailClientFor(
  channel: Pick<ChannelRecord, 'config' | 'secrets'>,
  deps: GmailClientDeps,
): { api: GmailApi; settings: GmailSettings } {
  const settings = readGmailSettings(channel);
  const api = new GmailApi({
    baseUrl: settings.apiBaseUrl,
    credentials: settings.credentials,
    tokens: deps.tokens,
    fetch: deps.fetch,
  });
  return { api, settings };
}
