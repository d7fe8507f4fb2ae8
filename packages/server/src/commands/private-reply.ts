/**
 * A private reply: an operator answers a public comment with a direct message. Meta opens the
 * DM thread on the same Page / Instagram account and names the person; the DM becomes its own
 * conversation, linked both ways with the comment thread.
 */
import type { ChannelKind, ConversationCard, MessageView } from '@parley/domain';
import { DAY_MS } from '@parley/domain';
import { sql } from 'kysely';
import type { ChannelRecord } from '../channels/connector.js';
import { sendPrivateReply } from '../channels/meta/send-api.js';
import type { Context } from '../context.js';
import { AppError, badRequest, notFound } from '../lib/errors.js';
import { withoutNul } from '../lib/text.js';
import { presentConversation, presentMessage } from '../presenters/conversation.js';
import { findChannelsByAccount, loadChannel } from '../store/channels.js';
import { getConversation } from '../store/conversations.js';
import { appendEvents } from '../store/events.js';
import { ingest } from './ingest.js';

/** Meta allows one private reply per comment, within 7 days of it. */
export const PRIVATE_REPLY_WINDOW_MS = 7 * DAY_MS;

const DM_KIND_FOR: Partial<Record<ChannelKind, ChannelKind>> = {
  instagram_comment: 'instagram_dm',
  facebook_comment: 'messenger',
};

export interface PrivateReplyInput {
  workspaceId: string;
  conversationId: string;
  text: string;
  userId: string;
}

export async function privateReply(
  ctx: Context,
  input: PrivateReplyInput,
): Promise<{ conversation: ConversationCard; message: MessageView }> {
  const text = withoutNul(input.text).trim();
  if (!text) throw badRequest('A private reply needs some text.');
  const thread = await ctx.db
    .selectFrom('conversations')
    .selectAll()
    .where('id', '=', input.conversationId)
    .where('workspace_id', '=', input.workspaceId)
    .executeTakeFirst();
  if (!thread) throw notFound('The conversation');
  const dmKind = DM_KIND_FOR[thread.channel_kind as ChannelKind];
  if (!dmKind) throw badRequest('Private replies answer Instagram or Facebook comments only.');

  const comment = await ctx.db
    .selectFrom('messages')
    .select(['external_id', 'created_at'])
    .where('conversation_id', '=', thread.id)
    .where('author', '=', 'contact')
    .where('removed_at', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!comment?.external_id) throw badRequest('There is no customer comment to answer privately.');
  if (ctx.now().getTime() - new Date(comment.created_at).getTime() > PRIVATE_REPLY_WINDOW_MS) {
    throw new AppError(
      409,
      'reply_window_closed',
      'Private replies are possible within 7 days of the comment.',
    );
  }

  const commentChannel = await loadChannel(ctx.db, ctx.secretBox, thread.channel_id);
  if (!commentChannel) throw notFound('The comment channel');
  const accountId = commentChannel.config.accountId;
  // The account may be connected in other workspaces too: only this workspace's DM channel.
  const dmChannel =
    typeof accountId === 'string'
      ? (await findChannelsByAccount(ctx.db, ctx.secretBox, [dmKind], [accountId])).find(
          (channel) => channel.workspaceId === input.workspaceId,
        )
      : undefined;
  if (!dmChannel) {
    throw new AppError(
      422,
      'channel_missing',
      `Connect ${dmKind === 'messenger' ? 'Messenger' : 'Instagram DMs'} for this account to send private replies.`,
    );
  }

  const sent = await sendPrivateReply(commentChannel, comment.external_id, text);
  if (!sent.ok)
    throw new AppError(sent.kind === 'window_closed' ? 409 : 502, sent.kind, sent.message);

  const contact = await ctx.db
    .selectFrom('contacts')
    .selectAll()
    .where('id', '=', thread.contact_id)
    .executeTakeFirstOrThrow();
  const [outcome] = await ingest(ctx.db, channelForIngest(dmChannel), [
    {
      type: 'message',
      externalId: sent.externalId,
      threadKey: sent.recipientId,
      contact: {
        externalId: sent.recipientId,
        ...(contact.display_name ? { displayName: contact.display_name } : {}),
        ...(contact.username ? { username: contact.username } : {}),
      },
      author: 'operator',
      text,
      sentAt: ctx.now(),
      conversation: {
        metadata: { privateReplyTo: { conversationId: thread.id, commentId: comment.external_id } },
      },
      metadata: { sentBy: input.userId, privateReplyTo: comment.external_id },
    },
  ]);
  if (!outcome || (outcome.status !== 'created' && outcome.status !== 'duplicate')) {
    throw new Error('The private reply was sent but could not be stored');
  }
  await linkCommentThread(ctx, thread.id, outcome.conversationId);
  const [dmConversation, message] = await Promise.all([
    getConversation(ctx.db, input.workspaceId, outcome.conversationId),
    ctx.db
      .selectFrom('messages')
      .selectAll()
      .where('id', '=', outcome.messageId)
      .executeTakeFirstOrThrow(),
  ]);
  if (!dmConversation) throw notFound('The direct message conversation');
  return { conversation: dmConversation, message: presentMessage(message) };
}

function channelForIngest(channel: ChannelRecord) {
  return {
    id: channel.id,
    workspaceId: channel.workspaceId,
    kind: channel.kind,
    assistantId: channel.assistantId,
  };
}

async function linkCommentThread(
  ctx: Context,
  commentConversationId: string,
  dmConversationId: string,
) {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('conversations')
      .set({
        metadata: sql`metadata || ${JSON.stringify({ privateReplyConversationId: dmConversationId })}::jsonb`,
      })
      .where('id', '=', commentConversationId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const contact = await trx
      .selectFrom('contacts')
      .selectAll()
      .where('id', '=', row.contact_id)
      .executeTakeFirstOrThrow();
    await appendEvents(trx, row.workspace_id, [
      {
        type: 'conversation.updated',
        conversationId: row.id,
        payload: presentConversation(row, contact),
      },
    ]);
  });
}
