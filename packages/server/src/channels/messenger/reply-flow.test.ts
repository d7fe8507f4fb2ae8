/**
 * Messenger wired into Parley's outbound path: an inbox reply is queued, the send job hands it
 * to this connector, and the Graph API's answer (over real HTTP, from the stand-in) decides
 * whether the message is sent, retried or failed.
 */
import { HOUR_MS } from '@parley/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlineProvider } from '../../ai/offline-provider.js';
import { ingest } from '../../commands/ingest.js';
import { deliverMessage, sendReply } from '../../commands/send-message.js';
import { createChannel, createWorkspace } from '../../commands/workspaces.js';
import type { Context } from '../../context.js';
import { claimJobs, completeJob } from '../../jobs/queue.js';
import { RetryableJobError } from '../../jobs/runner.js';
import { SecretBox } from '../../lib/secrets.js';
import { openTestStore, type TestStore } from '../../test-support/db.js';
import { GraphApiStandIn } from '../../test-support/graph-api-stand-in.js';
import { ACCESS_TOKEN, GRAPH_VERSION } from '../../test-support/meta-channel.js';
import {
  APP_SECRET,
  echoMessage,
  graphErrors,
  messagingEntry,
  metaWebhook,
  PAGE_ID,
  textMessage,
} from '../../test-support/meta-fixtures.js';
import { DEFAULT_RATE_LIMIT_WAIT_MS } from '../meta/graph-errors.js';
import { parseMessengerWebhook } from './parse.js';

const secretBox = new SecretBox('messenger-reply-flow');
const customerWroteAt = new Date('2026-05-01T09:00:00.000Z');

let store: TestStore;
let graph: GraphApiStandIn;
let now = new Date(customerWroteAt.getTime() + HOUR_MS);
let ctx: Context;
let workspaceId: string;
let channel: { id: string; workspaceId: string; kind: 'messenger'; assistantId: null };
let psidSequence = 0;

beforeAll(async () => {
  graph = await GraphApiStandIn.start({ accessToken: ACCESS_TOKEN });
  store = await openTestStore('pglite');
  const { workspace } = await createWorkspace(store.db, {
    name: 'Reply flow',
    admin: { email: 'reply-flow@test.local', name: 'Op', password: 'orbit-kettle-42' },
  });
  workspaceId = workspace.id;
  const row = await createChannel(store.db, secretBox, workspaceId, {
    kind: 'messenger',
    name: 'Page',
    externalAccountId: PAGE_ID,
    config: { graphApiBaseUrl: graph.baseUrl, graphApiVersion: GRAPH_VERSION },
    secrets: { accessToken: ACCESS_TOKEN, appSecret: APP_SECRET, verifyToken: 'open-sesame-42' },
  });
  channel = { id: row.id, workspaceId, kind: 'messenger', assistantId: null };
  const quiet = () => undefined;
  ctx = {
    store,
    db: store.db,
    secretBox,
    provider: offlineProvider,
    log: { info: quiet, warn: quiet, error: quiet },
    now: () => now,
    allowCustomPlatformUrls: true,
  };
});

afterAll(async () => {
  await store.dispose();
  await graph.close();
});

/** A customer writes on Messenger; returns their conversation id and PSID. */
async function customerWrites(): Promise<{ conversationId: string; psid: string }> {
  psidSequence += 1;
  const psid = `70000000000000${psidSequence}`;
  const body = metaWebhook('page', [
    messagingEntry(PAGE_ID, [
      textMessage({
        from: psid,
        to: PAGE_ID,
        timestamp: customerWroteAt.getTime(),
        mid: `m_in_${psid}`,
        text: 'Where is my parcel?',
      }),
    ]),
  ]);
  const [outcome] = await ingest(store.db, channel, parseMessengerWebhook(body).events);
  if (outcome?.status !== 'created') throw new Error('the inbound message was not stored');
  return { conversationId: outcome.conversationId, psid };
}

/** Runs the queued send job once, as the job runner would. */
async function runSendJob(messageId: string): Promise<void> {
  const [job] = await claimJobs(store.db, 10, 60_000);
  if (!job) throw new Error('no send job was queued');
  await deliverMessage(ctx, messageId, { job, isLastAttempt: false });
}

