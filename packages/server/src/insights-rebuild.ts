/**
 * `npm run insights:rebuild`: recounts every conversation's Insights facts from its messages
 * and rebuilds the daily rollups and the issue list, against DATABASE_URL or the embedded
 * database in DATA_DIR (stop the server first: the embedded database has one user at a time).
 * `-- --workspace <id>` limits it to one workspace. Writers wait while it runs.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { rebuildInsights } from './store/insights.js';
import { openStore } from './store/store.js';

const { values } = parseArgs({ options: { workspace: { type: 'string' } } });
const env = process.env;
const store = await openStore(
  env.DATABASE_URL
    ? { databaseUrl: env.DATABASE_URL }
    : { dataDir: join(env.DATA_DIR ?? 'data', 'pglite') },
);
try {
  const started = Date.now();
  const result = await rebuildInsights(store.db, {
    recountFacts: true,
    ...(values.workspace ? { workspaceId: values.workspace } : {}),
  });
  process.stderr.write(
    `Rebuilt Insights from ${result.conversations} conversations: ${result.dailyRows} daily rows, ` +
      `${result.topicRows} topic rows, ${result.issues} issues in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
} finally {
  await store.close();
}
