/** The visitor's live stream: only their conversation's messages, as a visitor may see them. */
import type { MessageView } from '@parley/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { findVisitorConversation, presentForVisitor, type Visitor } from '../../commands/widget.js';
import type { Context } from '../../context.js';
import type { LiveHub } from '../../live/hub.js';
import { resumeCursor, streamEvents } from '../../live/sse.js';
import { latestSeq } from '../../store/events.js';

export async function streamVisitorConversation(
  ctx: Context & { hub: LiveHub },
  request: FastifyRequest,
  reply: FastifyReply,
  visitor: Visitor,
  conversationId: string,
): Promise<void> {
  const conversation = await findVisitorConversation(ctx, visitor, conversationId);
  // The stream writes to the raw response: carry over headers set on the reply (CORS).
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined) reply.raw.setHeader(name, value as string);
  }
  const afterSeq = resumeCursor(request) ?? (await latestSeq(ctx.db, conversation.workspace_id));
  streamEvents(request, reply, ctx.hub, {
    workspaceId: conversation.workspace_id,
    conversationId: conversation.id,
    afterSeq,
    accept: (event) => event.type === 'message.created' || event.type === 'message.updated',
    present: (event) => presentForVisitor(event.payload as MessageView),
  });
}
