/**
 * The workspace event log. Sequence numbers come from the workspace row, whose lock is held
 * until commit, so events become visible strictly in sequence order: a reader that has seen
 * seq N can never later find a committed event below N. That makes `Last-Event-ID` resume exact.
 */
import { sql } from 'kysely';
import type { Db } from './store.js';

export const EVENTS_CHANNEL = 'parley_events';

export type EventType =
  | 'conversation.created'
  | 'conversation.updated'
  | 'message.created'
  | 'message.updated';

export interface NewEvent {
  type: EventType;
  conversationId: string | null;
  payload: unknown;
}

export interface StoredEvent {
  seq: number;
  type: EventType;
  conversationId: string | null;
  payload: unknown;
}

/** Appends events inside the caller's transaction; call it last to keep the lock short. */
export async function appendEvents(
  trx: Db,
  workspaceId: string,
  events: NewEvent[],
): Promise<void> {
  if (events.length === 0) return;
  const rows = JSON.stringify(
    events.map((event, index) => ({
      position: index + 1,
      type: event.type,
      conversation_id: event.conversationId,
      payload: event.payload,
    })),
  );
  // One round trip: take the sequence numbers, write the events, and notify every listening
  // instance (delivered only when the transaction commits).
  await sql`
    WITH taken AS (
      UPDATE workspaces SET event_seq = event_seq + ${events.length}
      WHERE id = ${workspaceId}
      RETURNING event_seq
    ), written AS (
      INSERT INTO events (workspace_id, seq, type, conversation_id, payload)
      SELECT ${workspaceId}::uuid, taken.event_seq - ${events.length} + e.position, e.type,
             e.conversation_id, e.payload
      FROM taken,
           jsonb_to_recordset(${rows}::jsonb) AS e(position int, type text, conversation_id uuid, payload jsonb)
    )
    SELECT pg_notify(${EVENTS_CHANNEL}, ${workspaceId} || ':' || taken.event_seq) FROM taken
  `.execute(trx);
}

export async function readEvents(
  db: Db,
  workspaceId: string,
  afterSeq: number,
  options: { limit?: number } = {},
): Promise<StoredEvent[]> {
  const rows = await db
    .selectFrom('events')
    .select(['seq', 'type', 'conversation_id', 'payload'])
    .where('workspace_id', '=', workspaceId)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(options.limit ?? 500)
    .execute();
  return rows.map((row) => ({
    seq: row.seq,
    type: row.type as EventType,
    conversationId: row.conversation_id,
    payload: row.payload,
  }));
}

export async function latestSeq(db: Db, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom('workspaces')
    .select('event_seq')
    .where('id', '=', workspaceId)
    .executeTakeFirst();
  return row?.event_seq ?? 0;
}