const messageRow = (id: string) =>
  store.db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('Messenger replies through the send job', () => {
  it('sends an operator reply within 24 hours and records the Meta message id', async () => {
    now = new Date(customerWroteAt.getTime() + HOUR_MS);
    const { conversationId, psid } = await customerWrites();
    const reply = await sendReply(ctx, {
      workspaceId,
      conversationId,
      text: 'It ships today.',
      author: 'operator',
    });
    expect(reply.status).toBe('queued');
    await runSendJob(reply.id);
    expect(await messageRow(reply.id)).toMatchObject({
      status: 'sent',
      external_id: expect.stringMatching(/^m_standin/),
    });
    expect(graph.requests.at(-1)?.body).toEqual({
      recipient: { id: psid },
      messaging_type: 'RESPONSE',
      message: { text: 'It ships today.', metadata: `parley:${reply.id}` },
    });
  });

  it("does not store the platform's echo of a reply Parley sent a second time", async () => {
    now = new Date(customerWroteAt.getTime() + HOUR_MS);
    const { conversationId, psid } = await customerWrites();
    const reply = await sendReply(ctx, {
      workspaceId,
      conversationId,
      text: 'Done!',
      author: 'operator',
    });
    await runSendJob(reply.id);
    const { external_id: mid } = await messageRow(reply.id);
    const echo = metaWebhook('page', [
      messagingEntry(PAGE_ID, [
        echoMessage({
          from: PAGE_ID,
          to: psid,
          timestamp: now.getTime(),
          mid: mid ?? '',
          text: 'Done!',
          metadata: `parley:${reply.id}`,
        }),
      ]),
    ]);
    const [outcome] = await ingest(store.db, channel, parseMessengerWebhook(echo).events);
    expect(outcome).toMatchObject({ status: 'duplicate', messageId: reply.id });
  });

  it('matches an echo that arrives before the send job has recorded the Meta id', async () => {
    now = new Date(customerWroteAt.getTime() + HOUR_MS);
    const { conversationId, psid } = await customerWrites();
    const reply = await sendReply(ctx, {
      workspaceId,
      conversationId,
      text: 'Early echo',
      author: 'operator',
    });
    const echo = metaWebhook('page', [
      messagingEntry(PAGE_ID, [
        echoMessage({
          from: PAGE_ID,
          to: psid,
          timestamp: now.getTime(),
          mid: 'm_early_echo',
          text: 'Early echo',
          metadata: `parley:${reply.id}`,
        }),
      ]),
    ]);
    const [outcome] = await ingest(store.db, channel, parseMessengerWebhook(echo).events);
    expect(outcome).toMatchObject({ status: 'duplicate', messageId: reply.id });
    expect(await messageRow(reply.id)).toMatchObject({ external_id: 'm_early_echo' });
    const copies = await store.db
      .selectFrom('messages')
      .select('id')
      .where('conversation_id', '=', conversationId)
      .where('text', '=', 'Early echo')
      .execute();
    expect(copies).toHaveLength(1);
  });

  it('keeps replies in order: a later one waits while an earlier one is still being sent', async () => {
    now = new Date(customerWroteAt.getTime() + HOUR_MS);
    const { conversationId } = await customerWrites();
    const first = await sendReply(ctx, {
      workspaceId,
      conversationId,
      text: 'First',
      author: 'operator',
    });
    const second = await sendReply(ctx, {
      workspaceId,
      conversationId,
      text: 'Second',
      author: 'operator',
    });
    const jobs = await claimJobs(store.db, 10, 60_000);
    const jobOf = (id: string) => {
      const job = jobs.find((candidate) => candidate.payload.messageId === id);
      if (!job) throw new Error(`no send job for ${id}`);
      return { job, isLastAttempt: false };
    };
    const sentTexts = () =>
      graph.requests
        .map((request) => (request.body as { message?: { text?: string } }).message?.text)
        .filter((text) => text === 'First' || text === 'Second');

    expect(await deliverMessage(ctx, second.id, jobOf(second.id))).toMatchObject({
      runAgainAt: expect.any(Date),
    });
    expect(sentTexts()).toEqual([]);
    await deliverMessage(ctx, first.id, jobOf(first.id));
    await completeJob(store.db, jobOf(first.id).job);
    await deliverMessage(ctx, second.id, jobOf(second.id));
    expect(sentTexts()).toEqual(['First', 'Second']);
  });

  it('keeps a rate-limited reply queued and asks the job runner to wait before retrying', async () => {
    now = new Date(customerWroteAt.getTime() + HOUR_MS);
    const { conversationId } = await customerWrites();
    const reply = await sendReply(ctx, {
      workspaceId,
      conversationId,
      text: 'One moment.',
      author: 'operator',
    });
    graph.failNext(1, graphErrors.rateLimited(613));
    const attempt = runSendJob(reply.id);
    await expect(attempt).rejects.toBeInstanceOf(RetryableJobError);
    await expect(attempt).rejects.toMatchObject({ retryAfterMs: DEFAULT_RATE_LIMIT_WAIT_MS });
    expect(await messageRow(reply.id)).toMatchObject({ status: 'queued' });
  });

  it('tags an operator reply after 24 hours as HUMAN_AGENT, and refuses the assistant', async () => {
    now = new Date(customerWroteAt.getTime() + 30 * HOUR_MS);
    const { conversationId } = await customerWrites();
    await expect(
      sendReply(ctx, {
        workspaceId,
        conversationId,
        text: 'Automated follow-up',
        author: 'assistant',
      }),
    ).rejects.toMatchObject({ status: 409, code: 'reply_window_closed' });
    const reply = await sendReply(ctx, {
      workspaceId,
      conversationId,
      text: 'Sorry for the wait!',
      author: 'operator',
    });
    await runSendJob(reply.id);
    expect(graph.requests.at(-1)?.body).toMatchObject({
      messaging_type: 'MESSAGE_TAG',
      tag: 'HUMAN_AGENT',
    });
    expect(await messageRow(reply.id)).toMatchObject({ status: 'sent' });
  });

  it('fails a reply Meta refuses as outside the window, with the reason shown', async () => {
    now = new Date(customerWroteAt.getTime() + HOUR_MS);
    const { conversationId } = await customerWrites();
    const reply = await sendReply(ctx, {
      workspaceId,
      conversationId,
      text: 'Hello?',
      author: 'operator',
    });
    graph.failNext(1, graphErrors.outsideWindow());
    await runSendJob(reply.id);
    const row = await messageRow(reply.id);
    expect(row.status).toBe('failed');
    expect(row.error).toContain('The reply window has closed');
  });
});
