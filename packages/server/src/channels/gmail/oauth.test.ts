import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GoogleStandIn } from '../../test-support/google-stand-in.js';
import { GmailApiError } from './errors.js';
import { GoogleAccessTokens, type GoogleOAuthCredentials } from './oauth.js';

let clock = Date.parse('2024-06-03T10:00:00Z');
const now = () => clock;
let google: GoogleStandIn;
let credentials: GoogleOAuthCredentials;

beforeEach(async () => {
  google = await GoogleStandIn.start({ now, accessTokenLifetimeSeconds: 3600 });
  credentials = google.oauthCredentials();
});

afterEach(() => google.close());

describe('Google OAuth access tokens', () => {
  it('refreshes once and reuses the token until shortly before it expires', async () => {
    const tokens = new GoogleAccessTokens({ now });
    const first = await tokens.get(credentials);
    expect(await tokens.get(credentials)).toBe(first);
    expect(google.tokenGrants).toBe(1);

    clock += 3600_000 - 30_000;
    const second = await tokens.get(credentials);
    expect(second).not.toBe(first);
    expect(google.tokenGrants).toBe(2);
  });

  it('shares one refresh between concurrent callers', async () => {
    const tokens = new GoogleAccessTokens({ now });
    const all = await Promise.all([
      tokens.get(credentials),
      tokens.get(credentials),
      tokens.get(credentials),
    ]);
    expect(new Set(all).size).toBe(1);
    expect(google.tokenGrants).toBe(1);
  });

  it('refreshes after a token is invalidated as rejected', async () => {
    const tokens = new GoogleAccessTokens({ now });
    const rejected = await tokens.get(credentials);
    tokens.invalidate(credentials, rejected);
    expect(await tokens.get(credentials)).not.toBe(rejected);
    expect(google.tokenGrants).toBe(2);
  });

  it('reports a revoked refresh token as invalid_token, not worth retrying', async () => {
    google.revokeRefreshToken();
    const error = await new GoogleAccessTokens({ now }).get(credentials).catch((caught) => caught);
    expect(error).toBeInstanceOf(GmailApiError);
    expect(error).toMatchObject({ kind: 'invalid_token', retryable: false });
    expect(error.message).toMatch(/reconnect/);
  });

  it('reports a token endpoint outage as transient', async () => {
    google.failNext('POST', '/token', 503, { error: 'temporarily_unavailable' });
    const error = await new GoogleAccessTokens({ now }).get(credentials).catch((caught) => caught);
    expect(error).toMatchObject({ kind: 'transient', retryable: true });
  });
});
