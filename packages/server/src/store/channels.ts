/** Loading connected channels with their secrets opened, for connectors and jobs. */
import type { ChannelKind } from '@parley/domain';
import type { ChannelRecord } from '../channels/connector.js';
import type { SecretBox } from '../lib/secrets.js';
import type { ChannelRow } from './schema.js';
import type { Db } from './store.js';

export function toChannelRecord(row: ChannelRow, secretBox: SecretBox): ChannelRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    kind: row.kind as ChannelKind,
    name: row.name,
    assistantId: row.assistant_id,
    config: row.config,
    secrets: row.secrets_encrypted ? secretBox.open(row.secrets_encrypted) : {},
  };
}

export async function loadChannel(db: Db, secretBox: SecretBox, channelId: string) {
  const row = await db
    .selectFrom('channels')
    .selectAll()
    .where('id', '=', channelId)
    .executeTakeFirst();
  return row ? toChannelRecord(row, secretBox) : null;
}

/** Channels of the given kinds receiving for a platform account (page id, IG id, mailbox). */
export async function findChannelsByAccount(
  db: Db,
  secretBox: SecretBox,
  kinds: ChannelKind[],
  externalAccountIds: string[],
): Promise<ChannelRecord[]> {
  if (kinds.length === 0 || externalAccountIds.length === 0) return [];
  const rows = await db
    .selectFrom('channels')
    .selectAll()
    .where('kind', 'in', kinds)
    .where('external_account_id', 'in', externalAccountIds)
    .execute();
  return rows.map((row) => toChannelRecord(row, secretBox));
}

export async function findChannelsByKind(db: Db, secretBox: SecretBox, kinds: ChannelKind[]) {
  if (kinds.length === 0) return [];
  const rows = await db.selectFrom('channels').selectAll().where('kind', 'in', kinds).execute();
  return rows.map((row) => toChannelRecord(row, secretBox));
}
