/**
 * Backfill rate: conversations analyzed per second by the offline analyzer through the real
 * backfill (batch claim, analysis, stored result and its event), after seeding conversations
 * of a few customer and assistant turns each.
 */
import { OfflineAnalyzer } from '../ai/analysis/offline-analyzer.js';
import { runBackfillBatch, startBackfill } from '../commands/analysis-backfill.js';
import { ingest } from '../commands/ingest.js';
import type { Store } from '../store/store.js';
import { createTestChannel } from '../test-support/channel.js';
import { measure, type Rate } from './ingest.js';

const offlineAnalyzer = new OfflineAnalyzer();

const TURNS: ['contact' | 'assistant', string][] = [
  ['contact', 'Hi! My order #4417 arrived with a broken zipper on the jacket.'],
  ['assistant', 'I am sorry to hear that. Could you send a photo of the zipper?'],
  ['contact', 'Sure, here it is. Can you send a replacement or should I return it?'],
  ['assistant', "Thanks! I've noted it, and a teammate can step in here if you need more help."],
  ['contact', 'Ich möchte bitte mit einem Menschen sprechen, das dauert zu lange.'],
  ['contact', 'Also, do you ship to Canada and how long does it take?'],
];

async function seed(store: Store, conversations: number): Promise<string> {
  const channel = await createTestChannel(store.db, 'instagram_dm');
  const start = Date.now() - conversations * 60_000;
  for (let index = 0; index < conversations; index += 1) {
    await ingest(
      store.db,
      channel,
      TURNS.map(([author, text], turn) => ({
        type: 'message' as const,
        externalId: `bench-backfill-${index}-${turn}`,
        threadKey: `bench-backfill-${index}`,
        contact: { externalId: `customer-${index}` },
        author,
        text,
        sentAt: new Date(start + index * 60_000 + turn * 1000),
      })),
    );
  }
  return channel.workspaceId;
}

export async function benchBackfill(store: Store, conversations: number): Promise<Rate> {
  const workspaceId = await seed(store, conversations);
  const backfill = await startBackfill(store.db, workspaceId, { enqueue: false });
  const deps = {
    db: store.db,
    analyzer: offlineAnalyzer,
    log: { info() {}, warn() {}, error() {} },
    now: () => new Date(),
  };
  let finished = false;
  const rate = await measure(
    `backfill, offline analyzer (${TURNS.length} messages each)`,
    1,
    async () => {
      while (!finished) finished = await runBackfillBatch(deps, backfill.id);
    },
    1,
  );
  return { ...rate, count: conversations, perSecond: conversations / rate.seconds };
}

export function reportBackfill(title: string, rate: Rate): void {
  console.log(`\n${title}`);
  console.log('| measurement | conversations | seconds | conversations/s |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(
    `| ${rate.label} | ${rate.count} | ${rate.seconds.toFixed(2)} | ${rate.perSecond.toFixed(1)} |`,
  );
}
