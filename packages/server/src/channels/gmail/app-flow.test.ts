import type { ConversationCard, MessageView } from '@parley/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, startTestServer, type TestServer } from '../../test-support/app.js';
import { gmailMessage, pubsubPushBody } from '../../test-support/gmail-fixtures.js';
import { GoogleStandIn } from '../../test-support/google-stand-in.js';

/** The whole Gmail path through a running Parley: connect → watch → push → sync → inbox →
 * reply in the thread. Only Google is a stand-in (over real HTTP). */
describe('a Gmail mailbox connected through the API', () => {
  let google: GoogleStandIn;
  let app: TestServer;
  let api: ApiClient;
  let channel: { id: string; webhookUrl: string };

  beforeAll(async () => {
    google = await GoogleStandIn.start();
    app = await startTestServer('postgres', { jobPollMs: 100 });
    api = await app.login();
  });

  afterAll(async () => {
    await app.close();
    await google.close();
  });

  it('starts a Gmail watch when connected in push mode', async () => {
    const { clientId, clientSecret, refreshToken } = google.channelSecrets();
    const response = await api('/api/channels', {
      body: {
        kind: 'gmail',
        name: 'Support',
        connection: {
          emailAddress: google.mailbox.emailAddress,
          clientId,
          clientSecret,
          refreshToken,
          pubsubTopic: 'projects/acme/topics/gmail',
          gmailApiBaseUrl: google.baseUrl,
          oauthTokenUrl: google.tokenUrl,
        },
      },
    });
    expect(response.status).toBe(201);
    channel = (await response.json()) as typeof channel;
    await expect.poll(() => google.watches.length, { timeout: 10_000 }).toBe(1);
    expect(google.watches[0]?.topicName).toBe('projects/acme/topics/gmail');
  });

  it('turns a pushed email into a conversation, and sends the reply in the same thread', async () => {
    const email = google.mailbox.add(
      gmailMessage({
        from: 'Priya Shah <priya@example.com>',
        to: google.mailbox.emailAddress,
        subject: 'Wholesale pricing',
        text: 'Hello, do you offer volume discounts?\n\nOn Mon, Bob wrote:\n> earlier mail',
      }),
    );
    const path = channel.webhookUrl.slice(channel.webhookUrl.indexOf('/webhooks/'));
    const push = await fetch(`${app.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(
        pubsubPushBody({
          emailAddress: google.mailbox.emailAddress,
          historyId: email.historyId ?? '',
        }),
      ),
    });
    expect(push.status).toBe(204);

    const findCard = async () => {
      const list = (await (await api('/api/conversations?channel=gmail')).json()) as {
        items: ConversationCard[];
      };
      return list.items[0];
    };
    await expect.poll(findCard, { timeout: 10_000 }).toMatchObject({
      subject: 'Wholesale pricing',
      contact: { email: 'priya@example.com', displayName: 'Priya Shah' },
      preview: 'Hello, do you offer volume discounts?',
    });
    const card = (await findCard()) as ConversationCard;

    const sent = await api(`/api/conversations/${card.id}/messages`, {
      body: { text: 'Yes — 10% from 50 units.' },
    });
    expect(sent.status).toBe(201);
    const reply = (await sent.json()) as MessageView;
    const statusOf = async () => {
      const thread = (await (await api(`/api/conversations/${card.id}/messages`)).json()) as {
        items: MessageView[];
      };
      return thread.items.find((message) => message.id === reply.id)?.status;
    };
    await expect.poll(statusOf, { timeout: 10_000 }).toBe('sent');
    const [outgoing] = google.sent;
    expect(outgoing?.threadId).toBe(email.threadId);
    expect(outgoing?.message).toMatch(/^Subject: Re: Wholesale pricing$/m);
    expect(outgoing?.message).toMatch(
      new RegExp(`^In-Reply-To: <${email.id}@mail.example.com>$`, 'm'),
    );
    expect(outgoing?.message).toMatch(/^To: .*priya@example\.com/m);
  });
});
