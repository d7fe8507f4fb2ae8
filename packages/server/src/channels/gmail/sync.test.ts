import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gmailMessage } from '../../test-support/gmail-fixtures.js';
import { GoogleStandIn, googleError } from '../../test-support/google-stand-in.js';
import { GmailApi, MAX_HISTORY_PAGES } from './gmail-api.js';
import { GoogleAccessTokens } from './oauth.js';
import { syncMailbox } from './sync.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const MAILBOX = 'support@shop.example';
let clock = Date.parse('2024-06-10T12:00:00Z');
const now = () => clock;
let google: GoogleStandIn;
let api: GmailApi;

function customerMail(text: string, extra: Partial<Parameters<typeof gmailMessage>[0]> = {}) {
  return gmailMessage({
    from: 'Ann Lee <ann@example.com>',
    to: MAILBOX,
    subject: 'Order 1001',
    text,
    date: new Date(clock),
    ...extra,
  });
}

beforeEach(async () => {
  google = await GoogleStandIn.start({ emailAddress: MAILBOX, historyPageSize: 2, now });
  api = new GmailApi({
    baseUrl: google.baseUrl,
    credentials: google.oauthCredentials(),
    tokens: new GoogleAccessTokens({ now }),
  });
});

afterEach(() => google.close());

const sync = (cursor: string | null) => syncMailbox(api, cursor, { mailbox: MAILBOX });

describe('syncing a mailbox from its history cursor', () => {
  it('starts a new connection from the current history without importing old mail', async () => {
    google.mailbox.add(customerMail('old question'));
    const result = await sync(null);
    expect(result).toEqual({
      mode: 'initial',
      events: [],
      historyId: String(google.mailbox.historyId),
    });
  });

  it('follows every history page and normalizes new mail, oldest first', async () => {
    const cursor = String(google.mailbox.historyId);
    const thread = customerMail('first', { date: new Date(clock - 5000) });
    google.mailbox.add(thread);
    for (const text of ['second', 'third', 'fourth']) {
      clock += 1000;
      google.mailbox.add(customerMail(text, { threadId: thread.threadId, date: new Date(clock) }));
    }
    const result = await sync(cursor);
    expect(result.mode).toBe('history');
    expect(result.events.map((event) => event.text)).toEqual([
      'first',
      'second',
      'third',
      'fourth',
    ]);
    expect(result.historyId).toBe(String(google.mailbox.historyId));
    expect(google.gmailRequests('/history')).toBe(2);
    expect(result.events[0]).toMatchObject({
      type: 'message',
      externalId: thread.id,
      threadKey: thread.threadId,
      author: 'contact',
      contact: { externalId: 'ann@example.com', email: 'ann@example.com', displayName: 'Ann Lee' },
      conversation: {
        subject: 'Order 1001',
        metadata: {
          gmail: { replyTo: 'ann@example.com', messageId: `<${thread.id}@mail.example.com>` },
        },
      },
    });
  });

  it('reads a very large backlog over several syncs, never skipping past unread history', async () => {
    const cursor = String(google.mailbox.historyId);
    // The stand-in serves two records a page.
    const total = MAX_HISTORY_PAGES * 2 + 3;
    const added = Array.from({ length: total }, (_, index) =>
      google.mailbox.add(customerMail(`message ${index}`, { date: new Date(clock + index) })),
    );
    const first = await sync(cursor);
    expect(first.events).toHaveLength(MAX_HISTORY_PAGES * 2);
    expect(first.historyId).toBe(added[MAX_HISTORY_PAGES * 2 - 1]?.historyId);
    const second = await sync(first.historyId);
    expect(second.events.map((event) => event.text)).toEqual([
      `message ${total - 3}`,
      `message ${total - 2}`,
      `message ${total - 1}`,
    ]);
    expect(second.historyId).toBe(String(google.mailbox.historyId));
  });

  it('skips drafts and spam, and keeps mail sent from Gmail itself as the business', async () => {
    const cursor = String(google.mailbox.historyId);
    google.mailbox.add(customerMail('a draft', { labelIds: ['DRAFT'] }));
    google.mailbox.add(customerMail('win a prize', { labelIds: ['SPAM'] }));
    google.mailbox.add(
      gmailMessage({
        from: `Shop <${MAILBOX}>`,
        to: 'Ann Lee <ann@example.com>',
        text: 'Answered from Gmail',
        labelIds: ['SENT'],
      }),
    );
    const { events } = await sync(cursor);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      author: 'business',
      text: 'Answered from Gmail',
      contact: { externalId: 'ann@example.com' },
      conversation: { subject: '' },
    });
    expect(events[0]?.conversation?.metadata).toBeUndefined();
  });

  it('skips a message deleted between its history record and the fetch', async () => {
    const cursor = String(google.mailbox.historyId);
    const gone = google.mailbox.add(customerMail('deleted soon'));
    google.mailbox.add(customerMail('kept'));
    google.mailbox.messages.delete(gone.id);
    const { events } = await sync(cursor);
    expect(events.map((event) => event.text)).toEqual(['kept']);
  });

  it('falls back to a bounded re-sync of the last week when the cursor is too old (404)', async () => {
    const cursor = String(google.mailbox.historyId);
    google.mailbox.add(customerMail('ten days ago', { date: new Date(clock - 10 * DAY_MS) }));
    google.mailbox.add(customerMail('two days ago', { date: new Date(clock - 2 * DAY_MS) }));
    google.mailbox.add(customerMail('today', { date: new Date(clock) }));
    google.mailbox.forgetHistory();

    const result = await sync(cursor);
    expect(result.mode).toBe('resync');
    expect(result.events.map((event) => event.text)).toEqual(['two days ago', 'today']);
    expect(result.historyId).toBe(String(google.mailbox.historyId));
    const listed = google.requests.find((request) => request.path.endsWith('/messages'));
    expect(listed?.query.get('q')).toBe('newer_than:7d');
    expect(listed?.query.get('maxResults')).toBe('50');
  });
});

