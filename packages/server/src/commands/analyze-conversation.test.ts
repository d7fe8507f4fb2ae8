import { randomUUID } from 'node:crypto';
import type { ConversationCard } from '@parley/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult, ConversationAnalyzer } from '../ai/analysis/analyzer.js';
import { OfflineAnalyzer } from '../ai/analysis/offline-analyzer.js';
import type { Logger } from '../context.js';
import { readEvents } from '../store/events.js';
import { startTestServer } from '../test-support/app.js';
import { createTestChannel } from '../test-support/channel.js';
import { BACKENDS, openTestStore, type TestStore } from '../test-support/db.js';
import { inboundMessage } from '../test-support/inbound.js';
import {
  type AnalysisDeps,
  analysisDebounceMs,
  analyzeConversation,
} from './analyze-conversation.js';
import { type ChannelForIngest, ingest } from './ingest.js';

const offlineAnalyzer = new OfflineAnalyzer();

// Short, so the job below runs within the test; the tests read the wait from here too.
process.env.PARLEY_ANALYSIS_DEBOUNCE_MS = '400';

const quiet: Logger = { info() {}, warn() {}, error() {} };

/** An analyzer that answers what the test says, to follow action items across analyses. */
function scripted(result: () => Partial<AnalysisResult>): ConversationAnalyzer {
  return {
    name: 'scripted',
    async analyze(input) {
      const base = await offlineAnalyzer.analyze(input);
      return { ...base, ...result() };
    },
  };
}

describe.each(BACKENDS)('conversation analysis on %s', (backend) => {
  let store: TestStore;
  let channel: ChannelForIngest;
  let deps: AnalysisDeps;
  let thread = 0;

  beforeAll(async () => {
    store = await openTestStore(backend);
    channel = await createTestChannel(store.db, 'messenger');
    deps = { db: store.db, analyzer: offlineAnalyzer, log: quiet, now: () => new Date() };
  });

  afterAll(async () => {
    await store.dispose();
  });

  const say = async (text: string, threadKey: string) => {
    const [outcome] = await ingest(store.db, channel, [inboundMessage({ text, threadKey })]);
    if (outcome?.status !== 'created') throw new Error('expected a stored message');
    return outcome.conversationId;
  };
  const newThread = () => {
    thread += 1;
    return `analysis-${thread}`;
  };
  const analysisJobs = (conversationId: string) =>
    store.db
      .selectFrom('jobs')
      .select(['run_at', 'status'])
      .where('dedupe_key', '=', `analysis:${conversationId}`)
      .execute();

  it('waits for activity to settle: each new message moves the one pending analysis later', async () => {
    const key = newThread();
    const before = Date.now();
    const conversationId = await say('Hi, where is my order #4417?', key);
    const [first] = await analysisJobs(conversationId);
    expect(first?.status).toBe('pending');
    const firstAt = new Date(first?.run_at ?? 0).getTime();
    expect(firstAt).toBeGreaterThanOrEqual(before + analysisDebounceMs());

    await new Promise((resolve) => setTimeout(resolve, 30));
    await say('Hello? Anyone there?', key);
    const jobs = await analysisJobs(conversationId);
    expect(jobs).toHaveLength(1);
    expect(new Date(jobs[0]?.run_at ?? 0).getTime()).toBeGreaterThan(firstAt);
  });

  it('stores the analysis and announces the card in the same transaction', async () => {
    const conversationId = await say('My parcel never arrived. Where is order #4417?', newThread());
    const seqBefore = (await readEvents(store.db, channel.workspaceId, 0, { limit: 10_000 })).at(
      -1,
    )?.seq;
    expect(await analyzeConversation(deps, conversationId)).toBe('analyzed');

    const row = await store.db
      .selectFrom('conversations')
      .select(['analysis', 'analysis_version', 'summary', 'analyzed_through_message_id'])
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow();
    expect(row.analysis_version).toBe(1);
    expect(row.analysis?.analyzer).toBe('offline');
    expect(row.summary).toBe(row.analysis?.summary);
    expect(row.analyzed_through_message_id).toBe(row.analysis?.lastMessageId);

    const events = await readEvents(store.db, channel.workspaceId, seqBefore ?? 0);
    expect(events.map((event) => event.type)).toEqual(['conversation.updated']);
    const card = events[0]?.payload as ConversationCard;
    expect(card.id).toBe(conversationId);
    expect(card.analysis?.summary).toBe(row.summary);

    // Nothing new since: nothing to do.
    expect(await analyzeConversation(deps, conversationId)).toBe('current');
  });

  it('keeps an operator’s tick on an action item the next analysis names again', async () => {
    const key = newThread();
    const conversationId = await say('The zipper broke, please send a new one.', key);
    let items = [{ text: 'Send a replacement zipper' }];
    const analyzer = scripted(() => ({ actionItems: items }));
    await analyzeConversation({ ...deps, analyzer }, conversationId);
    const stored = await store.db
      .selectFrom('conversations')
      .select('analysis')
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow();
    const [item] = stored.analysis?.actionItems ?? [];
    if (!stored.analysis || !item) throw new Error('expected an action item');
    await store.db
      .updateTable('conversations')
      .set({
        analysis: JSON.stringify({
          ...stored.analysis,
          actionItems: [{ ...item, done: true, doneAt: new Date().toISOString(), doneBy: 'u1' }],
        }),
      })
      .where('id', '=', conversationId)
      .execute();

    items = [{ text: 'send a replacement zipper.' }, { text: 'Refund the shipping' }];
    await say('Also, can you refund the shipping?', key);
    await analyzeConversation({ ...deps, analyzer }, conversationId);
    const after = await store.db
      .selectFrom('conversations')
      .select('analysis')
      .where('id', '=', conversationId)
      .executeTakeFirstOrThrow();
    expect(after.analysis?.actionItems.map((entry) => [entry.id, entry.done])).toEqual([
      [item.id, true],
      [expect.any(String), false],
    ]);
  });
});

describe('the analysis wait', () => {
  it('comes from PARLEY_ANALYSIS_DEBOUNCE_MS, 30 s by default', () => {
    expect(analysisDebounceMs({ PARLEY_ANALYSIS_DEBOUNCE_MS: '500' })).toBe(500);
    expect(analysisDebounceMs({})).toBe(30_000);
    expect(analysisDebounceMs({ PARLEY_ANALYSIS_DEBOUNCE_MS: 'soon' })).toBe(30_000);
  });

  it('runs the job once the conversation is quiet, and the card carries the analysis', async () => {
    const app = await startTestServer('pglite', { jobPollMs: 50 });
    try {
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
        }).then((response) => response.json() as Promise<{ conversationId: string }>);
      const { conversationId } = await send('Hi! Do you ship to Canada?');
      await send('And are duties included?');
      const api = await app.login();
      const card = async () =>
        (await (await api(`/api/conversations/${conversationId}`)).json()) as ConversationCard;
      await expect
        .poll(async () => (await card()).analysis?.analyzer, { timeout: 10_000 })
        .toBe('offline');
      const jobs = await app.server.context.db
        .selectFrom('jobs')
        .select('status')
        .where('dedupe_key', '=', `analysis:${conversationId}`)
        .execute();
      expect(jobs.filter((job) => job.status === 'done').length).toBeGreaterThanOrEqual(1);
    } finally {
      await app.close();
    }
  });
});
