import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enqueueGmailSync, GMAIL_SYNC_JOB } from '../../channels/gmail/sync-job.js';
import { readSyncState } from '../../channels/gmail/sync-state.js';
import { createChannel, createWorkspace } from '../../commands/workspaces.js';
import { SecretBox } from '../../lib/secrets.js';
import { loadChannel } from '../../store/channels.js';
import { BACKENDS, openTestStore, type TestStore } from '../../test-support/db.js';
import { pubsubPushBody } from '../../test-support/gmail-fixtures.js';
import { type GmailWebhookDeps, gmailWebhookRoutes } from './gmail.js';

const MAILBOX = 'support@shop.example';
const PUSH_TOKEN = 'push-token-5f1d0c';
const secretBox = new SecretBox('gmail-webhook-test');

describe.each(BACKENDS)('POST /webhooks/gmail/:channelId on %s', (backend) => {
  let store: TestStore;
  let app: FastifyInstance;
  let url: string;
  let workspaceId: string;
  let channelId: string;
  let failEnqueue = false;

  const push = (body: unknown, token: string | null = PUSH_TOKEN, id = channelId) =>
    fetch(`${url}/webhooks/gmail/${id}${token === null ? '' : `?token=${token}`}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  const pendingSyncs = () =>
    store.db
      .selectFrom('jobs')
      .select(['kind', 'payload'])
      .where('kind', '=', GMAIL_SYNC_JOB)
      .where('status', '=', 'pending')
      .execute();

  beforeAll(async () => {
    store = await openTestStore(backend);
    const { workspace } = await createWorkspace(store.db, {
      name: 'Push',
      admin: { email: `push-${backend}@test.local`, name: 'A', password: 'orbit-kettle-42' },
    });
    workspaceId = workspace.id;
    const deps: GmailWebhookDeps = {
      db: store.db,
      loadChannel: (id) => loadChannel(store.db, secretBox, id),
      enqueueGmailSync: async (trx, channel) => {
        if (failEnqueue) throw new Error('queue unavailable');
        await enqueueGmailSync(trx, channel);
      },
    };
    app = Fastify({ logger: false });
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    await app.register(gmailWebhookRoutes, deps);
    url = await app.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await app.close();
    await store.dispose();
  });

  beforeEach(async () => {
    failEnqueue = false;
    await store.db.deleteFrom('jobs').execute();
    const row = await createChannel(store.db, secretBox, workspaceId, {
      kind: 'gmail',
      name: 'Support mailbox',
      config: { emailAddress: MAILBOX, pubsubTopic: 'projects/p/topics/gmail' },
      secrets: {
        clientId: 'id',
        clientSecret: 'secret',
        refreshToken: 'refresh',
        pushToken: PUSH_TOKEN,
      },
    });
    channelId = row.id;
  });

  it('acknowledges a verified push after recording its historyId and enqueuing one sync', async () => {
    const response = await push(pubsubPushBody({ emailAddress: MAILBOX, historyId: 4321 }));
    expect(response.status).toBe(204);
    expect(await pendingSyncs()).toEqual([{ kind: GMAIL_SYNC_JOB, payload: { channelId } }]);
    expect((await readSyncState(store.db, channelId)).notifiedHistoryId).toBe('4321');
  });

  it('collapses a burst of pushes into one pending sync and keeps the newest historyId', async () => {
    for (const historyId of [5000, 5007, 4990]) {
      expect((await push(pubsubPushBody({ emailAddress: MAILBOX, historyId }))).status).toBe(204);
    }
    expect(await pendingSyncs()).toHaveLength(1);
    expect((await readSyncState(store.db, channelId)).notifiedHistoryId).toBe('5007');
  });

  it('refuses a wrong or missing token and enqueues nothing', async () => {
    const body = pubsubPushBody({ emailAddress: MAILBOX, historyId: 1 });
    expect((await push(body, 'guess')).status).toBe(403);
    expect((await push(body, null)).status).toBe(401);
    expect(await pendingSyncs()).toEqual([]);
  });

  it('answers 404 for an unknown channel, a malformed id and a channel of another kind', async () => {
    const body = pubsubPushBody({ emailAddress: MAILBOX, historyId: 1 });
    expect((await push(body, PUSH_TOKEN, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await push(body, PUSH_TOKEN, 'not-a-uuid')).status).toBe(404);
    const widget = await createChannel(store.db, secretBox, workspaceId, {
      kind: 'website_widget',
      name: 'Site',
      secrets: { pushToken: PUSH_TOKEN },
    });
    expect((await push(body, PUSH_TOKEN, widget.id)).status).toBe(404);
  });

  it('rejects a malformed push body with 400', async () => {
    expect((await push({ message: { data: 'bm90IGpzb24' } })).status).toBe(400);
    expect((await push('{not json')).status).toBe(400);
    expect(await pendingSyncs()).toEqual([]);
  });

  it('acknowledges and drops a push for another mailbox', async () => {
    const response = await push(
      pubsubPushBody({ emailAddress: 'someone@else.example', historyId: 9 }),
    );
    expect(response.status).toBe(204);
    expect(await pendingSyncs()).toEqual([]);
  });

  it('does not acknowledge when the sync could not be enqueued, so Pub/Sub redelivers', async () => {
    failEnqueue = true;
    const response = await push(pubsubPushBody({ emailAddress: MAILBOX, historyId: 77 }));
    expect(response.status).toBe(500);
    expect((await readSyncState(store.db, channelId)).notifiedHistoryId).toBeNull();
  });
});
