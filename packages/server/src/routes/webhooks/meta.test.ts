import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlineProvider } from '../../ai/offline-provider.js';
import type { MetaChannelKind } from '../../channels/meta/envelope.js';
import { createChannel, createWorkspace } from '../../commands/workspaces.js';
import type { Context, Logger } from '../../context.js';
import { SecretBox } from '../../lib/secrets.js';
import { BACKENDS, openTestStore, type TestStore } from '../../test-support/db.js';
import {
  APP_SECRET,
  changesEntry,
  deliveryEvent,
  echoMessage,
  feedComment,
  instagramComment,
  messagingEntry,
  metaWebhook,
  reactionEvent,
  readEvent,
  signMetaBody,
  textMessage,
} from '../../test-support/meta-fixtures.js';
import { META_WEBHOOK_PATH, metaWebhookRoutes } from './meta.js';
import { MAX_ACCOUNTS, MAX_ENTRIES } from './meta-delivery.js';
import { HANDSHAKE_RATE_LIMIT, WEBHOOK_RATE_LIMIT } from './rate-limits.js';

const secretBox = new SecretBox('meta-webhook-test');
const VERIFY_TOKEN = 'open-sesame-42';
const T = 1_767_225_600_000;

interface LogLine {
  level: 'info' | 'warn' | 'error';
  message: string;
  details?: Record<string, unknown>;
}

