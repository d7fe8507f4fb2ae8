import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult, ConversationAnalyzer } from '../ai/analysis/analyzer.js';
import { OfflineAnalyzer } from '../ai/analysis/offline-analyzer.js';
import { offlineProvider } from '../ai/offline-provider.js';
import { analyzeConversation } from '../commands/analyze-conversation.js';
import { afterCustomerMessage } from '../commands/automation.js';
import { type ChannelForIngest, ingest } from '../commands/ingest.js';
import { pauseAi } from '../commands/pause.js';
import { sendReply } from '../commands/send-message.js';
import { createAssistant, createChannel, createWorkspace } from '../commands/workspaces.js';
import type { Context, Logger } from '../context.js';
import { bucketOf, bucketValue } from '../insights/histogram.js';
import { SecretBox } from '../lib/secrets.js';
import { performanceReport } from '../routes/insights/insights.js';
import { BACKENDS, openTestStore, type TestStore } from '../test-support/db.js';
import { inboundMessage } from '../test-support/inbound.js';
import { generateConversations } from '../test-support/insights-data.js';
import { listConversations } from './conversations.js';
import { decodeIssueCursor, listIssues, rebuildInsights } from './insights.js';

const quiet: Logger = { info() {}, warn() {}, error() {} };
const offline = new OfflineAnalyzer();

/** Stands in for a model analyzer: the topics and end sentiment the test names. */
function scripted(result: () => Partial<AnalysisResult>): ConversationAnalyzer {
  return {
    name: 'scripted',
    async analyze(input) {
      return { ...(await offline.analyze(input)), ...result() };
    },
  };
}

const today = () => new Date().toISOString().slice(0, 10);

async function rollupSnapshot(store: TestStore, workspaceId: string) {
  const daily = await store.db
    .selectFrom('insights_daily')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy(['insights_daily.day', 'channel_kind', 'assistant_key'])
    .execute();
  const topics = await store.db
    .selectFrom('insights_topic_daily')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('conversations', '<>', 0)
    .orderBy(['insights_topic_daily.day', 'channel_kind', 'assistant_key', 'topic'])
    .execute();
  // A row whose conversations all moved away is all zeros after the incremental path and
  // absent after a rebuild: both mean "nothing".
  return {
    daily: daily
      .filter((row) => row.conversations !== 0)
      .map((row) => ({ ...row, sentiment_sum: Math.round(row.sentiment_sum * 1e9) / 1e9 })),
    topics,
  };
}

