/** `npm run bench`: throughput figures for BENCHMARKS.md, on PGlite and on PostgreSQL. */

import { openStore } from '../store/store.js';
import { createTestDatabase } from '../test-support/db.js';
import { benchIngest, type Rate } from './ingest.js';

const COUNT = Number(process.env.BENCH_COUNT ?? 2000);

function report(title: string, rates: Rate[]) {
  const baseline = rates[0];
  console.log(`\n${title}`);
  console.log('| measurement | messages | seconds | messages/s | vs baseline |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const rate of rates) {
    const ratio = baseline ? rate.perSecond / baseline.perSecond : 1;
    console.log(
      `| ${rate.label} | ${rate.count} | ${rate.seconds.toFixed(2)} | ${rate.perSecond.toFixed(0)} | ${ratio.toFixed(2)}× |`,
    );
  }
}

const pglite = await openStore({ inMemory: true });
report(
  'Ingest on embedded PGlite (in memory, one connection)',
  await benchIngest(pglite, COUNT, 1),
);
await pglite.close();

const database = await createTestDatabase();
const postgres = await openStore({ databaseUrl: database.databaseUrl, poolSize: 8 });
report(
  'Ingest on PostgreSQL (127.0.0.1, pool of 8, 8 concurrent writers)',
  await benchIngest(postgres, COUNT, 8),
);
await postgres.close();
await database.drop();
