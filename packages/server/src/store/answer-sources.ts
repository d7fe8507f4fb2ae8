/**
 * Which knowledge passages assistant messages answered from, as operators see them: chunk ids
 * resolved to their source's title, heading and address. A chunk deleted or re-indexed since
 * resolves to nothing, so the thread never links to text that is gone.
 */
import type { AnswerSource } from '@parley/domain';
import type { MessageRow } from './schema.js';
import type { Db } from './store.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Cited = Pick<MessageRow, 'passage_ids'>;

/** Each message's cited passages that still exist, in citation order. */
export async function answerSourcesOf(
  db: Db,
  workspaceId: string,
  messages: readonly Cited[],
): Promise<AnswerSource[][]> {
  const ids = [...new Set(messages.flatMap((message) => message.passage_ids))].filter((id) =>
    UUID.test(id),
  );
  const rows =
    ids.length === 0
      ? []
      : await db
          .selectFrom('knowledge_chunks as c')
          .innerJoin('knowledge_sources as s', 's.id', 'c.source_id')
          .select(['c.id', 'c.source_id', 'c.heading', 's.title', 's.url'])
          .where('c.workspace_id', '=', workspaceId)
          .where('c.id', 'in', ids)
          .execute();
  const byId = new Map(
    rows.map((row) => [
      row.id,
      { id: row.id, sourceId: row.source_id, title: row.title, heading: row.heading, url: row.url },
    ]),
  );
  return messages.map((message) => message.passage_ids.flatMap((id) => byId.get(id) ?? []));
}
