/**
 * What can go wrong talking to Google, in Parley's own terms (SendErrorKind), so the job
 * runner and the inbox need no Google knowledge to decide on retries and wording.
 */
import type { SendErrorKind, SendResult } from '../connector.js';
import type { GoogleApiErrorBody } from './gmail-resources.js';

export class GmailApiError extends Error {
  override readonly name = 'GmailApiError';

  constructor(
    readonly kind: SendErrorKind,
    message: string,
    readonly options: { status?: number; reason?: string; retryAfterMs?: number } = {},
  ) {
    super(message);
  }

  get status(): number | undefined {
    return this.options.status;
  }

  get retryable(): boolean {
    return this.kind === 'rate_limited' || this.kind === 'transient';
  }
}

/** The channel lacks what Gmail needs (client id, secret, refresh token, mailbox address). */
export class GmailConfigError extends Error {
  override readonly name = 'GmailConfigError';
}

const RATE_LIMIT_REASONS = new Set([
  'rateLimitExceeded',
  'userRateLimitExceeded',
  'dailyLimitExceeded',
]);

function retryAfterMs(response: Response): number | undefined {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

function kindFor(status: number, reason: string | undefined, message: string): SendErrorKind {
  if (status === 429 || (reason && RATE_LIMIT_REASONS.has(reason))) return 'rate_limited';
  if (status === 401 || status === 403) return 'invalid_token';
  if (status === 400 && /recipient|to header|address/i.test(message))
    return 'recipient_unavailable';
  if (status >= 500 || status === 408) return 'transient';
  return 'invalid_request';
}

/** Reads Google's `{error: {code, message, errors: [{reason}]}}` answer. */
export async function gmailErrorFrom(response: Response): Promise<GmailApiError> {
  const body = (await response.json().catch(() => ({}))) as GoogleApiErrorBody;
  const reason = body.error?.errors?.[0]?.reason;
  const message = body.error?.message ?? `Gmail answered HTTP ${response.status}.`;
  return new GmailApiError(kindFor(response.status, reason, message), message, {
    status: response.status,
    reason,
    retryAfterMs: retryAfterMs(response),
  });
}

export function networkError(cause: unknown): GmailApiError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new GmailApiError('transient', `Could not reach Google: ${detail}`);
}

export function failedSend(error: unknown): SendResult {
  if (error instanceof GmailApiError) {
    return {
      ok: false,
      kind: error.kind,
      message: error.message,
      retryable: error.retryable,
      ...(error.options.retryAfterMs ? { retryAfterMs: error.options.retryAfterMs } : {}),
    };
  }
  if (error instanceof GmailConfigError) {
    return { ok: false, kind: 'invalid_token', message: error.message, retryable: false };
  }
  throw error;
}