describe.each(BACKENDS)('insights rollups on %s', (backend) => {
  let store: TestStore;
  let ctx: Context;
  let workspaceId: string;
  let assistantId: string;
  let withAssistant: ChannelForIngest;
  let withoutAssistant: ChannelForIngest;
  let sentiment = { topics: ['shipping'], score: 0.5 };
  let thread = 0;

  beforeAll(async () => {
    store = await openTestStore(backend);
    const secretBox = new SecretBox('insights-test');
    const { workspace } = await createWorkspace(store.db, {
      name: 'Insights',
      admin: { email: `insights-${backend}@test.local`, name: 'A', password: 'orbit-kettle-42' },
    });
    workspaceId = workspace.id;
    const assistant = await createAssistant(store.db, workspaceId, { name: 'Ava' });
    assistantId = assistant.id;
    const messenger = await createChannel(store.db, secretBox, workspaceId, {
      kind: 'messenger',
      name: 'Page',
      assistantId,
      secrets: { accessToken: 'token' },
    });
    const mailbox = await createChannel(store.db, secretBox, workspaceId, {
      kind: 'instagram_dm',
      name: 'Instagram',
      secrets: { accessToken: 'token' },
    });
    withAssistant = { id: messenger.id, workspaceId, kind: 'messenger', assistantId };
    withoutAssistant = { id: mailbox.id, workspaceId, kind: 'instagram_dm', assistantId: null };
    ctx = {
      store,
      db: store.db,
      secretBox,
      provider: offlineProvider,
      log: quiet,
      now: () => new Date(),
      allowCustomPlatformUrls: false,
    };
  });

  afterAll(async () => {
    await store.dispose();
  });

  const customer = async (channel: ChannelForIngest, text = 'Where is my parcel?') => {
    thread += 1;
    const [outcome] = await ingest(
      store.db,
      channel,
      [
        inboundMessage({
          text,
          threadKey: `rollup-${thread}`,
          contact: { externalId: `c${thread}` },
        }),
      ],
      afterCustomerMessage,
    );
    if (outcome?.status !== 'created') throw new Error('expected a stored message');
    return { conversationId: outcome.conversationId, threadKey: `rollup-${thread}` };
  };
  const reply = (conversationId: string, author: 'assistant' | 'operator', unanswered = false) =>
    sendReply(ctx, {
      workspaceId,
      conversationId,
      text: author === 'assistant' ? 'Let me check that for you.' : 'Hi, Sam here.',
      author,
      ...(author === 'assistant'
        ? {
            provenance: {
              passageIds: [],
              unansweredQuestion: unanswered ? 'Where is my parcel?' : null,
            },
          }
        : {}),
    });
  const analyze = (conversationId: string) =>
    analyzeConversation(
      {
        db: store.db,
        analyzer: scripted(() => ({
          topics: sentiment.topics,
          sentiment: { label: 'neutral', score: sentiment.score, trend: 'steady' },
        })),
        log: quiet,
        now: () => new Date(),
      },
      conversationId,
    );

  it('keeps the rollups equal to a rebuild and to a direct query as conversations change', async () => {
    // AI alone; one of its two replies had no answer; analyzed, then re-analyzed differently.
    const aiOnly = await customer(withAssistant);
    await reply(aiOnly.conversationId, 'assistant');
    await reply(aiOnly.conversationId, 'assistant', true);
    expect(await analyze(aiOnly.conversationId)).toBe('analyzed');
    // Answered by the AI, then paused by a person: moves from AI-only to handed over.
    const paused = await customer(withAssistant);
    await reply(paused.conversationId, 'assistant');
    await pauseAi(ctx, workspaceId, paused.conversationId);
    await pauseAi(ctx, workspaceId, paused.conversationId);
    // The safety net pauses on a request for a person; a teammate answers later.
    const asked = await customer(withAssistant, 'I want to talk to a human, please');
    await reply(asked.conversationId, 'operator');
    // A teammate answers while the AI is still active.
    const stepIn = await customer(withAssistant);
    await reply(stepIn.conversationId, 'operator');
    // No assistant: a person answers; neither AI-only nor handed over.
    const manual = await customer(withoutAssistant);
    await reply(manual.conversationId, 'operator');
    // The customer writes again in the first thread and the analysis changes its mind.
    await ingest(store.db, withAssistant, [
      inboundMessage({
        text: 'Actually I want to return it',
        threadKey: aiOnly.threadKey,
        contact: { externalId: `c${thread - 4}` },
      }),
    ]);
    sentiment = { topics: ['returns', 'refunds'], score: -0.5 };
    expect(await analyze(aiOnly.conversationId)).toBe('analyzed');

    const incremental = await rollupSnapshot(store, workspaceId);
    const report = await performanceReport(store.db, workspaceId, {
      from: today(),
      to: today(),
      channels: [],
      assistant: '',
    });
    const totals = report.totals.current;
    expect(totals.conversations).toBe(5);
    expect(totals.customerMessages).toBe(6);
    expect(totals.answeredByAiShare).toBeCloseTo(1 / 5);
    expect(totals.handedOverShare).toBeCloseTo(3 / 5);
    expect(totals.handoversByTrigger).toEqual({ operator: 2, human_requested: 1 });
    expect(totals.unansweredRate).toBeCloseTo(1 / 3);
    expect(totals.averageEndSentiment).toBeCloseTo(-0.5);
    expect(totals.aiFirstResponseSeconds.p50).not.toBeNull();
    expect(totals.pauseToHumanReplySeconds.p50).not.toBeNull();
    expect(report.topics.map((topic) => [topic.topic, topic.conversations])).toEqual([
      ['refunds', 1],
      ['returns', 1],
    ]);
    expect(report.byAssistant.map((row) => [row.label, row.current.conversations])).toEqual([
      ['Ava', 4],
      ['No assistant', 1],
    ]);

    // The same figures straight from the raw tables.
    const direct = await store.db
      .selectFrom('conversations as c')
      .select((eb) => [
        eb.fn.countAll<number>().as('conversations'),
        eb.fn
          .sum<number>(
            eb
              .selectFrom('messages')
              .select((inner) => inner.fn.countAll<number>().as('n'))
              .whereRef('messages.conversation_id', '=', 'c.id')
              .where('author', '=', 'contact'),
          )
          .as('customer_messages'),
      ])
      .where('c.workspace_id', '=', workspaceId)
      .where('c.preview', '<>', '')
      .executeTakeFirstOrThrow();
    expect(Number(direct.conversations)).toBe(totals.conversations);
    expect(Number(direct.customer_messages)).toBe(totals.customerMessages);

    await rebuildInsights(store.db, { workspaceId, recountFacts: true });
    expect(await rollupSnapshot(store, workspaceId)).toEqual(incremental);
  });

  it('matches a direct query on generated conversations, over days, channels and assistants', async () => {
    const { workspace } = await createWorkspace(store.db, {
      name: 'Generated',
      admin: { email: `generated-${backend}@test.local`, name: 'G', password: 'orbit-kettle-42' },
    });
    const secretBox = new SecretBox('insights-generated');
    const assistant = await createAssistant(store.db, workspace.id, { name: 'Gen' });
    const channels = [];
    for (const [kind, withAi] of [
      ['messenger', true],
      ['gmail', false],
      ['website_widget', true],
    ] as const) {
      const channel = await createChannel(store.db, secretBox, workspace.id, {
        kind,
        name: kind,
        assistantId: withAi ? assistant.id : null,
      });
      const contact = await store.db
        .insertInto('contacts')
        .values({
          workspace_id: workspace.id,
          channel_id: channel.id,
          external_id: 'generated',
          attributes: '{}',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      channels.push({
        id: channel.id,
        kind,
        assistantId: withAi ? assistant.id : null,
        contactId: contact.id,
      });
    }
    await generateConversations(store.db, {
      workspaceId: workspace.id,
      channels,
      count: 3000,
      lastDay: '2026-03-31',
      days: 40,
      prefix: 'gen-',
    });
    await rebuildInsights(store.db, { workspaceId: workspace.id });

    const query = {
      from: '2026-03-10',
      to: '2026-03-24',
      channels: ['messenger', 'gmail'] as ('messenger' | 'gmail')[],
      assistant: '',
    };
    const load = () => performanceReport(store.db, workspace.id, query);
    const direct = async (from: string, to: string, kind: string) => {
      const row = await store.db
        .selectFrom('conversations')
        .select((eb) => [
          eb.fn.countAll<number>().as('conversations'),
          eb.fn.sum<number>('customer_messages').as('customer_messages'),
          eb.fn
            .countAll<number>()
            .filterWhere((w) =>
              w.and([
                w('assistant_replies', '>', 0),
                w('first_person_reply_at', 'is', null),
                w('handover_trigger', 'is', null),
              ]),
            )
            .as('ai_only'),
          eb.fn.count<number>('handover_trigger').as('handed_over'),
          eb.fn.sum<number>('unanswered_replies').as('unanswered'),
          eb.fn.sum<number>('assistant_replies').as('replies'),
        ])
        .select([
          sql<number>`avg((analysis->'sentiment'->>'score')::float8)`.as('sentiment'),
          sql<number>`percentile_disc(0.9) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM first_ai_reply_at - first_customer_at))`.as(
            'ai_p90',
          ),
          sql<number>`percentile_disc(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM handover_reply_at - handover_at))`.as(
            'pause_p50',
          ),
        ])
        .where('workspace_id', '=', workspace.id)
        .where('channel_kind', '=', kind)
        .where('created_at', '>=', new Date(`${from}T00:00:00Z`))
        .where('created_at', '<=', new Date(`${to}T23:59:59.999Z`))
        .executeTakeFirstOrThrow();
      return row;
    };
    const check = async () => {
      const report = await load();
      for (const kind of ['messenger', 'gmail']) {
        const row = report.byChannel.find((candidate) => candidate.key === kind);
        const expected = await direct(query.from, query.to, kind);
        const before = await direct('2026-02-23', '2026-03-09', kind);
        expect(row?.current.conversations).toBe(Number(expected.conversations));
        expect(row?.previous.conversations).toBe(Number(before.conversations));
        expect(row?.current.customerMessages).toBe(Number(expected.customer_messages));
        expect(row?.current.answeredByAiShare).toBeCloseTo(
          Number(expected.ai_only) / Number(expected.conversations),
          9,
        );
        expect(row?.current.handedOverShare).toBeCloseTo(
          Number(expected.handed_over) / Number(expected.conversations),
          9,
        );
        expect(row?.current.averageEndSentiment).toBeCloseTo(Number(expected.sentiment), 9);
        if (Number(expected.replies) > 0) {
          expect(row?.current.unansweredRate).toBeCloseTo(
            Number(expected.unanswered) / Number(expected.replies),
            9,
          );
        }
        for (const [estimate, exact] of [
          [row?.current.aiFirstResponseSeconds.p90, expected.ai_p90],
          [row?.current.pauseToHumanReplySeconds.p50, expected.pause_p50],
        ] as const) {
          if (exact === null) {
            expect(estimate).toBeNull();
          } else {
            // The histogram's stated error (insights/histogram.ts), plus display rounding.
            expect(estimate).toBeCloseTo(bucketValue(bucketOf(Number(exact))), 1);
            expect(Math.abs(Number(estimate) - Number(exact))).toBeLessThanOrEqual(
              Number(exact) * 0.0906 + 0.06,
            );
          }
        }
      }
      const topicCounts = await store.db
        .selectFrom('conversations')
        .select([sql<string>`jsonb_array_elements_text(analysis->'topics')`.as('topic'), 'id'])
        .where('workspace_id', '=', workspace.id)
        .where('channel_kind', 'in', query.channels)
        .where('analysis_version', '=', 1)
        .where('created_at', '>=', new Date(`${query.from}T00:00:00Z`))
        .where('created_at', '<=', new Date(`${query.to}T23:59:59.999Z`))
        .execute();
      const expectedTopics = new Map<string, number>();
      for (const row of topicCounts) {
        expectedTopics.set(row.topic, (expectedTopics.get(row.topic) ?? 0) + 1);
      }
      expect(
        Object.fromEntries(
          report.topics.filter((t) => t.conversations > 0).map((t) => [t.topic, t.conversations]),
        ),
      ).toEqual(Object.fromEntries(expectedTopics));
      return report;
    };
    const before = await check();
    // Every inbox drill-down opens exactly the counted conversations.
    const inbox = await listConversations(
      store.db,
      workspace.id,
      {
        channels: ['messenger'],
        startedFrom: query.from,
        startedTo: query.to,
        outcome: 'ai_only',
      },
      { limit: 200 },
      new Date(),
    );
    const messengerRow = before.byChannel.find((row) => row.key === 'messenger');
    let total = inbox.items.length;
    let cursor = inbox.nextCursor;
    while (cursor) {
      const next = await listConversations(
        store.db,
        workspace.id,
        {
          channels: ['messenger'],
          startedFrom: query.from,
          startedTo: query.to,
          outcome: 'ai_only',
        },
        { cursor, limit: 200 },
        new Date(),
      );
      total += next.items.length;
      cursor = next.nextCursor;
    }
    expect(total).toBe(
      Math.round(
        (messengerRow?.current.answeredByAiShare ?? 0) * (messengerRow?.current.conversations ?? 0),
      ),
    );

    // Changes through the real write paths keep it exact: pause AI-only conversations and
    // re-analyze some with other topics and sentiment.
    const movers = await store.db
      .selectFrom('conversations')
      .select('id')
      .where('workspace_id', '=', workspace.id)
      .where('channel_kind', '=', 'messenger')
      .where('assistant_replies', '>', 0)
      .where('handover_trigger', 'is', null)
      .where('first_person_reply_at', 'is', null)
      .where('created_at', '>=', new Date(`${query.from}T00:00:00Z`))
      .where('created_at', '<=', new Date(`${query.to}T23:59:59.999Z`))
      .limit(5)
      .execute();
    expect(movers.length).toBe(5);
    for (const mover of movers) {
      await pauseAi({ ...ctx, db: store.db }, workspace.id, mover.id);
      await store.db
        .insertInto('messages')
        .values({
          workspace_id: workspace.id,
          conversation_id: mover.id,
          channel_id: channels[0]?.id ?? '',
          author: 'contact',
          direction: 'inbound',
          text: 'Can I return it?',
          status: 'received',
          created_at: new Date('2026-03-12T10:00:00Z'),
        })
        .execute();
      sentiment = { topics: ['warranty'], score: -0.9 };
      expect(await analyze(mover.id)).toBe('analyzed');
    }
    const after = await check();
    expect(
      after.byChannel.find((row) => row.key === 'messenger')?.current.handedOverShare,
    ).toBeGreaterThan(messengerRow?.current.handedOverShare ?? 1);
    expect(after.topics.find((topic) => topic.topic === 'warranty')?.conversations).toBe(5);

    const incremental = await rollupSnapshot(store, workspace.id);
    await rebuildInsights(store.db, { workspaceId: workspace.id });
    expect(await rollupSnapshot(store, workspace.id)).toEqual(incremental);

    // The issue list: the period's frustrated quotes, newest first, page by page.
    const seen: string[] = [];
    let issueCursor = null;
    do {
      const page = await listIssues(store.db, workspace.id, query, {
        cursor: issueCursor,
        limit: 7,
      });
      seen.push(...page.items.map((item) => item.at));
      issueCursor = page.nextCursor ? decodeIssueCursor(page.nextCursor) : null;
    } while (issueCursor);
    const frustrated = await store.db
      .selectFrom('conversations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspace.id)
      .where('channel_kind', 'in', query.channels)
      .where(sql<boolean>`analysis @> '{"frustrated": true}'`)
      .where('created_at', '>=', new Date(`${query.from}T00:00:00Z`))
      .where('created_at', '<=', new Date(`${query.to}T23:59:59.999Z`))
      .executeTakeFirstOrThrow();
    expect(seen.length).toBe(Number(frustrated.n));
    expect(seen).toEqual([...seen].sort().reverse());
  }, 120_000);
});