describe('OAuth during a sync', () => {
  it('refreshes the access token once it expires', async () => {
    const cursor = String(google.mailbox.historyId);
    await sync(cursor);
    expect(google.tokenGrants).toBe(1);
    clock += 3599_000;
    google.mailbox.add(customerMail('after an hour'));
    const { events } = await sync(cursor);
    expect(events).toHaveLength(1);
    expect(google.tokenGrants).toBe(2);
  });

  it('refreshes and retries once when Google rejects the token early (401)', async () => {
    const cursor = String(google.mailbox.historyId);
    await sync(cursor);
    google.revokeAccessTokens();
    google.mailbox.add(customerMail('after revocation'));
    const { events } = await sync(cursor);
    expect(events.map((event) => event.text)).toEqual(['after revocation']);
    expect(google.tokenGrants).toBe(2);
  });

  it('gives up with invalid_token when the fresh token is rejected too', async () => {
    const unauthenticated = googleError(401, 'UNAUTHENTICATED', 'Invalid Credentials', 'authError');
    google.failNext('GET', '/history', 401, unauthenticated);
    google.failNext('GET', '/history', 401, unauthenticated);
    const error = await sync(String(google.mailbox.historyId)).catch((caught) => caught);
    expect(error).toMatchObject({ kind: 'invalid_token', retryable: false, status: 401 });
    expect(google.gmailRequests('/history')).toBe(2);
  });

  it('reports a rate limit with the delay Google asks for', async () => {
    google.failNext(
      'GET',
      '/history',
      429,
      googleError(429, 'RESOURCE_EXHAUSTED', 'User-rate limit exceeded.', 'rateLimitExceeded'),
      { 'retry-after': '30' },
    );
    const error = await sync(String(google.mailbox.historyId)).catch((caught) => caught);
    expect(error).toMatchObject({
      kind: 'rate_limited',
      retryable: true,
      options: { retryAfterMs: 30_000 },
    });
  });
});
