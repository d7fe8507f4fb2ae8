/**
 * Live fan-out latency: from the start of an ingest to every subscriber holding the event, with
 * many subscribers on one workspace. Baseline: a bare NOTIFY → LISTEN round trip on the same
 * database, which is the floor of cross-instance delivery.
 */
import { sql } from 'kysely';
import { ingest } from '../commands/ingest.js';
import { LiveHub } from '../live/hub.js';
import type { Store } from '../store/store.js';
import { createTestChannel } from '../test-support/channel.js';

export interface LatencyFigures {
  label: string;
  samples: number;
  p50Ms: number;
  p95Ms: number;
}

function figures(label: string, samples: number[]): LatencyFigures {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { label, samples: sorted.length, p50Ms: at(0.5), p95Ms: at(0.95) };
}

export async function benchNotifyBaseline(store: Store, rounds: number): Promise<LatencyFigures> {
  const pending = new Map<string, number>();
  const samples: number[] = [];
  const unlisten = await store.listen('parley_bench', (payload) => {
    const sentAt = payload ? pending.get(payload) : undefined;
    if (sentAt !== undefined) samples.push(performance.now() - sentAt);
  });
  for (let index = 0; index < rounds; index += 1) {
    const id = String(index);
    pending.set(id, performance.now());
    await sql`SELECT pg_notify('parley_bench', ${id})`.execute(store.db);
    while (samples.length <= index) await new Promise((resolve) => setImmediate(resolve));
  }
  await unlisten();
  return figures('bare NOTIFY → LISTEN (baseline)', samples);
}

export async function benchFanOut(
  store: Store,
  subscribers: number,
  messages: number,
): Promise<LatencyFigures> {
  const channel = await createTestChannel(store.db, 'messenger');
  const workspace = { id: channel.workspaceId };
  const hub = new LiveHub(store);
  await hub.start();
  const committedAt = new Map<string, number>();
  const samples: number[] = [];
  let received = 0;
  for (let index = 0; index < subscribers; index += 1) {
    hub.subscribe({
      workspaceId: workspace.id,
      afterSeq: 0,
      accept: (event) => event.type === 'message.created',
      deliver: (event) => {
        const text = (event.payload as { text: string }).text;
        const at = committedAt.get(text);
        if (at !== undefined) samples.push(performance.now() - at);
        received += 1;
      },
    });
  }
  for (let index = 0; index < messages; index += 1) {
    const text = `fan-out ${index}`;
    // From the moment the write starts: the event may reach subscribers before ingest returns.
    committedAt.set(text, performance.now());
    await ingest(store.db, channel, [
      {
        type: 'message',
        externalId: `fanout-${index}`,
        threadKey: 'fan-out',
        contact: { externalId: 'fan-out' },
        author: 'contact',
        text,
        sentAt: new Date(),
      },
    ]);
    while (received < subscribers * (index + 1))
      await new Promise((resolve) => setImmediate(resolve));
  }
  await hub.stop();
  return figures(`ingest → ${subscribers} live subscriber${subscribers === 1 ? '' : 's'}`, samples);
}
