import { randomUUID } from 'node:crypto';
import type { MessageView } from '@parley/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelProvider } from '../ai/provider.js';
import { startTestServer, type TestServer } from '../test-support/app.js';
import { inboundMessage } from '../test-support/inbound.js';
import { afterCustomerMessage } from './automation.js';
import { ingest } from './ingest.js';
import { createChannel } from './workspaces.js';

/** A model that takes its time, so a customer can write again while it thinks. */
const slowEcho: ModelProvider = {
  name: 'slow-echo',
  async reply(request) {
    await new Promise((resolve) => setTimeout(resolve, 700));
    return `Answer to: ${request.turns.at(-1)?.content}`;
  },
};

describe('assistant replies', () => {
  let app: TestServer;

  beforeAll(async () => {
    app = await startTestServer('postgres', { provider: slowEcho, jobPollMs: 100 });
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers a message that arrives while the previous reply is being written', async () => {
    const visitorId = randomUUID();
    const send = (text: string) =>
      fetch(`${app.url}/api/widget/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://allowed.example' },
        body: JSON.stringify({
          key: app.assistant.publicKey,
          visitorId,
          text,
          clientMessageId: randomUUID(),
        }),
      });
    const first = (await (await send('hello')).json()) as MessageView;
    // Wait until the reply job is running (the model is thinking), then write again.
    await expect
      .poll(async () => {
        const job = await app.server.context.db
          .selectFrom('jobs')
          .select('status')
          .where('dedupe_key', '=', `reply:${first.conversationId}`)
          .executeTakeFirst();
        return job?.status;
      })
      .toBe('running');
    await send('what are your opening hours?');

    const api = await app.login();
    const assistantTexts = async () => {
      const thread = (await (
        await api(`/api/conversations/${first.conversationId}/messages`)
      ).json()) as {
        items: MessageView[];
      };
      return thread.items
        .filter((message) => message.author === 'assistant')
        .map((message) => message.text);
    };
    await expect
      .poll(assistantTexts, { timeout: 10_000 })
      .toContain('Answer to: what are your opening hours?');
  });

  it('never answers mail sent by a machine (auto-replies, bounces, newsletters)', async () => {
    const { db, secretBox } = app.server.context;
    const row = await createChannel(db, secretBox, app.workspaceId, {
      kind: 'gmail',
      name: 'Mailbox',
      assistantId: app.assistant.id,
    });
    const channel = {
      id: row.id,
      workspaceId: app.workspaceId,
      kind: 'gmail' as const,
      assistantId: app.assistant.id,
    };
    const [outcome] = await ingest(
      db,
      channel,
      [inboundMessage({ text: 'I am out of office until Monday.', metadata: { automated: true } })],
      afterCustomerMessage,
    );
    if (outcome?.status !== 'created') throw new Error('expected a stored message');
    const jobs = await db
      .selectFrom('jobs')
      .select('id')
      .where('dedupe_key', '=', `reply:${outcome.conversationId}`)
      .execute();
    expect(jobs).toEqual([]);
  });
});
