/**
 * Every route, every input: a NUL, an unpaired surrogate, a date or number out of PostgreSQL's
 * range, one at a time in an otherwise valid (and, for webhooks, correctly signed) request.
 * None may answer 500; a NUL in the address is always a 400. A route added without a request
 * here fails the first test, so nothing goes unfuzzed.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appProxySignature } from '../channels/shopify/app-proxy.js';
import { SHOPIFY_HMAC_HEADER } from '../channels/shopify/webhook.js';
import { createAssistant, createChannel } from '../commands/workspaces.js';
import { startTestServer, type TestServer } from '../test-support/app.js';
import { BACKENDS } from '../test-support/db.js';
import { pubsubPushBody } from '../test-support/gmail-fixtures.js';
import {
  hostileVariants,
  listRoutes,
  type RequestShape,
  send,
  urlOf,
} from '../test-support/hostile-inputs.js';
import {
  messagingEntry,
  metaWebhook,
  PAGE_ID,
  PSID,
  signMetaBody,
  textMessage,
} from '../test-support/meta-fixtures.js';

/** Routes with no input to fuzz, or whose valid request would end the test's session. */
const NOT_FUZZED: Record<string, string> = {
  'POST /api/auth/logout': 'no input; sending it would end the session the other probes use',
};

/** Routes whose valid request is still refused here, and why that is fine. */
const REFUSED_WHEN_VALID: Record<string, string> = {
  'POST /api/conversations/:id/private-reply': 'only comments take private replies',
  'POST /api/conversations/:id/action-items/:itemId': 'the conversation has no analysis yet',
  'POST /api/auth/login/totp': 'needs a live sign-in challenge; values still meet the schema',
  'POST /api/auth/password': 'a wrong current password, so the other probes keep signing in',
  'POST /api/auth/two-factor/confirm': 'no code is right before the authenticator has one',
  'POST /api/auth/two-factor/disable': 'two-factor is off; values still meet the schema',
  'DELETE /api/knowledge/sources/:id': 'a source that does not exist, so the others stay',
  'PUT /api/insights/review/:messageId': 'the customer message it names is no answer to rate',
};

const SHOP = 'hostile-inputs.myshopify.com';
const SHOP_SECRET = 'shpss_hostile_inputs_secret_01';
const META_SECRET = '0123456789abcdef0123456789abcdef';
const PUSH_TOKEN = 'hostile-inputs-push-token-0123';
const MAILBOX = 'support@hostile.example';
/** Nothing listens here: jobs that reach for a platform fail fast and stay on this machine. */
const NOWHERE = 'http://127.0.0.1:9';

interface Probe {
  shape: RequestShape;
  /** Signs the request as the platform would, over the (hostile) values it carries. */
  sign?: (url: string, body: Buffer) => { url: string; headers: Record<string, string> };
}

