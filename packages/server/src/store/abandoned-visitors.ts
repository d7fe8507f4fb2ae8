/**
 * Widget visitors who never wrote leave nothing worth keeping. Older installs opened a contact
 * and an empty conversation for every chat session; these are removed a day on. Safe while
 * visitors write: candidates are locked first (skipping rows a message is being stored under),
 * then deleted only if a fresh look still finds them empty — and nothing can be added under a
 * locked row until the deletion commits.
 */
import { type ExpressionBuilder, sql } from 'kysely';
import type { Database } from './schema.js';
import type { Db } from './store.js';

export const ABANDONED_VISITOR_HOURS = 24;
const VISITOR_CHANNEL_KINDS = ['website_widget', 'share_link', 'shopify_widget'];
const BATCH = 1000;

const cutoff = () => sql<Date>`now() - ${`${ABANDONED_VISITOR_HOURS} hours`}::interval`;

async function pruneEmptyConversations(db: Db): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const locked = await trx
      .selectFrom('conversations')
      .select('id')
      .where('channel_kind', 'in', VISITOR_CHANNEL_KINDS)
      .where('preview', '=', '')
      .where('created_at', '<', cutoff())
      .where('last_activity_at', '<', cutoff())
      .limit(BATCH)
      .forUpdate()
      .skipLocked()
      .execute();
    if (locked.length === 0) return 0;
    const deleted = await trx
      .deleteFrom('conversations')
      .where(
        'id',
        'in',
        locked.map((row) => row.id),
      )
      .where('preview', '=', '')
      .where(({ exists, not, selectFrom }) =>
        not(
          exists(
            selectFrom('messages')
              .select('messages.id')
              .whereRef('messages.conversation_id', '=', 'conversations.id'),
          ),
        ),
      )
      .executeTakeFirst();
    return Number(deleted.numDeletedRows);
  });
}

/** A contact with no conversation (checked again at delete time: one may have begun since). */
const hasNoConversation = ({ exists, not, selectFrom }: ExpressionBuilder<Database, 'contacts'>) =>
  not(
    exists(
      selectFrom('conversations')
        .select('conversations.id')
        .whereRef('conversations.contact_id', '=', 'contacts.id'),
    ),
  );

async function pruneSilentContacts(db: Db): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const visitorChannels = trx
      .selectFrom('channels')
      .select('id')
      .where('kind', 'in', VISITOR_CHANNEL_KINDS);
    const locked = await trx
      .selectFrom('contacts')
      .select('id')
      .where('channel_id', 'in', visitorChannels)
      .where('created_at', '<', cutoff())
      .where(hasNoConversation)
      .limit(BATCH)
      .forUpdate()
      .skipLocked()
      .execute();
    if (locked.length === 0) return 0;
    const deleted = await trx
      .deleteFrom('contacts')
      .where(
        'id',
        'in',
        locked.map((row) => row.id),
      )
      .where(hasNoConversation)
      .executeTakeFirst();
    return Number(deleted.numDeletedRows);
  });
}

/** Removes abandoned visitors' empty conversations, then their contacts, in batches. */
export async function pruneAbandonedVisitors(db: Db): Promise<number> {
  let total = 0;
  for (const prune of [pruneEmptyConversations, pruneSilentContacts]) {
    for (;;) {
      const removed = await prune(db);
      total += removed;
      if (removed < BATCH) break;
    }
  }
  return total;
}
