/**
 * Google OAuth access tokens from a stored refresh token (grant_type=refresh_token). Tokens
 * live about an hour; they are cached until shortly before expiry, and concurrent callers
 * share one refresh instead of each asking Google.
 */
import { createHash } from 'node:crypto';
import { GmailApiError, networkError } from './errors.js';

export interface GoogleOAuthCredentials {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

interface TokenResponse {
  access_token?: string;
  expires_in?: number;
  token_type?: string;
  error?: string;
  error_description?: string;
}

interface CachedToken {
  accessToken: string;
  expiresAt: number;
}

/** A token is renewed this long before Google's expiry, so no request starts with a token
 * that dies in flight. */
const EXPIRY_MARGIN_MS = 60_000;
const REVOKED_GRANT_ERRORS = new Set(['invalid_grant', 'invalid_client', 'unauthorized_client']);

export interface AccessTokenOptions {
  fetch?: typeof fetch;
  now?: () => number;
  timeoutMs?: number;
}

export class GoogleAccessTokens {
  private readonly cache = new Map<string, CachedToken>();
  private readonly inFlight = new Map<string, Promise<CachedToken>>();
  private readonly fetch: typeof fetch;
  private readonly now: () => number;
  private readonly timeoutMs: number;

  constructor(options: AccessTokenOptions = {}) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.now = options.now ?? Date.now;
    this.timeoutMs = options.timeoutMs ?? 15_000;
  }

  async get(credentials: GoogleOAuthCredentials): Promise<string> {
    const key = cacheKey(credentials);
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt - EXPIRY_MARGIN_MS > this.now()) return cached.accessToken;
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.refresh(credentials).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    const fresh = await pending;
    this.cache.set(key, fresh);
    return fresh.accessToken;
  }

  /** Forgets a token Google rejected (401) so the next `get` refreshes. */
  invalidate(credentials: GoogleOAuthCredentials, rejectedToken: string): void {
    const key = cacheKey(credentials);
    if (this.cache.get(key)?.accessToken === rejectedToken) this.cache.delete(key);
  }

  private async refresh(credentials: GoogleOAuthCredentials): Promise<CachedToken> {
    const startedAt = this.now();
    let response: Response;
    try {
      response = await this.fetch(credentials.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          client_id: credentials.clientId,
          client_secret: credentials.clientSecret,
          refresh_token: credentials.refreshToken,
          grant_type: 'refresh_token',
        }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (cause) {
      throw networkError(cause);
    }
    const body = (await response.json().catch(() => ({}))) as TokenResponse;
    if (response.ok && body.access_token) {
      const lifetimeMs = (body.expires_in ?? 3600) * 1000;
      return { accessToken: body.access_token, expiresAt: startedAt + lifetimeMs };
    }
    throw tokenError(response.status, body);
  }
}

function tokenError(status: number, body: TokenResponse): GmailApiError {
  const detail = body.error_description ?? body.error ?? `HTTP ${status}`;
  if (body.error && REVOKED_GRANT_ERRORS.has(body.error)) {
    return new GmailApiError(
      'invalid_token',
      `Google refused the Gmail credentials (${detail}); reconnect the mailbox.`,
      { status, reason: body.error },
    );
  }
  if (status === 429) return new GmailApiError('rate_limited', detail, { status });
  if (status >= 500 || status === 200) return new GmailApiError('transient', detail, { status });
  return new GmailApiError('invalid_request', `Token refresh failed: ${detail}`, { status });
}

function cacheKey(credentials: GoogleOAuthCredentials): string {
  return createHash('sha256')
    .update(`${credentials.tokenUrl}\n${credentials.clientId}\n${credentials.refreshToken}`)
    .digest('base64url');
}

/** One cache per process: the connector and every Gmail job reuse live access tokens. */
export const sharedGoogleAccessTokens = new GoogleAccessTokens();
