import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../commands/ingest.js';
import type { StoredEvent } from '../store/events.js';
import { createTestChannel } from '../test-support/channel.js';
import { openTestStore, type TestStore } from '../test-support/db.js';
import { inboundMessage } from '../test-support/inbound.js';
import { LiveHub } from './hub.js';

describe('live hub on PostgreSQL when the LISTEN connection drops', () => {
  let store: TestStore;
  let hub: LiveHub;

  beforeAll(async () => {
    store = await openTestStore('postgres');
    hub = new LiveHub(store);
    await hub.start();
  });

  afterAll(async () => {
    await hub.stop();
    await store.dispose();
  });

  it('reconnects and delivers what was committed while it was down', async () => {
    const channel = await createTestChannel(store.db, 'gmail');
    const workspace = { id: channel.workspaceId };
    const received: StoredEvent[] = [];
    hub.subscribe({
      workspaceId: workspace.id,
      afterSeq: 0,
      deliver: (event) => received.push(event),
    });

    // Cut the hub's LISTEN connection, as a database restart or network blip would.
    await sql`
      SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND query ILIKE 'LISTEN%'
    `.execute(store.db);
    await ingest(store.db, channel, [inboundMessage({ text: 'while the listener was down' })]);

    await expect
      .poll(() => received.map((event) => event.type), { timeout: 10_000 })
      .toEqual(['message.created', 'conversation.created']);
  });
});