describe.each(BACKENDS)('Meta webhook route on %s', (backend) => {
  let store: TestStore;
  let app: FastifyInstance;
  let workspaceId: string;
  const logLines: LogLine[] = [];
  let accountSequence = 0;
  let ctx: Context;

  const log: Logger = {
    info: (message, details) =>
      logLines.push({ level: 'info', message, ...(details ? { details } : {}) }),
    warn: (message, details) =>
      logLines.push({ level: 'warn', message, ...(details ? { details } : {}) }),
    error: (message, details) =>
      logLines.push({ level: 'error', message, ...(details ? { details } : {}) }),
  };

  beforeAll(async () => {
    store = await openTestStore(backend);
    const { workspace } = await createWorkspace(store.db, {
      name: 'Meta',
      admin: { email: `meta-${backend}@test.local`, name: 'Admin', password: 'orbit-kettle-42' },
    });
    workspaceId = workspace.id;
    ctx = {
      store,
      db: store.db,
      secretBox,
      provider: offlineProvider,
      log,
      now: () => new Date(),
      allowCustomPlatformUrls: true,
    };
    app = Fastify();
    app.post('/elsewhere', async (request) => ({ parsed: request.body }));
    await app.register(metaWebhookRoutes, ctx);
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
    await store.dispose();
  });

  /** Connects channels of these kinds for a fresh account id (each test its own Page). */
  async function connect(
    kinds: MetaChannelKind[],
    appSecret = APP_SECRET,
    into: { workspaceId?: string; accountId?: string } = {},
  ) {
    accountSequence += 1;
    const accountId =
      into.accountId ??
      `10${backend === 'pglite' ? 1 : 2}${String(accountSequence).padStart(12, '0')}`;
    const ids: Partial<Record<MetaChannelKind, string>> = {};
    for (const kind of kinds) {
      const row = await createChannel(store.db, secretBox, into.workspaceId ?? workspaceId, {
        kind,
        name: `${kind} ${accountId}`,
        externalAccountId: accountId,
        config: { accountId },
        secrets: { accessToken: 'token', appSecret, verifyToken: `${VERIFY_TOKEN}-${accountId}` },
      });
      ids[kind] = row.id;
    }
    return { accountId, ids };
  }

  function post(body: unknown, options: { secret?: string | null; raw?: string } = {}) {
    const payload = options.raw ?? JSON.stringify(body);
    const secret = options.secret === undefined ? APP_SECRET : options.secret;
    return app.inject({
      method: 'POST',
      url: META_WEBHOOK_PATH,
      headers: {
        'content-type': 'application/json',
        ...(secret ? { 'x-hub-signature-256': signMetaBody(payload, secret) } : {}),
      },
      payload,
    });
  }

  function messagesOf(channelId: string | undefined) {
    return store.db
      .selectFrom('messages')
      .selectAll()
      .where('channel_id', '=', channelId ?? '')
      .orderBy('created_at')
      .orderBy('external_id')
      .execute();
  }

  it('answers the subscription handshake with the challenge as plain text', async () => {
    const { accountId } = await connect(['messenger']);
    const ok = await app.inject({
      method: 'GET',
      url: `${META_WEBHOOK_PATH}?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}-${accountId}&hub.challenge=1158201444`,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toMatch(/^text\/plain/);
    expect(ok.body).toBe('1158201444');

    const refused = await app.inject({
      method: 'GET',
      url: `${META_WEBHOOK_PATH}?hub.mode=subscribe&hub.verify_token=wrong-token&hub.challenge=1`,
    });
    expect(refused.statusCode).toBe(403);
  });

  it('ingests every event of every entry of a signed batch, and answers 200 after commit', async () => {
    const { accountId, ids } = await connect(['messenger', 'facebook_comment']);
    const body = metaWebhook('page', [
      messagingEntry(accountId, [
        textMessage({ from: 'psid-a', to: accountId, timestamp: T, mid: 'm_a1', text: 'Hi' }),
        textMessage({
          from: 'psid-a',
          to: accountId,
          timestamp: T + 1,
          mid: 'm_a2',
          text: 'Anyone?',
        }),
      ]),
      messagingEntry(accountId, [
        textMessage({
          from: 'psid-b',
          to: accountId,
          timestamp: T + 2,
          mid: 'm_b1',
          text: 'Hello',
        }),
      ]),
      changesEntry(
        accountId,
        [
          feedComment({
            verb: 'add',
            commentId: 'c_1',
            postId: `${accountId}_1`,
            parentId: `${accountId}_1`,
            from: { id: 'fan-1', name: 'Fan' },
            message: 'Price?',
            createdTime: T / 1000,
          }),
        ],
        T / 1000,
      ),
    ]);
    const response = await post(body);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ received: 4 });

    const dms = await messagesOf(ids.messenger);
    expect(dms.map((message) => [message.external_id, message.author, message.direction])).toEqual([
      ['m_a1', 'contact', 'inbound'],
      ['m_a2', 'contact', 'inbound'],
      ['m_b1', 'contact', 'inbound'],
    ]);
    const conversations = await store.db
      .selectFrom('conversations')
      .select(['thread_key', 'unread_count'])
      .where('channel_id', '=', ids.messenger ?? '')
      .orderBy('thread_key')
      .execute();
    expect(conversations).toEqual([
      { thread_key: 'psid-a', unread_count: 2 },
      { thread_key: 'psid-b', unread_count: 1 },
    ]);
    expect((await messagesOf(ids.facebook_comment)).map((message) => message.text)).toEqual([
      'Price?',
    ]);
  });

  it('stores a retried delivery once', async () => {
    const { accountId, ids } = await connect(['messenger']);
    const body = metaWebhook('page', [
      messagingEntry(accountId, [
        textMessage({ from: 'psid-r', to: accountId, timestamp: T, mid: 'm_retry', text: 'Once' }),
      ]),
    ]);
    expect((await post(body)).statusCode).toBe(200);
    expect((await post(body)).statusCode).toBe(200);
    expect(await messagesOf(ids.messenger)).toHaveLength(1);
  });

  it('refuses a missing or malformed signature with 401 before reading the body', async () => {
    const { accountId, ids } = await connect(['messenger']);
    const body = metaWebhook('page', [
      messagingEntry(accountId, [
        textMessage({
          from: 'psid-x',
          to: accountId,
          timestamp: T,
          mid: 'm_forged',
          text: 'Forged',
        }),
      ]),
    ]);
    const missing = await post(body, { secret: null });
    expect(missing.statusCode).toBe(401);
    expect(missing.json()).toMatchObject({ error: { code: 'missing_signature' } });
    for (const header of ['sha1=abc', `sha256=${'z'.repeat(64)}`, 'sha256=', 'garbage']) {
      const malformed = await app.inject({
        method: 'POST',
        url: META_WEBHOOK_PATH,
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': header },
        // Not even JSON: the header is refused before the body is read.
        payload: '{"object":',
      });
      expect(malformed.statusCode).toBe(401);
      expect(malformed.json()).toMatchObject({ error: { code: 'malformed_signature' } });
    }
    expect(await messagesOf(ids.messenger)).toEqual([]);
  });

  it('answers a wrong signature for a connected account exactly as an unknown account', async () => {
    const { accountId, ids } = await connect(['messenger']);
    const delivery = (id: string) =>
      metaWebhook('page', [
        messagingEntry(
          id,
          [textMessage({ from: 'psid-y', to: id, timestamp: T, mid: `m_${id}`, text: 'Hi' })],
          T,
        ),
      ]);
    const wrong = await post(delivery(accountId), { secret: 'ffffffffffffffffffffffffffffffff' });
    const unknown = await post(delivery('104999999999999'));
    expect(wrong.statusCode).toBe(200);
    expect(unknown.statusCode).toBe(wrong.statusCode);
    expect(unknown.body).toBe(wrong.body);
    expect(wrong.json()).toEqual({ received: 0 });
    expect(await messagesOf(ids.messenger)).toEqual([]);
  });

  it('refuses a delivery of more than 1,000 entries or 100 accounts with 413', async () => {
    const entries = (count: number, distinct: number) =>
      metaWebhook(
        'page',
        Array.from({ length: count }, (_, index) => ({ id: String(1e14 + (index % distinct)) })),
      );
    const tooLong = await post(entries(MAX_ENTRIES + 1, 1));
    expect(tooLong.statusCode).toBe(413);
    expect(tooLong.json()).toMatchObject({ error: { code: 'too_many_entries' } });
    const tooWide = await post(entries(MAX_ACCOUNTS + 1, MAX_ACCOUNTS + 1));
    expect(tooWide.statusCode).toBe(413);
    expect(tooWide.json()).toMatchObject({ error: { code: 'too_many_accounts' } });
    expect((await post(entries(MAX_ENTRIES, MAX_ACCOUNTS))).statusCode).toBe(200);
  });

  it('looks every named account up in one query, and logs a line of fixed size', async () => {
    let queries = 0;
    const counted = Fastify();
    await counted.register(metaWebhookRoutes, {
      ...ctx,
      db: store.db.withPlugin({
        transformQuery: (args) => {
          queries += 1;
          return args.node;
        },
        transformResult: async (args) => args.result,
      }),
    });
    const { accountId } = await connect(['messenger', 'facebook_comment']);
    // A claimed id of 100,000 characters, too: log lines keep only a little of each.
    const ids = [
      'x'.repeat(100_000),
      accountId,
      ...Array.from({ length: MAX_ACCOUNTS - 2 }, (_, i) => String(2e14 + i)),
    ];
    const payload = JSON.stringify(
      metaWebhook(
        'page',
        ids.map((id) => ({ id, time: T })),
      ),
    );
    logLines.length = 0;
    const response = await counted.inject({
      method: 'POST',
      url: META_WEBHOOK_PATH,
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': signMetaBody(payload, 'ffffffffffffffffffffffffffffffff'),
      },
      payload,
    });
    await counted.close();
    expect(response.statusCode).toBe(200);
    expect(queries).toBe(1);
    const warning = logLines.find((line) => line.message === 'meta webhook signature rejected');
    expect(warning?.details).toMatchObject({ accounts: MAX_ACCOUNTS, channels: 2 });
    expect(JSON.stringify(warning?.details).length).toBeLessThan(400);
  });

  it('delivers an account connected in two workspaces only to the one whose secret signed', async () => {
    const { workspace } = await createWorkspace(store.db, {
      name: 'Squatter',
      admin: { email: `squatter-${backend}@test.local`, name: 'B', password: 'orbit-kettle-42' },
    });
    const owner = await connect(['messenger']);
    const squatterSecret = '0123456789abcdef0123456789abcdef';
    const squatter = await connect(['messenger'], squatterSecret, {
      workspaceId: workspace.id,
      accountId: owner.accountId,
    });
    const delivery = (mid: string) =>
      metaWebhook('page', [
        messagingEntry(owner.accountId, [
          textMessage({ from: 'psid-s', to: owner.accountId, timestamp: T, mid, text: mid }),
        ]),
      ]);
    expect((await post(delivery('m_for_owner'))).json()).toEqual({ received: 1 });
    expect((await post(delivery('m_for_squatter'), { secret: squatterSecret })).json()).toEqual({
      received: 1,
    });
    expect((await messagesOf(owner.ids.messenger)).map((message) => message.text)).toEqual([
      'm_for_owner',
    ]);
    expect((await messagesOf(squatter.ids.messenger)).map((message) => message.text)).toEqual([
      'm_for_squatter',
    ]);
  });

  it('ingests only the entries of channels whose app secret signed the body', async () => {
    const signed = await connect(['messenger']);
    const other = await connect(['messenger'], '00000000000000000000000000000000');
    const body = metaWebhook('page', [
      messagingEntry(signed.accountId, [
        textMessage({
          from: 'p1',
          to: signed.accountId,
          timestamp: T,
          mid: 'm_signed',
          text: 'ok',
        }),
      ]),
      messagingEntry(other.accountId, [
        textMessage({
          from: 'p2',
          to: other.accountId,
          timestamp: T,
          mid: 'm_smuggled',
          text: 'no',
        }),
      ]),
    ]);
    expect((await post(body)).statusCode).toBe(200);
    expect(await messagesOf(signed.ids.messenger)).toHaveLength(1);
    expect(await messagesOf(other.ids.messenger)).toEqual([]);
    expect(logLines).toContainEqual(
      expect.objectContaining({ level: 'warn', message: 'meta webhook signature rejected' }),
    );
  });

  it('answers 400 with a clear error for malformed JSON or a foreign body', async () => {
    const badJson = await post(undefined, { raw: '{"object": "page", "entry": [' });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json()).toEqual({
      error: { code: 'malformed_json', message: 'The body is not valid JSON.' },
    });
    const foreign = await post({ hello: 'world' });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json()).toMatchObject({ error: { code: 'malformed_payload' } });
  });

  it('answers 413 to a body over 1 MB', async () => {
    const { accountId } = await connect(['messenger']);
    const huge = metaWebhook('page', [
      messagingEntry(accountId, [
        textMessage({
          from: 'p',
          to: accountId,
          timestamp: T,
          mid: 'm_huge',
          text: 'x'.repeat(1024 * 1024),
        }),
      ]),
    ]);
    expect((await post(huge)).statusCode).toBe(413);
  });

  it('keeps raw bodies to its own routes: JSON parsing elsewhere is untouched', async () => {
    const response = await app.inject({ method: 'POST', url: '/elsewhere', payload: { a: 1 } });
    expect(response.json()).toEqual({ parsed: { a: 1 } });
  });

  it('acknowledges an account no channel is connected to, storing nothing and naming nothing', async () => {
    const body = metaWebhook('page', [
      messagingEntry('999999999999999', [
        textMessage({
          from: 'p',
          to: '999999999999999',
          timestamp: T,
          mid: 'm_nobody',
          text: 'hi',
        }),
      ]),
    ]);
    const response = await post(body);
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain('999999999999999');
    const stored = await store.db
      .selectFrom('messages')
      .select('id')
      .where('external_id', '=', 'm_nobody')
      .execute();
    expect(stored).toEqual([]);
  });

  it('stores echoes as outbound and moves them to delivered, then read, with receipts', async () => {
    const { accountId, ids } = await connect(['messenger']);
    const psid = 'psid-echo';
    const deliver = (events: Record<string, unknown>[]) =>
      post(metaWebhook('page', [messagingEntry(accountId, events)]));

    await deliver([
      textMessage({
        from: psid,
        to: accountId,
        timestamp: T,
        mid: 'm_in',
        text: 'Where is my order?',
      }),
      echoMessage({
        from: accountId,
        to: psid,
        timestamp: T + 1000,
        mid: 'm_echo',
        text: 'On its way!',
      }),
    ]);
    let echo = (await messagesOf(ids.messenger)).find(
      (message) => message.external_id === 'm_echo',
    );
    expect(echo).toMatchObject({ author: 'business', direction: 'outbound', status: 'sent' });

    await deliver([
      deliveryEvent({ from: psid, to: accountId, mids: ['m_echo'], watermark: T + 1000 }),
    ]);
    echo = (await messagesOf(ids.messenger)).find((message) => message.external_id === 'm_echo');
    expect(echo?.status).toBe('delivered');

    await deliver([
      readEvent({ from: psid, to: accountId, timestamp: T + 5000, watermark: T + 1000 }),
    ]);
    echo = (await messagesOf(ids.messenger)).find((message) => message.external_id === 'm_echo');
    expect(echo?.status).toBe('read');
    const customer = (await messagesOf(ids.messenger)).find(
      (message) => message.external_id === 'm_in',
    );
    expect(customer?.status).toBe('received');
  });

  it('logs and skips reactions without failing the delivery', async () => {
    const { accountId, ids } = await connect(['messenger']);
    const response = await post(
      metaWebhook('page', [
        messagingEntry(accountId, [
          reactionEvent({ from: 'p', to: accountId, timestamp: T, mid: 'm_x' }),
        ]),
      ]),
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ received: 0 });
    expect(await messagesOf(ids.messenger)).toEqual([]);
    expect(logLines).toContainEqual(
      expect.objectContaining({
        message: 'meta webhook events left out',
        details: expect.objectContaining({
          skipped: [{ reason: 'reaction', ids: { sender: 'p' } }],
        }),
      }),
    );
  });

  it('routes an Instagram delivery to the DM and comment channels, with comment threads nested', async () => {
    const { accountId, ids } = await connect(['instagram_dm', 'instagram_comment']);
    const fan = { id: 'ig-fan', username: 'fan' };
    const body = metaWebhook('instagram', [
      messagingEntry(accountId, [
        textMessage({
          from: 'igsid-1',
          to: accountId,
          timestamp: T,
          mid: 'ig_m1',
          text: 'DM here',
        }),
      ]),
      changesEntry(
        accountId,
        [
          instagramComment({ id: 'ig_c1', text: 'Love it', from: fan, mediaId: 'media-1' }),
          instagramComment({
            id: 'ig_c2',
            text: 'Thanks!',
            from: { id: accountId, username: 'shop' },
            mediaId: 'media-1',
            parentId: 'ig_c1',
          }),
        ],
        T,
      ),
    ]);
    expect((await post(body)).statusCode).toBe(200);
    expect((await messagesOf(ids.instagram_dm)).map((message) => message.text)).toEqual([
      'DM here',
    ]);

    const comments = await messagesOf(ids.instagram_comment);
    expect(comments.map((message) => [message.external_id, message.author])).toEqual([
      ['ig_c1', 'contact'],
      ['ig_c2', 'business'],
    ]);
    expect(comments[1]?.parent_id).toBe(comments[0]?.id);
    expect(comments[1]?.conversation_id).toBe(comments[0]?.conversation_id);
    const conversation = await store.db
      .selectFrom('conversations')
      .selectAll()
      .where('id', '=', comments[0]?.conversation_id ?? '')
      .executeTakeFirstOrThrow();
    expect(conversation.thread_key).toBe('ig_c1');
    expect(conversation.metadata).toEqual({
      post: { platform: 'instagram', id: 'media-1', productType: 'FEED' },
    });
  });

  it('keeps the history of an edited Page comment and marks a removed one', async () => {
    const { accountId, ids } = await connect(['facebook_comment']);
    const postId = `${accountId}_77`;
    const fan = { id: 'fan-2', name: 'Fan Two' };
    const feed = (...changes: Record<string, unknown>[]) =>
      post(metaWebhook('page', [changesEntry(accountId, changes, T / 1000 + 60)]));

    await feed(
      feedComment({
        verb: 'add',
        commentId: 'fc_1',
        postId,
        parentId: postId,
        from: fan,
        message: 'Is this red?',
        createdTime: T / 1000,
      }),
      feedComment({
        verb: 'add',
        commentId: 'fc_2',
        postId,
        parentId: 'fc_1',
        from: fan,
        message: 'Or blue?',
        createdTime: T / 1000 + 1,
      }),
    );
    await feed(
      feedComment({
        verb: 'edited',
        commentId: 'fc_1',
        postId,
        parentId: postId,
        from: fan,
        message: 'Is this dark red?',
        createdTime: T / 1000,
      }),
    );
    await feed(
      feedComment({
        verb: 'remove',
        commentId: 'fc_2',
        postId,
        parentId: 'fc_1',
        from: fan,
        createdTime: T / 1000 + 1,
      }),
    );

    const [first, second] = await messagesOf(ids.facebook_comment);
    expect(first).toMatchObject({ text: 'Is this dark red?', removed_at: null });
    expect(first?.history).toEqual([
      { text: 'Is this red?', replacedAt: new Date(T + 60_000).toISOString() },
    ]);
    expect(first?.edited_at).not.toBeNull();
    expect(second?.parent_id).toBe(first?.id);
    expect(second?.removed_at).not.toBeNull();
  });
});

