import { describe, expect, it } from 'vitest';
import { graphErrors } from '../../test-support/meta-fixtures.js';
import { DEFAULT_RATE_LIMIT_WAIT_MS, mapGraphError } from './graph-errors.js';

describe('Graph API error mapping', () => {
  it('maps code 10 / 2018278 (outside the allowed window) to window_closed, not retried', () => {
    const { status, body } = graphErrors.outsideWindow();
    expect(mapGraphError(status, body)).toMatchObject({
      ok: false,
      kind: 'window_closed',
      retryable: false,
    });
  });

  it('maps the rate limit codes 4, 17, 32 and 613 to rate_limited, retried after a wait', () => {
    for (const code of [4, 17, 32, 613] as const) {
      const { status, body } = graphErrors.rateLimited(code);
      expect(mapGraphError(status, body)).toMatchObject({
        kind: 'rate_limited',
        retryable: true,
        retryAfterMs: DEFAULT_RATE_LIMIT_WAIT_MS,
      });
    }
  });

  it('maps code 190 to invalid_token, not retried', () => {
    const { status, body } = graphErrors.invalidToken();
    expect(mapGraphError(status, body)).toMatchObject({ kind: 'invalid_token', retryable: false });
  });

  it('maps code 551 / 1545041 to recipient_unavailable, not retried', () => {
    const { status, body } = graphErrors.userUnavailable();
    expect(mapGraphError(status, body)).toMatchObject({
      kind: 'recipient_unavailable',
      retryable: false,
    });
  });

  it('maps code 2 and transient errors to transient, retried', () => {
    const { status, body } = graphErrors.temporary();
    expect(mapGraphError(status, body)).toMatchObject({ kind: 'transient', retryable: true });
  });

  it('maps an invalid parameter (code 100) to invalid_request, not retried', () => {
    const { status, body } = graphErrors.invalidParameter('param recipient must be non-empty.');
    expect(mapGraphError(status, body)).toMatchObject({
      kind: 'invalid_request',
      retryable: false,
    });
  });

  it("keeps Meta's message, codes and trace id for the operator", () => {
    const { status, body } = graphErrors.outsideWindow();
    const result = mapGraphError(status, body);
    expect(result.message).toContain('The reply window has closed');
    expect(result.message).toContain('This message is sent outside of allowed window');
    expect(result.message).toContain('(code 10, subcode 2018278, trace AbCdEfGhIjK)');
  });

  it('treats a bodiless 5xx as transient and a bodiless 429 as a rate limit', () => {
    expect(mapGraphError(502, '<html>Bad gateway</html>')).toMatchObject({
      kind: 'transient',
      retryable: true,
    });
    expect(mapGraphError(429, undefined)).toMatchObject({ kind: 'rate_limited', retryable: true });
    expect(mapGraphError(404, undefined)).toMatchObject({
      kind: 'invalid_request',
      retryable: false,
    });
  });
});
