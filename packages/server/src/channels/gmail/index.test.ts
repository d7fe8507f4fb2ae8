import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gmailMessage } from '../../test-support/gmail-fixtures.js';
import { GoogleStandIn, googleError } from '../../test-support/google-stand-in.js';
import type { ChannelConnector, OutboundContext, OutboundMessage } from '../connector.js';
import { GmailApi } from './gmail-api.js';
import { toInboundMessage } from './inbound.js';
import { createGmailConnector } from './index.js';
import { parseGmailMessage } from './mime.js';
import { GoogleAccessTokens } from './oauth.js';
import { syncMailbox } from './sync.js';

const MAILBOX = 'support@shop.example';
let google: GoogleStandIn;
let connector: ChannelConnector;

const outbound: OutboundMessage = {
  id: '5d1c2a4e-8f1b-4c3e-9a77-0e6b5b8f2d10',
  text: 'Hi Ann,\nyour parcel ships tomorrow.',
  author: 'operator',
  replyToExternalId: null,
  humanAgentTag: false,
};

/** The context the send job builds for a thread Parley received from Gmail. */
function contextFor(
  received: ReturnType<typeof gmailMessage>,
  config: Record<string, unknown> = {},
): OutboundContext {
  const inbound = toInboundMessage(parseGmailMessage(received), MAILBOX);
  if (!inbound) throw new Error('fixture should be ingestible');
  return {
    channel: {
      id: 'c7e0d4b8-5b7e-4a32-8f11-2f7c5d1e9a01',
      workspaceId: 'b1f0c3a2-1d2e-4f5a-9b8c-7d6e5f4a3b21',
      kind: 'gmail',
      name: 'Support mailbox',
      assistantId: null,
      config: { ...google.channelConfig(), fromName: 'Shop Support', ...config },
      secrets: google.channelSecrets(),
    },
    conversation: {
      id: 'conv-1',
      threadKey: inbound.threadKey,
      subject: inbound.conversation?.subject ?? null,
      metadata: inbound.conversation?.metadata ?? {},
      lastInboundAt: inbound.sentAt,
    },
    contact: {
      externalId: inbound.contact.externalId,
      displayName: 'Ann Lee',
      email: inbound.contact.email ?? null,
    },
  };
}

function headersOf(message: string): Record<string, string> {
  const head = message.slice(0, message.indexOf('\r\n\r\n')).replace(/\r\n /g, ' ');
  return Object.fromEntries(
    head
      .split('\r\n')
      .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
  );
}

beforeEach(async () => {
  google = await GoogleStandIn.start({ emailAddress: MAILBOX });
  connector = createGmailConnector({
    tokens: new GoogleAccessTokens(),
    now: () => new Date('2024-06-03T10:05:00Z'),
  });
});

afterEach(() => google.close());

describe('sending a Gmail reply', () => {
  it('sends an RFC 2822 reply in the same thread with the threading headers', async () => {
    const received = google.mailbox.add(
      gmailMessage({
        from: 'Ann Lee <ann@example.com>',
        to: MAILBOX,
        subject: 'Re: Order 1001',
        messageId: '<CAB2@mail.gmail.com>',
        references: '<CAA1@mail.gmail.com>',
        text: 'Any news?',
      }),
    );
    const result = await connector.send(outbound, contextFor(received));

    expect(result).toEqual({ ok: true, externalId: google.sent[0]?.stored.id });
    const sent = google.sent[0];
    expect(sent?.threadId).toBe(received.threadId);
    expect(sent?.stored.threadId).toBe(received.threadId);
    expect(headersOf(sent?.message ?? '')).toMatchObject({
      From: `Shop Support <${MAILBOX}>`,
      To: 'Ann Lee <ann@example.com>',
      Subject: 'Re: Order 1001',
      'In-Reply-To': '<CAB2@mail.gmail.com>',
      References: '<CAA1@mail.gmail.com> <CAB2@mail.gmail.com>',
      'X-Parley-Message-Id': outbound.id,
    });
  });

  it('answers the Reply-To address when the customer set one', async () => {
    const received = google.mailbox.add(
      gmailMessage({
        from: 'Ann <ann@example.com>',
        replyTo: 'orders@example.com',
        to: MAILBOX,
        text: 'Hi',
      }),
    );
    await connector.send(outbound, contextFor(received));
    expect(headersOf(google.sent[0]?.message ?? '').To).toBe('orders@example.com');
  });

  it('is not read back as a new message by the next sync', async () => {
    const received = google.mailbox.add(
      gmailMessage({ from: 'Ann <ann@example.com>', to: MAILBOX, text: 'Hi' }),
    );
    const cursor = String(google.mailbox.historyId);
    await connector.send(outbound, contextFor(received));
    const api = new GmailApi({
      baseUrl: google.baseUrl,
      credentials: google.oauthCredentials(),
      tokens: new GoogleAccessTokens(),
    });
    const { events } = await syncMailbox(api, cursor, { mailbox: MAILBOX });
    expect(events).toEqual([]);
  });

  it('maps Gmail failures to our error kinds', async () => {
    const received = google.mailbox.add(
      gmailMessage({ from: 'Ann <ann@example.com>', to: MAILBOX, text: 'Hi' }),
    );
    const context = contextFor(received);

    google.failNext(
      'POST',
      '/messages/send',
      429,
      googleError(429, 'RESOURCE_EXHAUSTED', 'User-rate limit exceeded.', 'userRateLimitExceeded'),
      { 'retry-after': '12' },
    );
    expect(await connector.send(outbound, context)).toEqual({
      ok: false,
      kind: 'rate_limited',
      message: 'User-rate limit exceeded.',
      retryable: true,
      retryAfterMs: 12_000,
    });

    google.failNext(
      'POST',
      '/messages/send',
      500,
      googleError(500, 'INTERNAL', 'Backend Error', 'backendError'),
    );
    expect(await connector.send(outbound, context)).toMatchObject({
      ok: false,
      kind: 'transient',
      retryable: true,
    });

    google.failNext(
      'POST',
      '/messages/send',
      400,
      googleError(400, 'INVALID_ARGUMENT', 'Invalid To header', 'invalidArgument'),
    );
    expect(await connector.send(outbound, context)).toMatchObject({
      ok: false,
      kind: 'recipient_unavailable',
      retryable: false,
    });

    google.revokeRefreshToken();
    expect(
      await createGmailConnector({ tokens: new GoogleAccessTokens() }).send(outbound, context),
    ).toMatchObject({
      ok: false,
      kind: 'invalid_token',
      retryable: false,
    });
    expect(google.sent).toHaveLength(0);
  });

  it('reports an unreachable Google as transient and a channel without credentials as invalid_token', async () => {
    const received = gmailMessage({ from: 'Ann <ann@example.com>', to: MAILBOX, text: 'Hi' });
    const unreachable = contextFor(received, {
      gmailApiBaseUrl: 'http://127.0.0.1:9',
      oauthTokenUrl: 'http://127.0.0.1:9/token',
    });
    expect(await connector.send(outbound, unreachable)).toMatchObject({
      ok: false,
      kind: 'transient',
      retryable: true,
    });

    const unconnected = contextFor(received);
    unconnected.channel.secrets = {};
    expect(await connector.send(outbound, unconnected)).toMatchObject({
      ok: false,
      kind: 'invalid_token',
      retryable: false,
    });
  });

  it('declares no reply window', () => {
    expect(connector.kind).toBe('gmail');
    expect(connector.capabilities.replyWindowMs).toBeUndefined();
  });
});
