/**
 * Duplicating and deleting an assistant. A delete refuses while a channel depends on the
 * assistant: every connected channel that names it (Meta, Gmail, a Shopify store), and its own
 * website-widget and share-link channels once they hold conversations. Its widget and share-link
 * channels without conversations (created by a visitor who never wrote, or never used) belong
 * to it and go with it.
 */
import { CHANNEL_LABELS, type ChannelKind, copyName } from '@parley/domain';
import { conflict, notFound } from '../lib/errors.js';
import type { AssistantRow } from '../store/schema.js';
import type { Db } from '../store/store.js';
import { type AuditOrigin, recordAudit } from './audit.js';
import { createAssistant } from './workspaces.js';

/** The assistant's own channels, which a visitor's first message creates. */
const OWN_KINDS = ['website_widget', 'share_link'] as const;

export async function duplicateAssistant(
  db: Db,
  origin: AuditOrigin,
  id: string,
): Promise<AssistantRow> {
  return db.transaction().execute(async (trx) => {
    const source = await trx
      .selectFrom('assistants')
      .selectAll()
      .where('id', '=', id)
      .where('workspace_id', '=', origin.workspaceId)
      .executeTakeFirst();
    if (!source) throw notFound('The assistant');
    const names = await trx
      .selectFrom('assistants')
      .select('name')
      .where('workspace_id', '=', origin.workspaceId)
      .execute();
    // A new public key and share link: a copy must never answer the original's visitors.
    const copy = await createAssistant(trx, origin.workspaceId, {
      name: copyName(
        source.name,
        names.map((row) => row.name),
      ),
      instructions: source.instructions,
      greeting: source.greeting,
      suggestedQuestions: source.suggested_questions,
      allowedOrigins: source.allowed_origins,
      model: source.model_settings,
    });
    await recordAudit(trx, {
      ...origin,
      action: 'assistant.duplicated',
      target: { type: 'assistant', id: copy.id, label: copy.name },
      details: { sourceId: source.id, sourceName: source.name },
    });
    return copy;
  });
}

export interface ChannelInUse {
  id: string;
  name: string;
  kind: ChannelKind;
}

function inUseMessage(assistant: string, channels: ChannelInUse[]): string {
  const names = channels.map((channel) => `“${channel.name}”`).join(', ');
  const these = channels.length === 1 ? 'that channel' : 'those channels';
  return `${assistant} is still used by ${names}. Choose another assistant (or none) for ${these} in Settings → Channels, then delete it.`;
}

/** Deletes the assistant, or refuses (409 `assistant_in_use`, naming the channels). Its
 * conversations stay in the inbox without an assistant (ON DELETE SET NULL). */
export async function deleteAssistant(db: Db, origin: AuditOrigin, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // The row lock holds off a visitor's first message, which would create a channel for it.
    const assistant = await trx
      .selectFrom('assistants')
      .select(['id', 'name'])
      .where('id', '=', id)
      .where('workspace_id', '=', origin.workspaceId)
      .forUpdate()
      .executeTakeFirst();
    if (!assistant) throw notFound('The assistant');
    const channels = await trx
      .selectFrom('channels')
      .select(['id', 'name', 'kind'])
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom('conversations')
              .select('conversations.id')
              .whereRef('conversations.channel_id', '=', 'channels.id'),
          )
          .as('has_conversations'),
      )
      .where('assistant_id', '=', id)
      .orderBy('name')
      .execute();
    const own = (kind: string) => (OWN_KINDS as readonly string[]).includes(kind);
    const inUse = channels
      .filter((channel) => !own(channel.kind) || channel.has_conversations)
      .map((channel) => ({
        id: channel.id,
        name: channel.name,
        kind: channel.kind as ChannelKind,
      }));
    if (inUse.length > 0) {
      throw conflict('assistant_in_use', inUseMessage(assistant.name, inUse), {
        channels: inUse.map((channel) => ({ ...channel, label: CHANNEL_LABELS[channel.kind] })),
      });
    }
    const unused = channels.map((channel) => channel.id);
    if (unused.length > 0) await trx.deleteFrom('channels').where('id', 'in', unused).execute();
    await trx.deleteFrom('assistants').where('id', '=', id).execute();
    await recordAudit(trx, {
      ...origin,
      action: 'assistant.deleted',
      target: { type: 'assistant', id, label: assistant.name },
      details: unused.length > 0 ? { channelsRemoved: unused.length } : {},
    });
  });
}
