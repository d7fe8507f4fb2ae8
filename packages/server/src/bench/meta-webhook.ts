/**
 * Signed Messenger webhooks end to end: real HTTP POSTs to `/webhooks/meta`, each verified
 * (X-Hub-Signature-256), parsed and ingested before the 200 — the rate Meta would see.
 */
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { offlineProvider } from '../ai/offline-provider.js';
import { createChannel, createWorkspace } from '../commands/workspaces.js';
import type { Context } from '../context.js';
import { SecretBox } from '../lib/secrets.js';
import { META_WEBHOOK_PATH, metaWebhookRoutes } from '../routes/webhooks/meta.js';
import type { Store } from '../store/store.js';
import {
  APP_SECRET,
  messagingEntry,
  metaWebhook,
  signMetaBody,
  textMessage,
} from '../test-support/meta-fixtures.js';
import { measure, type Rate } from './ingest.js';

const CONVERSATIONS = 50;

export async function benchMetaWebhooks(
  store: Store,
  count: number,
  concurrency: number,
): Promise<Rate> {
  const secretBox = new SecretBox('bench');
  const { workspace } = await createWorkspace(store.db, {
    name: 'Meta bench',
    admin: {
      email: `meta-bench-${randomUUID()}@bench.local`,
      name: 'Bench',
      password: 'orbit-kettle-42',
    },
  });
  const pageId = String(100_000_000_000_000 + Math.floor(Math.random() * 1e12));
  await createChannel(store.db, secretBox, workspace.id, {
    kind: 'messenger',
    name: 'Bench Page',
    externalAccountId: pageId,
    secrets: { accessToken: 'bench', appSecret: APP_SECRET, verifyToken: 'bench-verify' },
  });
  const quiet = () => undefined;
  const ctx: Context = {
    store,
    db: store.db,
    secretBox,
    provider: offlineProvider,
    log: { info: quiet, warn: quiet, error: quiet },
    now: () => new Date(),
    allowCustomPlatformUrls: false,
  };
  const app = Fastify();
  await app.register(metaWebhookRoutes, ctx);
  const url = `${await app.listen({ port: 0, host: '127.0.0.1' })}${META_WEBHOOK_PATH}`;
  try {
    return await measure(
      'signed Messenger webhooks over HTTP',
      count,
      async (index) => {
        const psid = `bench-psid-${index % CONVERSATIONS}`;
        const body = JSON.stringify(
          metaWebhook('page', [
            messagingEntry(pageId, [
              textMessage({
                from: psid,
                to: pageId,
                timestamp: Date.now(),
                mid: `m_bench_${pageId}_${index}`,
                text: `Hello ${index}, where is my order?`,
              }),
            ]),
          ]),
        );
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-hub-signature-256': signMetaBody(body),
          },
          body,
        });
        if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
      },
      concurrency,
    );
  } finally {
    await app.close();
  }
}
