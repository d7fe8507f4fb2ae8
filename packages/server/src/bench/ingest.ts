/**
 * Ingest throughput against a raw baseline measured in the same run: the baseline inserts the
 * same messages with one plain INSERT per transaction; Parley's ingest also upserts the
 * contact, locks the conversation, checks for duplicates, updates the card and appends events.
 */
import { sql } from 'kysely';
import { ingest } from '../commands/ingest.js';
import type { Store } from '../store/store.js';
import { createTestChannel } from '../test-support/channel.js';

export interface Rate {
  label: string;
  count: number;
  seconds: number;
  perSecond: number;
}

export async function measure(
  label: string,
  count: number,
  work: (index: number) => Promise<unknown>,
  concurrency: number,
): Promise<Rate> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next;
        next += 1;
        await work(index);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { label, count, seconds, perSecond: count / seconds };
}

export async function benchIngest(
  store: Store,
  count: number,
  concurrency: number,
): Promise<Rate[]> {
  const channel = await createTestChannel(store.db, 'messenger');
  await sql`CREATE TABLE IF NOT EXISTS bench_raw (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), external_id text UNIQUE, body text)`.execute(
    store.db,
  );
  await sql`TRUNCATE bench_raw`.execute(store.db);

  const raw = await measure(
    'raw INSERT (baseline)',
    count,
    (index) =>
      sql`INSERT INTO bench_raw (external_id, body) VALUES (${`raw-${index}`}, ${`Hello ${index}`})`.execute(
        store.db,
      ),
    concurrency,
  );
  // 50 conversations, so most messages land on an existing thread, as in real traffic.
  const parley = await measure(
    'Parley ingest',
    count,
    (index) =>
      ingest(store.db, channel, [
        {
          type: 'message',
          externalId: `m-${index}`,
          threadKey: `user-${index % 50}`,
          contact: { externalId: `user-${index % 50}`, displayName: `User ${index % 50}` },
          author: 'contact',
          text: `Hello ${index}, where is my order?`,
          sentAt: new Date(),
        },
      ]),
    concurrency,
  );
  const duplicates = await measure(
    'Parley ingest, platform retries (duplicates)',
    count,
    (index) =>
      ingest(store.db, channel, [
        {
          type: 'message',
          externalId: `m-${index}`,
          threadKey: `user-${index % 50}`,
          contact: { externalId: `user-${index % 50}` },
          author: 'contact',
          text: 'retry',
          sentAt: new Date(),
        },
      ]),
    concurrency,
  );
  await sql`DROP TABLE bench_raw`.execute(store.db);
  return [raw, parley, duplicates];
}
