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

export interface AccountChannel {
  /** The platform account the channel receives for (`external_account_id`). */
  accountId: string;
  channel: ChannelRecord;
}

/** Channels of the given kinds receiving for platform accounts (page id, IG id, mailbox, shop),
 * in one query. An account may be connected in several workspaces: callers pick by signature
 * (or by workspace), never by taking the first row. Oldest first, so picks are stable. */
export async function findAccountChannels(
  db: Db,
  secretBox: SecretBox,
  kinds: ChannelKind[],
  externalAccountIds: string[],
): Promise<AccountChannel[]> {
  if (kinds.length === 0 || externalAccountIds.length === 0) return [];
  const rows = await db
    .selectFrom('channels')
    .selectAll()
    .where('kind', 'in', kinds)
    .where('external_account_id', 'in', externalAccountIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    accountId: row.external_account_id ?? '',
    channel: toChannelRecord(row, secretBox),
  }));
}

/** `findAccountChannels` when the caller needs only the channels. */
export async function findChannelsByAccount(
  db: Db,
  secretBox: SecretBox,
  kinds: ChannelKind[],
  externalAccountIds: string[],
): Promise<ChannelRecord[]> {
  const found = await findAccountChannels(db, secretBox, kinds, externalAccountIds);
  return found.map(({ channel }) => channel);
}

export async function findChannelsByKind(db: Db, secretBox: SecretBox, kinds: ChannelKind[]) {
  if (kinds.length === 0) return [];
  const rows = await db.selectFrom('channels').selectAll().where('kind', 'in', kinds).execute();
  return rows.map((row) => toChannelRecord(row, secretBox));
}
