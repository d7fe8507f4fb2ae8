import { randomUUID } from 'node:crypto';
import type { AnalysisBackfillView, AnalysisSettings, ConversationCard } from '@parley/domain';
import { DEFAULT_TOPICS } from '@parley/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../commands/ingest.js';
import { createChannel } from '../../commands/workspaces.js';
import { type ApiClient, startTestServer, type TestServer } from '../../test-support/app.js';
import { inboundMessage } from '../../test-support/inbound.js';

describe('analysis settings and backfill API', () => {
  let app: TestServer;
  let admin: ApiClient;
  let agent: ApiClient;

  beforeAll(async () => {
    app = await startTestServer('pglite', { jobPollMs: 50 });
    admin = await app.login();
    const email = `agent-${randomUUID()}@test.local`;
    await admin('/api/users', {
      body: { email, name: 'Agnes', password: 'agent-password-1', role: 'agent' },
    });
    agent = await app.login(email, 'agent-password-1');
  });

  afterAll(async () => {
    await app.close();
  });

  it('starts with the default topics, no keywords and a threshold of two failed answers', async () => {
    const settings = (await (await agent('/api/analysis/settings')).json()) as AnalysisSettings;
    expect(settings).toEqual({
      topics: [...DEFAULT_TOPICS],
      safetyKeywords: [],
      failedAnswersBeforePause: 2,
    });
  });

  it('lets admins edit the topic list and keywords, and no one else', async () => {
    const change = { topics: ['rentals', 'repairs'], safetyKeywords: ['lawyer'] };
    expect((await agent('/api/analysis/settings', { method: 'PUT', body: change })).status).toBe(
      403,
    );
    const saved = await admin('/api/analysis/settings', { method: 'PUT', body: change });
    expect(await saved.json()).toEqual({
      topics: ['rentals', 'repairs', 'other'],
      safetyKeywords: ['lawyer'],
      failedAnswersBeforePause: 2,
    });
    const invalid = await admin('/api/analysis/settings', {
      method: 'PUT',
      body: { failedAnswersBeforePause: 99 },
    });
    expect(invalid.status).toBe(400);
  });

  it('analyzes existing conversations as a backfill, with progress', async () => {
    const { db, secretBox } = app.server.context;
    const row = await createChannel(db, secretBox, app.workspaceId, {
      kind: 'messenger',
      name: 'Page',
    });
    const channel = {
      id: row.id,
      workspaceId: app.workspaceId,
      kind: 'messenger' as const,
      assistantId: null,
    };
    for (let index = 0; index < 25; index += 1) {
      await ingest(db, channel, [
        inboundMessage({
          threadKey: `backfill-${index}`,
          text: `Where is my order #${1000 + index}?`,
        }),
      ]);
    }
    expect((await agent('/api/analysis/backfill', { method: 'POST' })).status).toBe(403);
    const started = await admin('/api/analysis/backfill', { method: 'POST' });
    expect(started.status).toBe(202);
    const { backfill } = (await started.json()) as { backfill: AnalysisBackfillView };
    expect(backfill).toMatchObject({ status: 'running', total: 25 });

    const progress = async () =>
      ((await (await agent('/api/analysis/backfill')).json()) as { backfill: AnalysisBackfillView })
        .backfill;
    await expect.poll(async () => (await progress()).status, { timeout: 20_000 }).toBe('done');
    expect(await progress()).toMatchObject({ id: backfill.id, done: 25, total: 25 });

    const list = (await (await agent('/api/conversations?channel=messenger&limit=100')).json()) as {
      items: ConversationCard[];
    };
    expect(list.items).toHaveLength(25);
    expect(list.items.every((card) => card.analysis !== null && card.summary)).toBe(true);
  });
});
