/** Ticking an action item off (or on again): stored in the analysis, announced live. The
 * next analysis keeps the tick (items are matched by text). */
import { type ConversationCard, markActionItem } from '@parley/domain';
import type { Context } from '../context.js';
import { notFound } from '../lib/errors.js';
import { presentConversation } from '../presenters/conversation.js';
import { appendEvents } from '../store/events.js';
import { currentAnalysis } from './analyze-conversation.js';

export interface ActionItemChange {
  workspaceId: string;
  conversationId: string;
  itemId: string;
  done: boolean;
  userId: string;
}

export async function setActionItemDone(
  ctx: Context,
  change: ActionItemChange,
): Promise<ConversationCard> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('conversations')
      .selectAll()
      .where('id', '=', change.conversationId)
      .where('workspace_id', '=', change.workspaceId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound('The conversation');
    const analysis = currentAnalysis(row);
    const items = analysis
      ? markActionItem(analysis.actionItems, change.itemId, {
          done: change.done,
          by: change.userId,
          at: ctx.now(),
        })
      : null;
    if (!analysis || !items) throw notFound('The action item');
    const updated = await trx
      .updateTable('conversations')
      .set({ analysis: JSON.stringify({ ...analysis, actionItems: items }) })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const contact = await trx
      .selectFrom('contacts')
      .selectAll()
      .where('id', '=', row.contact_id)
      .executeTakeFirstOrThrow();
    const card = presentConversation(updated, contact);
    await appendEvents(trx, change.workspaceId, [
      { type: 'conversation.updated', conversationId: row.id, payload: card },
    ]);
    return card;
  });
}
