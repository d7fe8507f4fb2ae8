import { CHANNEL_KINDS } from '@parley/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlineProvider } from '../ai/offline-provider.js';
import type { Context } from '../context.js';
import { SecretBox } from '../lib/secrets.js';
import { openTestStore, type TestStore } from '../test-support/db.js';
import { HISTORY_DAYS, UNANSWERED_GROUPS } from './history.js';
import { seedDemo } from './seed.js';

describe('the demo workspace', () => {
  let store: TestStore;
  let workspaceId: string;
  const now = new Date('2026-03-20T12:00:00Z');

  beforeAll(async () => {
    store = await openTestStore('pglite');
    const ctx: Context = {
      store,
      db: store.db,
      secretBox: new SecretBox('demo'),
      provider: offlineProvider,
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
      now: () => now,
      allowCustomPlatformUrls: false,
    };
    const started = performance.now();
    workspaceId = (await seedDemo(ctx)).workspace.id;
    // A figure for the report, not an assertion: seeding runs on every first `npm start`.
    console.info(`demo seed: ${Math.round(performance.now() - started)} ms`);
  });

  afterAll(async () => {
    await store.dispose();
  });

  it('has weeks of history on every channel kind, each conversation on the day it started', async () => {
    const rows = await store.db
      .selectFrom('conversations')
      .select([
        'channel_kind',
        sql<string>`to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')`.as('day'),
      ])
      .where('workspace_id', '=', workspaceId)
      .execute();
    const days = new Set(rows.map((row) => row.day));
    expect(days.size).toBeGreaterThanOrEqual(HISTORY_DAYS - 2);
    for (const kind of CHANNEL_KINDS) {
      const kindDays = new Set(
        rows.filter((row) => row.channel_kind === kind).map((row) => row.day),
      );
      expect(kindDays.size, kind).toBeGreaterThanOrEqual(7);
    }
  });

  it('stores the history analyzed, with frustration, requests for a person and unanswered questions', async () => {
    const rows = await store.db
      .selectFrom('conversations')
      .select(['analysis', 'analysis_version'])
      .where('workspace_id', '=', workspaceId)
      .where('created_at', '<', new Date(now.getTime() - 86_400_000))
      .execute();
    expect(rows.length).toBeGreaterThan(150);
    expect(rows.every((row) => row.analysis_version !== null)).toBe(true);
    const analyses = rows.flatMap((row) => (row.analysis ? [row.analysis] : []));
    expect(analyses.filter((analysis) => analysis.frustrated).length).toBeGreaterThan(5);
    expect(analyses.filter((analysis) => analysis.humanRequested).length).toBeGreaterThan(5);
    expect(
      analyses.filter((analysis) => analysis.unansweredQuestions.length > 0).length,
    ).toBeGreaterThan(20);
    expect(new Set(analyses.flatMap((analysis) => analysis.topics)).size).toBeGreaterThan(4);
  });

  it('asks the unanswered questions in several words and languages, some answered by a teammate', async () => {
    const asked = await store.db
      .selectFrom('messages')
      .select('unanswered_question')
      .where('workspace_id', '=', workspaceId)
      .where('unanswered_question', 'is not', null)
      .execute();
    const giftCards = UNANSWERED_GROUPS[0]?.questions.map(([, question]) => question) ?? [];
    const askedGiftCards = new Set(
      asked
        .map((row) => row.unanswered_question)
        .filter((question) => giftCards.includes(question ?? '')),
    );
    expect(askedGiftCards.size).toBeGreaterThanOrEqual(3);
    const teammate = await store.db
      .selectFrom('messages')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('text', '=', UNANSWERED_GROUPS[0]?.teammate ?? '')
      .execute();
    expect(teammate.length).toBeGreaterThan(0);
  });

  it('builds the Insights rollups for the history, with handovers by every trigger', async () => {
    const totals = await store.db
      .selectFrom('insights_daily')
      .select((eb) => [
        eb.fn.sum<string>('conversations').as('conversations'),
        eb.fn.sum<string>('handover_human_requested').as('human_requested'),
        eb.fn.sum<string>('handover_frustration').as('frustration'),
        eb.fn.sum<string>('handover_keyword').as('keyword'),
        eb.fn.sum<string>('handover_failed_answers').as('failed_answers'),
        eb.fn.sum<string>('handover_operator').as('operator'),
        eb.fn.count<string>('day').distinct().as('days'),
      ])
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    const conversations = await store.db
      .selectFrom('conversations')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    expect(Number(totals.conversations)).toBe(Number(conversations.count));
    expect(Number(totals.days)).toBeGreaterThanOrEqual(HISTORY_DAYS - 2);
    for (const trigger of [
      'human_requested',
      'frustration',
      'keyword',
      'failed_answers',
      'operator',
    ] as const) {
      expect(Number(totals[trigger]), trigger).toBeGreaterThan(0);
    }
  });

  it('groups the unanswered questions across languages and has rated answers over several weeks', async () => {
    const groups = await store.db
      .selectFrom('question_group_members')
      .innerJoin('question_groups', 'question_groups.id', 'question_group_members.group_id')
      .select(['question_groups.id', 'question_groups.label', 'question_group_members.language'])
      .where('question_groups.workspace_id', '=', workspaceId)
      .execute();
    const giftCards = groups.filter((row) => /gift card/i.test(row.label));
    expect(new Set(giftCards.map((row) => row.id)).size).toBe(1);
    expect(giftCards.length).toBeGreaterThanOrEqual(5);
    expect(new Set(giftCards.map((row) => row.language)).size).toBeGreaterThanOrEqual(2);
    expect(new Set(groups.map((row) => row.id)).size).toBeGreaterThanOrEqual(4);

    const ratings = await store.db
      .selectFrom('answer_ratings')
      .select(['verdict', 'answered_at'])
      .where('workspace_id', '=', workspaceId)
      .execute();
    expect(new Set(ratings.map((row) => row.verdict))).toEqual(new Set(['good', 'bad']));
    const weeks = new Set(
      ratings.map((row) => Math.floor(new Date(row.answered_at).getTime() / (7 * 86_400_000))),
    );
    expect(weeks.size).toBeGreaterThanOrEqual(4);
  });
});
