/** `npm run bench`: throughput figures for BENCHMARKS.md, on PGlite and on PostgreSQL. */
import { openStore, type Store } from '../store/store.js';
import { createTestDatabase } from '../test-support/db.js';
import { benchAnalysis } from './analysis.js';
import { benchBackfill, reportBackfill } from './backfill.js';
import { benchFanOut, benchNotifyBaseline, type LatencyFigures } from './fanout.js';
import { benchGrouping, reportGrouping } from './grouping.js';
import { benchHttpNoop } from './http-baseline.js';
import { benchIngest, type Rate } from './ingest.js';
import { benchInsights, type InsightsBench } from './insights.js';
import { benchMetaWebhooks } from './meta-webhook.js';
import { benchRetrieval, type RetrievalBench } from './retrieval.js';

const COUNT = Number(process.env.BENCH_COUNT ?? 2000);
const BACKFILL_COUNT = Number(process.env.BENCH_BACKFILL_COUNT ?? 300);
/** 500 sources of 20 chunks: the 10,000 chunks the knowledge-base latency is quoted at. */
const KNOWLEDGE_SOURCES = Number(process.env.BENCH_KNOWLEDGE_SOURCES ?? 500);
/** A 30-day window of unanswered questions (issue 10's target: under 30 s offline). */
const GROUPING_QUESTIONS = Number(process.env.BENCH_GROUPING_QUESTIONS ?? 50_000);

function report(title: string, rates: Rate[]) {
  const baseline = rates[0];
  console.log(`\n${title}`);
  console.log('| measurement | messages | seconds | messages/s | vs raw INSERT |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const rate of rates) {
    const ratio = baseline ? rate.perSecond / baseline.perSecond : 1;
    console.log(
      `| ${rate.label} | ${rate.count} | ${rate.seconds.toFixed(2)} | ${rate.perSecond.toFixed(0)} | ${ratio.toFixed(2)}× |`,
    );
  }
}

async function benchStore(store: Store, concurrency: number): Promise<Rate[]> {
  const ingestRates = await benchIngest(store, COUNT, concurrency);
  const http = await benchHttpNoop(COUNT, concurrency);
  const webhooks = await benchMetaWebhooks(store, COUNT, concurrency);
  return [...ingestRates, http, webhooks];
}

function reportLatency(title: string, rows: LatencyFigures[]) {
  const baseline = rows[0];
  console.log(`\n${title}`);
  console.log('| measurement | samples | p50 ms | p95 ms | p50 vs baseline |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    const ratio = baseline && baseline.p50Ms > 0 ? row.p50Ms / baseline.p50Ms : 1;
    console.log(
      `| ${row.label} | ${row.samples} | ${row.p50Ms.toFixed(2)} | ${row.p95Ms.toFixed(2)} | ${ratio.toFixed(1)}× |`,
    );
  }
}

/** `npm run bench -- insights retrieval` runs only those sections; no names: all of them. */
const SECTIONS = [
  'analysis',
  'grouping',
  'ingest',
  'backfill',
  'retrieval',
  'fanout',
  'insights',
] as const;
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(SECTIONS as readonly string[]).includes(name));
if (unknown.length > 0) {
  throw new Error(`Unknown bench sections: ${unknown.join(', ')} (known: ${SECTIONS.join(', ')})`);
}
const runs = (section: (typeof SECTIONS)[number]) => asked.length === 0 || asked.includes(section);

const INSIGHTS_PGLITE = Number(process.env.BENCH_INSIGHTS_PGLITE ?? 100_000);
const INSIGHTS_POSTGRES = Number(process.env.BENCH_INSIGHTS_POSTGRES ?? 1_000_000);
const INSIGHTS_ROUNDS = Number(process.env.BENCH_INSIGHTS_ROUNDS ?? 200);

function reportInsights(title: string, result: InsightsBench) {
  console.log(
    `\n${title}: ${result.conversations.toLocaleString('en')} conversations generated in ` +
      `${result.generateSeconds.toFixed(1)} s; rollups rebuilt in ${result.rebuildSeconds.toFixed(1)} s ` +
      `(${result.dailyRows.toLocaleString('en')} daily rows, ${result.issues.toLocaleString('en')} issues)`,
  );
  reportLatency(title, result.latency);
}

function reportRetrieval(title: string, bench: RetrievalBench) {
  reportLatency(title, bench.latency);
  console.log(`(chunks indexed in ${bench.indexSeconds.toFixed(1)} s)`);
}

if (runs('analysis')) {
  reportLatency('Offline conversation analysis (no database)', await benchAnalysis(200));
}
if (runs('grouping')) {
  reportGrouping(
    'Grouping unanswered questions offline (no database)',
    benchGrouping(GROUPING_QUESTIONS),
  );
}

if (runs('ingest') || runs('backfill') || runs('retrieval')) {
  const pglite = await openStore({ inMemory: true });
  if (runs('ingest')) {
    report('Embedded PGlite (in memory, one connection, 1 writer)', await benchStore(pglite, 1));
  }
  if (runs('backfill')) {
    reportBackfill('Analysis backfill on PGlite', await benchBackfill(pglite, BACKFILL_COUNT));
  }
  if (runs('retrieval')) {
    reportRetrieval(
      'Knowledge retrieval on PGlite',
      await benchRetrieval(pglite, KNOWLEDGE_SOURCES, 100),
    );
  }
  await pglite.close();
}

if (runs('insights')) {
  const pglite = await openStore({ inMemory: true });
  reportInsights(
    'Insights on PGlite',
    await benchInsights(pglite, INSIGHTS_PGLITE, INSIGHTS_ROUNDS),
  );
  await pglite.close();
}

if (runs('ingest') || runs('backfill') || runs('retrieval') || runs('fanout') || runs('insights')) {
  const database = await createTestDatabase();
  const postgres = await openStore({ databaseUrl: database.databaseUrl, poolSize: 8 });
  if (runs('ingest')) {
    report(
      'PostgreSQL 15 on 127.0.0.1 (pool of 8, 8 concurrent writers)',
      await benchStore(postgres, 8),
    );
  }
  if (runs('backfill')) {
    reportBackfill(
      'Analysis backfill on PostgreSQL',
      await benchBackfill(postgres, BACKFILL_COUNT),
    );
  }
  if (runs('retrieval')) {
    reportRetrieval(
      'Knowledge retrieval on PostgreSQL',
      await benchRetrieval(postgres, KNOWLEDGE_SOURCES, 100),
    );
  }
  if (runs('fanout')) {
    reportLatency('Live fan-out on PostgreSQL (one workspace)', [
      await benchNotifyBaseline(postgres, 200),
      await benchFanOut(postgres, 1, 200),
      await benchFanOut(postgres, 200, 100),
    ]);
  }
  if (runs('insights')) {
    reportInsights(
      'Insights on PostgreSQL',
      await benchInsights(postgres, INSIGHTS_POSTGRES, INSIGHTS_ROUNDS),
    );
  }
  await postgres.close();
  await database.drop();
}
