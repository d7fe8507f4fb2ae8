/**
 * For migration 0007: before each assistant may have only one website-widget and one
 * share-link channel, merge the duplicates that concurrent first visits created. The oldest
 * channel is kept; each duplicate's visitors, conversations and messages move into it, and a
 * visitor whose thread was split gets it back in one piece.
 */
import { type Kysely, sql } from 'kysely';

interface Duplicate {
  duplicate: string;
  keeper: string;
}

export async function mergeDuplicateWidgetChannels(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<Duplicate>`
    SELECT id AS duplicate, keeper FROM (
      SELECT id, first_value(id) OVER (PARTITION BY assistant_id, kind ORDER BY created_at, id) AS keeper
      FROM channels
      WHERE kind IN ('website_widget', 'share_link') AND assistant_id IS NOT NULL
    ) AS ranked
    WHERE id <> keeper
  `.execute(db);
  for (const pair of rows) await mergeChannel(db, pair);
}

async function mergeChannel(db: Kysely<unknown>, { duplicate, keeper }: Duplicate) {
  const contacts = await sql<{ id: string; external_id: string }>`
    SELECT id, external_id FROM contacts WHERE channel_id = ${duplicate}
  `.execute(db);
  for (const contact of contacts.rows) {
    const kept = await sql<{ id: string }>`
      SELECT id FROM contacts WHERE channel_id = ${keeper} AND external_id = ${contact.external_id}
    `.execute(db);
    const keptId = kept.rows[0]?.id;
    if (keptId) {
      await sql`UPDATE conversations SET contact_id = ${keptId} WHERE contact_id = ${contact.id}`.execute(
        db,
      );
      await sql`DELETE FROM contacts WHERE id = ${contact.id}`.execute(db);
    } else {
      await sql`UPDATE contacts SET channel_id = ${keeper} WHERE id = ${contact.id}`.execute(db);
    }
  }

  const conversations = await sql<{ id: string; thread_key: string }>`
    SELECT id, thread_key FROM conversations WHERE channel_id = ${duplicate}
  `.execute(db);
  for (const conversation of conversations.rows) {
    // A send retried into both channels is one message: keep the copy already in the keeper.
    await sql`
      DELETE FROM messages AS m
      WHERE m.conversation_id = ${conversation.id} AND m.external_id IS NOT NULL
        AND EXISTS (
          SELECT 1 FROM messages AS k WHERE k.channel_id = ${keeper} AND k.external_id = m.external_id
        )
    `.execute(db);
    const kept = await sql<{ id: string }>`
      SELECT id FROM conversations WHERE channel_id = ${keeper} AND thread_key = ${conversation.thread_key}
    `.execute(db);
    const keptId = kept.rows[0]?.id;
    if (!keptId) {
      await sql`UPDATE conversations SET channel_id = ${keeper} WHERE id = ${conversation.id}`.execute(
        db,
      );
      await sql`UPDATE messages SET channel_id = ${keeper} WHERE conversation_id = ${conversation.id}`.execute(
        db,
      );
      continue;
    }
    await sql`
      UPDATE messages SET channel_id = ${keeper}, conversation_id = ${keptId}
      WHERE conversation_id = ${conversation.id}
    `.execute(db);
    await sql`
      UPDATE conversations AS k SET
        preview = CASE WHEN d.preview <> '' AND (k.preview = '' OR d.last_activity_at > k.last_activity_at)
                       THEN d.preview ELSE k.preview END,
        last_activity_at = GREATEST(k.last_activity_at, d.last_activity_at),
        last_inbound_at = GREATEST(k.last_inbound_at, d.last_inbound_at),
        unread_count = k.unread_count + d.unread_count
      FROM conversations AS d
      WHERE k.id = ${keptId} AND d.id = ${conversation.id}
    `.execute(db);
    await sql`DELETE FROM conversations WHERE id = ${conversation.id}`.execute(db);
  }
  await sql`DELETE FROM channels WHERE id = ${duplicate}`.execute(db);
}
