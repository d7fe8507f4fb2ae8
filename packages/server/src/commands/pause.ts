/** Manual pause / resume of the AI on a conversation, and marking it read. */
import type { ConversationCard } from '@parley/domain';
import type { Updateable } from 'kysely';
import type { Context } from '../context.js';
import { factsAfterPause } from '../insights/facts.js';
import { notFound } from '../lib/errors.js';
import { presentConversation } from '../presenters/conversation.js';
import { appendEvents } from '../store/events.js';
import { recordFactsChange } from '../store/insights.js';
import type { ConversationRow, ConversationsTable } from '../store/schema.js';

async function updateConversation(
  ctx: Context,
  workspaceId: string,
  conversationId: string,
  change: (current: ConversationRow) => Updateable<ConversationsTable>,
): Promise<ConversationCard> {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('conversations')
      .selectAll()
      .where('id', '=', conversationId)
      .where('workspace_id', '=', workspaceId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw notFound('The conversation');
    const row = await trx
      .updateTable('conversations')
      .set(change(current))
      .where('id', '=', current.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordFactsChange(trx, current, row);
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
  updateConversation(ctx, workspaceId, conversationId, (current) => ({
    ai_paused: true,
    ai_paused_reason: 'Paused by an operator.',
    // Pausing a paused conversation is no new handover.
    ...(current.ai_paused ? {} : factsAfterPause(current, 'operator', ctx.now())),
  }));

export const resumeAi = (ctx: Context, workspaceId: string, conversationId: string) =>
  updateConversation(ctx, workspaceId, conversationId, () => ({
    ai_paused: false,
    ai_paused_reason: null,
  }));

export const markRead = (ctx: Context, workspaceId: string, conversationId: string) =>
  updateConversation(ctx, workspaceId, conversationId, () => ({ unread_count: 0 }));
