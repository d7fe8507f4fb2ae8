/**
 * `npm run analyze`: analyzes every workspace's conversations that have no current analysis,
 * with a progress bar, against DATABASE_URL or the embedded database in DATA_DIR (stop the
 * server first: the embedded database has one user at a time). It shares the stored backfill
 * with the server's job, so Settings shows the same progress. Then it regroups the unanswered
 * questions of the last 30 days (`--question-days N` for another window) for Insights.
 */
import { join } from 'node:path';
import { analyzerFor } from './ai/analysis/model-analyzer.js';
import { OfflineAnalyzer } from './ai/analysis/offline-analyzer.js';
import { offlineProvider } from './ai/offline-provider.js';
import { OpenAiCompatibleProvider } from './ai/openai-compatible-provider.js';
import { runBackfillBatch, startBackfill } from './commands/analysis-backfill.js';
import type { AnalysisDeps } from './commands/analyze-conversation.js';
import { regroupQuestions } from './commands/question-groups.js';
import type { Logger } from './context.js';
import { progressLine } from './lib/progress-bar.js';
import { openStore } from './store/store.js';

const offlineAnalyzer = new OfflineAnalyzer();
const daysFlag = process.argv.indexOf('--question-days');
const questionDays = daysFlag >= 0 ? Number(process.argv[daysFlag + 1]) || 30 : 30;

const env = process.env;
const dataDir = env.DATA_DIR ?? 'data';
const store = await openStore(
  env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: join(dataDir, 'pglite') },
);

const interactive = process.stderr.isTTY === true;
const print = (line: string) => {
  if (interactive) process.stderr.write(`\r\x1b[2K${line}`);
  else process.stderr.write(`${line}\n`);
};
// Warnings (a model falling back) go on their own line, above the bar.
const log: Logger = {
  info: () => {},
  warn: (message, details) =>
    process.stderr.write(`\n${message} ${JSON.stringify(details ?? {})}\n`),
  error: (message, details) =>
    process.stderr.write(`\n${message} ${JSON.stringify(details ?? {})}\n`),
};

const provider = env.PARLEY_MODEL_BASE_URL
  ? new OpenAiCompatibleProvider({
      baseUrl: env.PARLEY_MODEL_BASE_URL,
      model: env.PARLEY_MODEL ?? 'gpt-4o-mini',
      ...(env.PARLEY_MODEL_API_KEY ? { apiKey: env.PARLEY_MODEL_API_KEY } : {}),
    })
  : offlineProvider;
const deps: AnalysisDeps = {
  db: store.db,
  analyzer: analyzerFor(provider, offlineAnalyzer, log),
  log,
  now: () => new Date(),
};

try {
  const workspaces = await store.db.selectFrom('workspaces').select(['id', 'name']).execute();
  for (const workspace of workspaces) {
    const backfill = await startBackfill(store.db, workspace.id, { enqueue: false });
    process.stderr.write(`${workspace.name} (analyzer: ${deps.analyzer.name})\n`);
    const started = Date.now();
    let finished = false;
    let shown = -1;
    while (!finished) {
      finished = await runBackfillBatch(deps, backfill.id);
      const row = await store.db
        .selectFrom('analysis_backfills')
        .select(['done', 'total'])
        .where('id', '=', backfill.id)
        .executeTakeFirstOrThrow();
      if (row.done === shown) continue;
      shown = row.done;
      const seconds = Math.max(0.001, (Date.now() - started) / 1000);
      print(progressLine(Math.min(row.done, row.total), row.total, row.done / seconds));
    }
    if (interactive) process.stderr.write('\n');
    const to = new Date();
    const from = new Date(to.getTime() - questionDays * 24 * 60 * 60 * 1000);
    const regrouped = await regroupQuestions({ db: store.db, provider, log }, workspace.id, {
      from,
      to,
    });
    process.stderr.write(
      `${regrouped.questions} unanswered questions of the last ${questionDays} days regrouped (${regrouped.groups} new groups)\n`,
    );
  }
} finally {
  await store.close();
}