describe.each(BACKENDS)('hostile inputs on every route (%s)', (backend) => {
  let app: TestServer;
  let operatorHeaders: Record<string, string>;
  let probes: Record<string, Probe>;

  beforeAll(async () => {
    app = await startTestServer(backend);
    const { db, secretBox } = app.server.context;
    const login = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(app.operator),
    });
    operatorHeaders = {
      cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
      'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken,
    };
    const api = async (path: string, body?: unknown) => {
      const response = await fetch(`${app.url}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { ...operatorHeaders, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      expect(response.status, `${path}: ${await response.clone().text()}`).toBeLessThan(300);
      return (await response.json()) as Record<string, unknown> & { id: string };
    };

    const key = app.assistant.publicKey;
    const visitorId = 'hostile-visitor-0001';
    await api('/api/widget/session', { key, visitorId });
    const message = await api('/api/widget/messages', {
      key,
      visitorId,
      text: 'Hello there',
      clientMessageId: 'client-0001',
    });
    const conversationId = String(message.conversationId);
    const { items } = (await api('/api/channels')) as unknown as { items: { id: string }[] };
    const channelId = items[0]?.id ?? '';
    const user = await api('/api/users', {
      email: 'teammate@hostile.example',
      name: 'Teammate',
      password: 'orbit-kettle-42-quiet',
    });
    const apiKey = await api('/api/api-keys', { name: 'Script' });
    const doomed = await createAssistant(db, app.workspaceId, { name: 'Doomed' });
    const knowledge = (await api('/api/knowledge/sources', {
      kind: 'qa',
      question: 'Do you ship abroad?',
      answer: 'Yes, to all of Europe.',
    })) as unknown as { source: { id: string } };
    const sourceId = knowledge.source.id;
    const questionGroup = await db
      .insertInto('question_groups')
      .values({
        workspace_id: app.workspaceId,
        assistant_id: app.assistant.id,
        label: 'Do you ship to Canada?',
        centroid: '{}',
        last_asked_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const cursor = Buffer.from(
      JSON.stringify({ at: new Date().toISOString(), id: conversationId }),
    ).toString('base64url');
    const issueCursor = Buffer.from(
      JSON.stringify({ at: new Date().toISOString(), conversationId, kind: 'frustrated' }),
    ).toString('base64url');

    await api('/api/channels', {
      kind: 'shopify_widget',
      name: 'Store',
      assistantId: app.assistant.id,
      connection: { shopDomain: SHOP, appSecret: SHOP_SECRET },
    });
    await createChannel(db, secretBox, app.workspaceId, {
      kind: 'messenger',
      name: 'Page',
      externalAccountId: PAGE_ID,
      config: { accountId: PAGE_ID, graphApiBaseUrl: NOWHERE },
      secrets: { accessToken: 'page-token', appSecret: META_SECRET, verifyToken: 'verify-me-0' },
    });
    const gmail = await createChannel(db, secretBox, app.workspaceId, {
      kind: 'gmail',
      name: 'Mailbox',
      externalAccountId: MAILBOX,
      config: { emailAddress: MAILBOX, gmailApiBaseUrl: NOWHERE, oauthTokenUrl: NOWHERE },
      secrets: {
        clientId: 'client-id-0',
        clientSecret: 'client-secret',
        refreshToken: 'refresh-token',
        pushToken: PUSH_TOKEN,
      },
    });

    const shopifyProxy = (route: string, query: Record<string, string>, body?: unknown): Probe => ({
      shape: {
        method: body === undefined ? 'GET' : 'POST',
        route: `/shopify/proxy/api/widget/${route}`,
        query: {
          shop: SHOP,
          logged_in_customer_id: '',
          path_prefix: '/apps/parley',
          timestamp: String(Math.floor(Date.now() / 1000)),
          ...query,
        },
        body,
      },
      sign: (url) => {
        const [path, search = ''] = url.split('?');
        const params = new URLSearchParams(search);
        params.append('signature', appProxySignature(params, SHOP_SECRET));
        return { url: `${path}?${params}`, headers: {} };
      },
    });
    const widget = { key, visitorId };
    const id = (method: string, route: string, value: string, body?: unknown): Probe => ({
      shape: { method, route, params: { id: value }, body },
    });
    const plain = (method: string, route: string): Probe => ({
      // Routes without inputs still get an address to carry a hostile query.
      shape: { method, route, query: { unused: 'x' } },
    });

    probes = {
      'POST /api/auth/login': {
        shape: { method: 'POST', route: '/api/auth/login', body: app.operator },
      },
      'GET /api/auth/me': plain('GET', '/api/auth/me'),
      'POST /api/auth/login/totp': {
        shape: {
          method: 'POST',
          route: '/api/auth/login/totp',
          body: { challenge: 'no-such-challenge', code: '123456' },
        },
      },
      'POST /api/auth/password': {
        shape: {
          method: 'POST',
          route: '/api/auth/password',
          body: { currentPassword: 'not-the-password-1', newPassword: 'orbit-kettle-44-windy' },
        },
      },
      'GET /api/auth/two-factor': plain('GET', '/api/auth/two-factor'),
      'POST /api/auth/two-factor/setup': {
        shape: { method: 'POST', route: '/api/auth/two-factor/setup', query: { unused: 'x' } },
      },
      'POST /api/auth/two-factor/confirm': {
        shape: { method: 'POST', route: '/api/auth/two-factor/confirm', body: { code: '123456' } },
      },
      'POST /api/auth/two-factor/disable': {
        shape: {
          method: 'POST',
          route: '/api/auth/two-factor/disable',
          body: { password: 'not-the-password-1' },
        },
      },
      'GET /api/audit-log': {
        shape: {
          method: 'GET',
          route: '/api/audit-log',
          query: { action: 'auth.login', from: '2020-01-01', to: '2030-01-01', limit: '20' },
        },
      },
      'GET /api/workspace/security': plain('GET', '/api/workspace/security'),
      'GET /api/knowledge/sources': {
        shape: {
          method: 'GET',
          route: '/api/knowledge/sources',
          query: { assistantId: app.assistant.id },
        },
      },
      'GET /api/knowledge/sources/:id': id('GET', '/api/knowledge/sources/:id', sourceId),
      'POST /api/knowledge/sources': {
        shape: {
          method: 'POST',
          route: '/api/knowledge/sources',
          body: {
            kind: 'article',
            assistantId: app.assistant.id,
            title: 'Hours',
            body: 'Open 9-5.',
          },
        },
      },
      'PATCH /api/knowledge/sources/:id': id('PATCH', '/api/knowledge/sources/:id', sourceId, {
        question: 'Do you ship to Norway?',
        answer: 'Yes, to Norway too.',
      }),
      'DELETE /api/knowledge/sources/:id': id(
        'DELETE',
        '/api/knowledge/sources/:id',
        '00000000-0000-4000-8000-000000000000',
      ),
      'POST /api/knowledge/sources/:id/resync': id(
        'POST',
        '/api/knowledge/sources/:id/resync',
        sourceId,
      ),
      'POST /api/knowledge/files': {
        shape: {
          method: 'POST',
          route: '/api/knowledge/files',
          body: { fileName: 'hours.txt', mimeType: 'text/plain', contentBase64: 'T3BlbiA5LTUu' },
        },
      },
      'POST /api/knowledge/urls': {
        shape: {
          method: 'POST',
          route: '/api/knowledge/urls',
          body: { url: `${NOWHERE}/page`, title: 'Page' },
        },
      },
      'POST /api/knowledge/try': {
        shape: {
          method: 'POST',
          route: '/api/knowledge/try',
          body: { assistantId: app.assistant.id, question: 'Do you ship abroad?' },
        },
      },
      'GET /api/insights/questions': {
        shape: {
          method: 'GET',
          route: '/api/insights/questions',
          query: {
            from: '2026-01-01',
            to: '2026-01-31',
            channel: 'website_widget,gmail',
            assistant: app.assistant.id,
            status: 'all',
          },
        },
      },
      'POST /api/insights/questions/:id/actions': id(
        'POST',
        '/api/insights/questions/:id/actions',
        questionGroup.id,
        { kind: 'instructions', assistantId: app.assistant.id, line: 'Say we ship to Canada.' },
      ),
      'POST /api/insights/questions/:id/resolve': id(
        'POST',
        '/api/insights/questions/:id/resolve',
        questionGroup.id,
      ),
      'POST /api/insights/questions/:id/reopen': id(
        'POST',
        '/api/insights/questions/:id/reopen',
        questionGroup.id,
      ),
      'GET /api/insights/review': {
        shape: {
          method: 'GET',
          route: '/api/insights/review',
          query: {
            from: '2026-01-01',
            to: '2026-01-31',
            channel: 'messenger',
            assistant: app.assistant.id,
          },
        },
      },
      'PUT /api/insights/review/:messageId': {
        shape: {
          method: 'PUT',
          route: '/api/insights/review/:messageId',
          params: { messageId: message.id },
          body: { verdict: 'good', note: 'Clear answer.' },
        },
      },
      'GET /api/analysis/settings': plain('GET', '/api/analysis/settings'),
      'PUT /api/analysis/settings': {
        shape: {
          method: 'PUT',
          route: '/api/analysis/settings',
          body: { topics: ['shipping', 'returns'], safetyKeywords: ['lawyer'] },
        },
      },
      'GET /api/analysis/backfill': plain('GET', '/api/analysis/backfill'),
      'POST /api/analysis/backfill': {
        shape: { method: 'POST', route: '/api/analysis/backfill', query: { unused: 'x' } },
      },
      'POST /api/conversations/:id/action-items/:itemId': {
        shape: {
          method: 'POST',
          route: '/api/conversations/:id/action-items/:itemId',
          params: { id: conversationId, itemId: '00000000-0000-4000-8000-000000000000' },
          body: { done: true },
        },
      },
      'PUT /api/workspace/security': {
        shape: {
          method: 'PUT',
          route: '/api/workspace/security',
          body: { requireAdminTwoFactor: false },
        },
      },
      'GET /api/api-keys': plain('GET', '/api/api-keys'),
      'POST /api/api-keys': {
        shape: { method: 'POST', route: '/api/api-keys', body: { name: 'Key', role: 'agent' } },
      },
      'DELETE /api/api-keys/:id': id('DELETE', '/api/api-keys/:id', apiKey.id),
      'GET /api/assistants': plain('GET', '/api/assistants'),
      'PATCH /api/assistants/:id': id('PATCH', '/api/assistants/:id', app.assistant.id, {
        name: 'Tess',
        instructions: 'Be kind.',
        greeting: 'Hi!',
        suggestedQuestions: ['Where is my order?'],
        allowedOrigins: ['https://allowed.example'],
        model: { name: 'gpt-4o-mini', temperature: 0.4 },
      }),
      'POST /api/assistants': {
        shape: {
          method: 'POST',
          route: '/api/assistants',
          body: {
            name: 'Nova',
            instructions: 'Be brief.',
            greeting: 'Hello!',
            suggestedQuestions: ['Do you ship abroad?'],
            allowedOrigins: ['*'],
            model: { name: 'gpt-4o-mini', temperature: 0.2 },
          },
        },
      },
      'POST /api/assistants/:id/duplicate': id(
        'POST',
        '/api/assistants/:id/duplicate',
        app.assistant.id,
      ),
      'DELETE /api/assistants/:id': id('DELETE', '/api/assistants/:id', doomed.id),
      'GET /api/users': plain('GET', '/api/users'),
      'POST /api/users': {
        shape: {
          method: 'POST',
          route: '/api/users',
          body: {
            email: 'new@hostile.example',
            name: 'New',
            password: 'orbit-kettle-43-sunny',
            role: 'agent',
          },
        },
      },
      'DELETE /api/users/:id': id('DELETE', '/api/users/:id', user.id),
      'GET /api/conversations': {
        shape: {
          method: 'GET',
          route: '/api/conversations',
          query: {
            channel: 'website_widget',
            assistant: app.assistant.id,
            status: 'active',
            unread: 'false',
            from: '2020-01-01',
            to: '2030-01-01T00:00:00Z',
            q: 'hello',
            startedFrom: '2020-01-01',
            startedTo: '2030-01-01',
            outcome: 'handed_over',
            handover: 'operator',
            cursor,
            limit: '10',
          },
        },
      },
      'GET /api/conversations.csv': {
        shape: {
          method: 'GET',
          route: '/api/conversations.csv',
          query: {
            channel: 'website_widget',
            assistant: app.assistant.id,
            from: '2020-01-01',
            q: 'hello',
            topic: 'shipping',
            startedFrom: '2020-01-01',
            startedTo: '2030-01-01',
            outcome: 'ai_only',
          },
        },
      },
      'GET /api/insights/performance': {
        shape: {
          method: 'GET',
          route: '/api/insights/performance',
          query: {
            from: '2026-01-01',
            to: '2026-01-31',
            channel: 'website_widget,gmail',
            assistant: app.assistant.id,
          },
        },
      },
      'GET /api/insights/performance.csv': {
        shape: {
          method: 'GET',
          route: '/api/insights/performance.csv',
          query: { table: 'channels', from: '2026-01-01', to: '2026-01-31', channel: 'gmail' },
        },
      },
      'GET /api/insights/issues': {
        shape: {
          method: 'GET',
          route: '/api/insights/issues',
          query: {
            from: '2026-01-01',
            to: '2026-01-31',
            assistant: app.assistant.id,
            cursor: issueCursor,
            limit: '20',
          },
        },
      },
      'GET /api/conversations/:id': id('GET', '/api/conversations/:id', conversationId),
      'GET /api/conversations/:id/messages': id(
        'GET',
        '/api/conversations/:id/messages',
        conversationId,
      ),
      'POST /api/conversations/:id/messages': id(
        'POST',
        '/api/conversations/:id/messages',
        conversationId,
        { text: 'On it.' },
      ),
      'POST /api/conversations/:id/private-reply': id(
        'POST',
        '/api/conversations/:id/private-reply',
        conversationId,
        { text: 'In private.' },
      ),
      'POST /api/conversations/:id/pause': id(
        'POST',
        '/api/conversations/:id/pause',
        conversationId,
      ),
      'POST /api/conversations/:id/resume': id(
        'POST',
        '/api/conversations/:id/resume',
        conversationId,
      ),
      'POST /api/conversations/:id/read': id('POST', '/api/conversations/:id/read', conversationId),
      'GET /api/channels': plain('GET', '/api/channels'),
      'POST /api/channels': {
        shape: {
          method: 'POST',
          route: '/api/channels',
          body: {
            kind: 'gmail',
            name: 'Sales mailbox',
            assistantId: app.assistant.id,
            connection: {
              emailAddress: 'sales@hostile.example',
              clientId: 'client-id-0001',
              clientSecret: 'client-secret',
              refreshToken: 'refresh-token-0001',
              fromName: 'Sales',
              gmailApiBaseUrl: NOWHERE,
              oauthTokenUrl: NOWHERE,
            },
          },
        },
      },
      'DELETE /api/channels/:id': id('DELETE', '/api/channels/:id', channelId),
      'PUT /api/channels/:id/rules': id('PUT', '/api/channels/:id/rules', channelId, {
        autoReply: true,
        delayMinSeconds: 1,
        delayMaxSeconds: 2,
        questionsOnly: false,
        keywords: ['refund'],
        subjectKeywords: ['order'],
        autoPause: true,
        assistantId: app.assistant.id,
      }),
      'GET /api/stream': {
        shape: { method: 'GET', route: '/api/stream', query: { lastEventId: '0' } },
      },
      'GET /api/widget/config': {
        shape: { method: 'GET', route: '/api/widget/config', query: { key } },
      },
      'POST /api/widget/session': {
        shape: {
          method: 'POST',
          route: '/api/widget/session',
          body: { ...widget, channel: 'website_widget' },
        },
      },
      'GET /api/widget/stream': {
        shape: {
          method: 'GET',
          route: '/api/widget/stream',
          query: { ...widget, conversationId, lastEventId: '0' },
        },
      },
      'POST /api/widget/messages': {
        shape: {
          method: 'POST',
          route: '/api/widget/messages',
          body: {
            ...widget,
            conversationId,
            channel: 'website_widget',
            text: 'Another question',
            clientMessageId: 'client-0002',
          },
        },
      },
      'OPTIONS /api/widget/*': plain('OPTIONS', '/api/widget/session'),
      'GET *': { shape: { method: 'GET', route: '/settings/:page', params: { page: 'team' } } },
      'GET /api/openapi.json': plain('GET', '/api/openapi.json'),
      'GET /api/health': plain('GET', '/api/health'),
      'GET /shopify/proxy/api/widget/config': shopifyProxy('config', {}),
      // Shopify's limiter counts per shopper: each probe is its own shopper, to stay under it.
      'POST /shopify/proxy/api/widget/session': shopifyProxy(
        'session',
        {},
        { visitorId: 'shopper-session-0001' },
      ),
      'GET /shopify/proxy/api/widget/stream': shopifyProxy('stream', {
        visitorId,
        conversationId,
        lastEventId: '0',
      }),
      'POST /shopify/proxy/api/widget/messages': shopifyProxy(
        'messages',
        {},
        {
          visitorId: 'shopper-message-0001',
          text: 'From the store',
          clientMessageId: 'client-0003',
        },
      ),
      'GET /share.js': plain('GET', '/share.js'),
      'GET /widget.js': plain('GET', '/widget.js'),
      'GET /c/:slug': {
        shape: { method: 'GET', route: '/c/:slug', params: { slug: app.assistant.shareSlug } },
      },
      'GET /webhooks/meta': {
        shape: {
          method: 'GET',
          route: '/webhooks/meta',
          query: {
            'hub.mode': 'subscribe',
            'hub.verify_token': 'verify-me-0',
            'hub.challenge': '42',
          },
        },
      },
      'POST /webhooks/meta': {
        shape: {
          method: 'POST',
          route: '/webhooks/meta',
          body: metaWebhook('page', [
            messagingEntry(PAGE_ID, [
              textMessage({
                from: PSID,
                to: PAGE_ID,
                timestamp: Date.now(),
                mid: 'm_hostile',
                text: 'Hi page',
              }),
            ]),
          ]),
        },
        sign: (url, body) => ({
          url,
          headers: { 'x-hub-signature-256': signMetaBody(body, META_SECRET) },
        }),
      },
      'POST /webhooks/shopify': {
        shape: {
          method: 'POST',
          route: '/webhooks/shopify',
          body: { shop_id: 1, shop_domain: SHOP, customer: { id: 7, email: 'c@hostile.example' } },
        },
        sign: (url, body) => ({
          url,
          headers: {
            [SHOPIFY_HMAC_HEADER]: createHmac('sha256', SHOP_SECRET).update(body).digest('base64'),
            'x-shopify-shop-domain': SHOP,
            'x-shopify-topic': 'customers/redact',
          },
        }),
      },
      'POST /webhooks/gmail/:channelId': {
        shape: {
          method: 'POST',
          route: '/webhooks/gmail/:channelId',
          params: { channelId: gmail.id },
          query: { token: PUSH_TOKEN },
          body: pubsubPushBody({ emailAddress: MAILBOX, historyId: '12345' }),
        },
      },
    };
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  function deliver(probe: Probe, shape: RequestShape) {
    const body = shape.body === undefined ? undefined : Buffer.from(JSON.stringify(shape.body));
    const signed = probe.sign?.(urlOf(shape), body ?? Buffer.alloc(0)) ?? {
      url: urlOf(shape),
      headers: {},
    };
    return send(app.url, {
      method: shape.method,
      url: signed.url,
      headers: {
        ...operatorHeaders,
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...signed.headers,
      },
      ...(body ? { body } : {}),
    });
  }

  it('has a request for every route the server has', () => {
    const routes = listRoutes(app.server.app.printRoutes({ commonPrefix: false }));
    const missing = routes.filter((route) => !(route in probes) && !(route in NOT_FUZZED));
    expect(missing).toEqual([]);
    expect(routes.length).toBeGreaterThan(30);
  });

  it('answers every hostile value without a server error, and a NUL in the address with 400', async () => {
    const failures: string[] = [];
    let sent = 0;
    for (const [route, probe] of Object.entries(probes)) {
      // The valid request must get through (auth, signature, lookups), or its variants would
      // only ever test the first check; deletions are left out so the fixtures stay.
      if (probe.shape.method !== 'DELETE') {
        const valid = await deliver(probe, probe.shape);
        if (valid.status >= 400 && !(route in REFUSED_WHEN_VALID)) {
          failures.push(`${route} (valid request): ${valid.status} ${valid.text}`);
        }
      }
      for (const variant of hostileVariants(probe.shape)) {
        const answer = await deliver(probe, variant.shape);
        sent += 1;
        const wrong = answer.status >= 500 || (variant.nulInUrl && answer.status !== 400);
        if (wrong) {
          failures.push(`${route} ${variant.description}: ${answer.status} ${answer.text}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(500);
  }, 180_000);
});
