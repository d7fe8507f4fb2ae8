import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../commands/ingest.js';
import { createAssistant, createChannel, createWorkspace } from '../commands/workspaces.js';
import { SecretBox } from '../lib/secrets.js';
import { BACKENDS, openTestStore, type TestStore } from '../test-support/db.js';
import { inboundMessage } from '../test-support/inbound.js';
import { mergeDuplicateWidgetChannels } from './widget-channel-merge.js';

describe.each(BACKENDS)('merging duplicate widget channels (migration 0007) on %s', (backend) => {
  let store: TestStore;

  beforeAll(async () => {
    store = await openTestStore(backend);
    // The state before 0007: duplicates were possible.
    await sql`DROP INDEX channels_widget_per_assistant`.execute(store.db);
  });

  afterAll(async () => {
    await store.dispose();
  });

  it("keeps the oldest channel and puts each split visitor's thread back together", async () => {
    const { workspace } = await createWorkspace(store.db, {
      name: 'Split',
      admin: { email: 'split@test.local', name: 'Admin', password: 'orbit-kettle-42' },
    });
    const assistant = await createAssistant(store.db, workspace.id, { name: 'Ava' });
    const box = new SecretBox('test');
    const open = async () => {
      const row = await createChannel(store.db, box, workspace.id, {
        kind: 'share_link',
        name: 'Share link',
        assistantId: assistant.id,
      });
      return {
        id: row.id,
        workspaceId: workspace.id,
        kind: 'share_link' as const,
        assistantId: assistant.id,
      };
    };
    const keeper = await open();
    const duplicate = await open();
    const visitor = (id: string) => ({ threadKey: id, contact: { externalId: id } });
    const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 12, minutes));
    // One visitor split across both, a retried send stored in both, and one only in the duplicate.
    await ingest(store.db, keeper, [
      inboundMessage({ ...visitor('split'), externalId: 'split:1', text: 'one', sentAt: at(1) }),
    ]);
    await ingest(store.db, duplicate, [
      inboundMessage({ ...visitor('split'), externalId: 'split:1', text: 'one', sentAt: at(1) }),
      inboundMessage({ ...visitor('split'), externalId: 'split:2', text: 'two', sentAt: at(2) }),
      inboundMessage({
        ...visitor('late'),
        externalId: 'late:1',
        text: 'only here',
        sentAt: at(3),
      }),
    ]);

    await mergeDuplicateWidgetChannels(store.db as unknown as Kysely<unknown>);

    const channels = await store.db
      .selectFrom('channels')
      .select('id')
      .where('assistant_id', '=', assistant.id)
      .execute();
    expect(channels).toEqual([{ id: keeper.id }]);
    const conversations = await store.db
      .selectFrom('conversations')
      .select(['id', 'thread_key', 'preview', 'unread_count', 'channel_id'])
      .where('workspace_id', '=', workspace.id)
      .orderBy('thread_key')
      .execute();
    expect(conversations.map((row) => [row.thread_key, row.preview, row.unread_count])).toEqual([
      ['late', 'only here', 1],
      ['split', 'two', 3],
    ]);
    const split = conversations.find((row) => row.thread_key === 'split');
    const texts = await store.db
      .selectFrom('messages')
      .select(['text', 'channel_id'])
      .where('conversation_id', '=', split?.id ?? '')
      .orderBy('created_at')
      .execute();
    expect(texts).toEqual([
      { text: 'one', channel_id: keeper.id },
      { text: 'two', channel_id: keeper.id },
    ]);
    const contacts = await store.db
      .selectFrom('contacts')
      .select(['external_id', 'channel_id'])
      .where('workspace_id', '=', workspace.id)
      .orderBy('external_id')
      .execute();
    expect(contacts).toEqual([
      { external_id: 'late', channel_id: keeper.id },
      { external_id: 'split', channel_id: keeper.id },
    ]);
    // Now the constraint holds.
    await sql`
      CREATE UNIQUE INDEX channels_widget_per_assistant ON channels (assistant_id, kind)
        WHERE kind IN ('website_widget', 'share_link')
    `.execute(store.db);
  });
});
