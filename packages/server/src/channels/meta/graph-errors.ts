/**
 * Meta's Graph API errors (`{ error: { message, type, code, error_subcode, fbtrace_id } }`)
 * mapped to Parley's own send error kinds, so the job runner and the UI need no Meta knowledge.
 */
import { z } from 'zod';
import type { SendErrorKind, SendResult } from '../connector.js';

export type SendFailure = Extract<SendResult, { ok: false }>;

export const graphErrorBodySchema = z.object({
  error: z.object({
    message: z.string().optional(),
    type: z.string().optional(),
    code: z.number().optional(),
    error_subcode: z.number().optional(),
    is_transient: z.boolean().optional(),
    fbtrace_id: z.string().optional(),
  }),
});

export type GraphError = z.infer<typeof graphErrorBodySchema>['error'];

/** Application (4), user (17), page (32) and custom (613) rate limits; Messenger (80006) and
 * Instagram (80002) business use case limits. */
const RATE_LIMIT_CODES = new Set([4, 17, 32, 613, 80002, 80006]);
/** Code 10 with these subcodes: sent outside the allowed window (Messenger; Messenger without
 * news messaging permission; Instagram). */
const OUTSIDE_WINDOW_SUBCODES = new Set([2018278, 2018065, 2534022]);
/** Code 100 with this subcode: no such user for this page. */
const NO_MATCHING_USER_SUBCODE = 2018001;
/** Meta gives no Retry-After on rate limits; a minute is its documented cool-down scale. */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 60_000;

const EXPLANATIONS: Record<SendErrorKind, string> = {
  window_closed: 'The reply window has closed: the customer must write again first.',
  rate_limited: 'Meta is rate limiting this account; the message will be retried.',
  invalid_token:
    'The access token is invalid, expired or lacks a permission: reconnect the channel.',
  recipient_unavailable: 'This person is not available on the platform right now.',
  invalid_request: 'Meta refused the request.',
  transient: 'Meta had a temporary problem; the message will be retried.',
};

export function failure(
  kind: SendErrorKind,
  detail: string,
  options: { retryable: boolean; retryAfterMs?: number },
): SendFailure {
  return {
    ok: false,
    kind,
    message: `${EXPLANATIONS[kind]} ${detail}`.trim(),
    retryable: options.retryable,
    ...(options.retryAfterMs !== undefined ? { retryAfterMs: options.retryAfterMs } : {}),
  };
}

function kindOf(error: GraphError, httpStatus: number): SendErrorKind {
  const { code, error_subcode: subcode } = error;
  if (code === 10 && subcode !== undefined && OUTSIDE_WINDOW_SUBCODES.has(subcode)) {
    return 'window_closed';
  }
  if (code !== undefined && RATE_LIMIT_CODES.has(code)) return 'rate_limited';
  if (
    code === 190 ||
    code === 102 ||
    code === 10 ||
    (code !== undefined && code >= 200 && code < 300)
  ) {
    return 'invalid_token';
  }
  if (code === 551 || (code === 100 && subcode === NO_MATCHING_USER_SUBCODE)) {
    return 'recipient_unavailable';
  }
  if (code === 1 || code === 2 || error.is_transient === true || httpStatus >= 500) {
    return 'transient';
  }
  return 'invalid_request';
}

/** Meta's own words and ids, kept so an operator can quote them to Meta support. */
function metaDetail(error: GraphError): string {
  const ids = [
    error.code !== undefined ? `code ${error.code}` : '',
    error.error_subcode !== undefined ? `subcode ${error.error_subcode}` : '',
    error.fbtrace_id ? `trace ${error.fbtrace_id}` : '',
  ].filter(Boolean);
  const said = error.message ? `Meta said: "${error.message}"` : '';
  return [said, ids.length > 0 ? `(${ids.join(', ')})` : ''].filter(Boolean).join(' ');
}

export function mapGraphError(httpStatus: number, body: unknown): SendFailure {
  const parsed = graphErrorBodySchema.safeParse(body);
  if (!parsed.success) {
    const detail = `(HTTP ${httpStatus} without a Graph API error body)`;
    if (httpStatus === 429) {
      return failure('rate_limited', detail, {
        retryable: true,
        retryAfterMs: DEFAULT_RATE_LIMIT_WAIT_MS,
      });
    }
    if (httpStatus >= 500) return failure('transient', detail, { retryable: true });
    return failure('invalid_request', detail, { retryable: false });
  }
  const error = parsed.data.error;
  const kind = kindOf(error, httpStatus);
  const detail = metaDetail(error);
  switch (kind) {
    case 'rate_limited':
      return failure(kind, detail, { retryable: true, retryAfterMs: DEFAULT_RATE_LIMIT_WAIT_MS });
    case 'transient':
      return failure(kind, detail, { retryable: true });
    default:
      return failure(kind, detail, { retryable: false });
  }
}