describe('Meta webhook rate limits', () => {
  let store: TestStore;
  let app: FastifyInstance;

  beforeAll(async () => {
    store = await openTestStore('pglite');
    const quiet = () => undefined;
    app = Fastify();
    // As in app.ts: limits apply where a route asks for one.
    await app.register(fastifyRateLimit, { global: false });
    await app.register(metaWebhookRoutes, {
      store,
      db: store.db,
      secretBox,
      provider: offlineProvider,
      log: { info: quiet, warn: quiet, error: quiet },
      now: () => new Date(),
      allowCustomPlatformUrls: false,
    });
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
    await store.dispose();
  });

  it('limits deliveries per address, before reading the body', async () => {
    const deliver = () =>
      app
        .inject({ method: 'POST', url: META_WEBHOOK_PATH, payload: '{}' })
        .then((r) => r.statusCode);
    for (let index = 0; index < WEBHOOK_RATE_LIMIT.max; index += 1)
      expect(await deliver()).toBe(401);
    const limited = await app.inject({ method: 'POST', url: META_WEBHOOK_PATH, payload: '{}' });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('limits subscription handshakes per address more tightly', async () => {
    const handshake = () =>
      app.inject({
        method: 'GET',
        url: `${META_WEBHOOK_PATH}?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1`,
      });
    for (let index = 0; index < HANDSHAKE_RATE_LIMIT.max; index += 1)
      expect((await handshake()).statusCode).toBe(403);
    expect((await handshake()).statusCode).toBe(429);
  });
});
