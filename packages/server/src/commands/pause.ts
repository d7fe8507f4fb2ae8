/** Manual pause / resume of the AI on a conversation, and marking it read. */
import type { ConversationCard } from '@parley/domain';
import type { Updateable } from 'kysely';
import type { Context } from '../context.js';
import { notFound } from '../lib/errors.js';
import { presentConversation } from '../presenters/conversation.js';
import { appendEvents } from '../store/events.js';
import type { ConversationsTable } from '../store/schema.js';

async function updateConversation(
  ctx: Context,
  workspaceId: string,
  conversationId: string,
  change: Updateable<ConversationsTable>,
): Promise<ConversationCard> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('conversations')
      .set(change)
      .where('id', '=', conversationId)
      .where('workspace_id', '=', workspaceId)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw notFound('The conversation');
    const contact = await trx
      .selectFrom('contacts')
      .selectAll()
      .where('id', '=', row.contact_id)
      .executeTakeFirstOrThrow();
    const card = presentConversation(row, contact);
    await appendEvents(trx, workspaceId, [
      { type: 'conversation.updated', conversationId: row.id, payload: card },
    ]);
    return card;
  });
}

export const pauseAi = (ctx: Context, workspaceId: string, conversationId: string) =>
  updateConversation(ctx, workspaceId, conversationId, {
    ai_paused: true,
    ai_paused_reason: 'Paused by an operator.',
  });

export const resumeAi = (ctx: Context, workspaceId: string, conversationId: string) =>
  updateConversation(ctx, workspaceId, conversationId, {
    ai_paused: false,
    ai_paused_reason: null,
  });

export const markRead = (ctx: Context, workspaceId: string, conversationId: string) =>
  updateConversation(ctx, workspaceId, conversationId, { unread_count: 0 });
