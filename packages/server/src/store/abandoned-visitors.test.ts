import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelForIngest } from '../commands/ingest.js';
import { ingest, lockConversation, upsertContact } from '../commands/ingest.js';
import { createTestChannel } from '../test-support/channel.js';
import { BACKENDS, openTestStore, type TestStore } from '../test-support/db.js';
import { inboundMessage } from '../test-support/inbound.js';
import { pruneAbandonedVisitors } from './abandoned-visitors.js';

describe.each(BACKENDS)('pruning abandoned widget visitors on %s', (backend) => {
  let store: TestStore;
  let channel: ChannelForIngest;

  beforeAll(async () => {
    store = await openTestStore(backend);
  });

  beforeEach(async () => {
    channel = await createTestChannel(store.db, 'website_widget');
  });

  afterAll(async () => {
    await store.dispose();
  });

  /** What older versions left for every session: a contact and an empty conversation. */
  const emptySession = async (visitorId: string) => {
    const contact = await upsertContact(store.db, channel, { externalId: visitorId });
    const { conversation } = await lockConversation(store.db, channel, contact, {
      threadKey: visitorId,
      at: new Date(),
    });
    return conversation;
  };

  const age = (table: 'contacts' | 'conversations', hours: number) =>
    sql`
      UPDATE ${sql.table(table)} SET created_at = now() - ${`${hours} hours`}::interval
      ${table === 'conversations' ? sql`, last_activity_at = now() - ${`${hours} hours`}::interval` : sql``}
      WHERE workspace_id = ${channel.workspaceId}
    `.execute(store.db);

  const threadKeys = async () =>
    (
      await store.db
        .selectFrom('conversations')
        .select('thread_key')
        .where('workspace_id', '=', channel.workspaceId)
        .orderBy('thread_key')
        .execute()
    ).map((row) => row.thread_key);

  it('removes day-old empty visitor rows and keeps every conversation with a message', async () => {
    await emptySession('abandoned');
    await upsertContact(store.db, channel, { externalId: 'contact-only' });
    await ingest(store.db, channel, [
      inboundMessage({ threadKey: 'talked', contact: { externalId: 'talked' } }),
    ]);
    await age('contacts', 25);
    await age('conversations', 25);
    await emptySession('just-arrived');

    expect(await pruneAbandonedVisitors(store.db)).toBe(3);
    expect(await threadKeys()).toEqual(['just-arrived', 'talked']);
    const contacts = await store.db
      .selectFrom('contacts')
      .select('external_id')
      .where('workspace_id', '=', channel.workspaceId)
      .orderBy('external_id')
      .execute();
    expect(contacts.map((row) => row.external_id)).toEqual(['just-arrived', 'talked']);
  });

  it.runIf(backend === 'postgres')(
    'leaves alone a conversation whose first message is being stored meanwhile',
    async () => {
      await emptySession('writing-now');
      await age('contacts', 48);
      await age('conversations', 48);
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let locked = () => {};
      const lockTaken = new Promise<void>((resolve) => {
        locked = resolve;
      });
      // The first message's transaction, as ingest runs it: conversation locked, message
      // stored, not yet committed.
      const writing = store.db.transaction().execute(async (trx) => {
        const contact = await upsertContact(trx, channel, { externalId: 'writing-now' });
        const { conversation } = await lockConversation(trx, channel, contact, {
          threadKey: 'writing-now',
          at: new Date(),
        });
        locked();
        await held;
        await trx
          .insertInto('messages')
          .values({
            workspace_id: channel.workspaceId,
            conversation_id: conversation.id,
            channel_id: channel.id,
            author: 'contact',
            direction: 'inbound',
            text: 'Hello?',
            status: 'received',
            created_at: new Date(),
          })
          .execute();
        await trx
          .updateTable('conversations')
          .set({ preview: 'Hello?' })
          .where('id', '=', conversation.id)
          .execute();
      });
      await lockTaken;
      // Pruning skips the locked rows rather than waiting for them.
      const pruned = await pruneAbandonedVisitors(store.db).finally(release);
      await writing;
      expect(pruned).toBe(0);
      expect(await threadKeys()).toContain('writing-now');
      const messages = await store.db
        .selectFrom('messages')
        .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
        .select('messages.id')
        .where('conversations.thread_key', '=', 'writing-now')
        .execute();
      expect(messages).toHaveLength(1);
    },
  );
});
