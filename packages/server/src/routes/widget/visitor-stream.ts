/** The visitor's live stream: only their conversation's messages, as a visitor may see them. */
import type { MessageView } from '@parley/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { findVisitorConversation, presentForVisitor, type Visitor } from '../../commands/widget.js';
import type { Context } from '../../context.js';
import type { LiveHub } from '../../live/hub.js';
import { resumeToken, streamEvents, streamStart } from '../../live/sse.js';
import type { StreamCap } from '../../live/stream-admission.js';
import { openVisitorCursor, sealVisitorCursor } from '../../live/visitor-cursor.js';

/** A few tabs of the same chat. */
export const VISITOR_STREAMS_PER_VISITOR = 5;
/** Visitor ids are free to make up, so the address caps what one client can hold open. */
export const VISITOR_STREAMS_PER_ADDRESS = 20;
/** Shoppers all reach us from Shopify's servers: their store is the shared address. */
export const VISITOR_STREAMS_PER_STORE = 1000;

function visitorStreamCaps(request: FastifyRequest, visitor: Visitor): StreamCap[] {
  const tooMany = 'Too many live chat connections are open from here; close some and try again.';
  return [
    {
      key: `visitor:${visitor.assistant.id}:${visitor.visitorId}`,
      max: VISITOR_STREAMS_PER_VISITOR,
      message: `This chat is already open in ${VISITOR_STREAMS_PER_VISITOR} places; close some tabs and try again.`,
    },
    visitor.channel
      ? {
          key: `visitor-store:${visitor.channel.id}`,
          max: VISITOR_STREAMS_PER_STORE,
          message: tooMany,
        }
      : { key: `visitor-ip:${request.ip}`, max: VISITOR_STREAMS_PER_ADDRESS, message: tooMany },
  ];
}

export async function streamVisitorConversation(
  ctx: Context & { hub: LiveHub },
  request: FastifyRequest,
  reply: FastifyReply,
  visitor: Visitor,
  conversationId: string,
): Promise<void> {
  ctx.hub.admission.admit(reply.raw, visitorStreamCaps(request, visitor));
  const conversation = await findVisitorConversation(ctx, visitor, conversationId);
  const workspaceId = conversation.workspace_id;
  // The stream writes to the raw response: carry over headers set on the reply (CORS).
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined) reply.raw.setHeader(name, value as string);
  }
  // Visitors hold sealed cursors (see visitor-cursor.ts). One that does not open here (from
  // before an upgrade, or made up) replays from the start, which `streamStart` bounds.
  const token = resumeToken(request);
  const resumeFrom =
    token === null ? null : (openVisitorCursor(ctx.secretBox, workspaceId, token) ?? 0);
  const start = await streamStart(ctx.db, workspaceId, resumeFrom);
  streamEvents(request, reply, ctx.hub, {
    workspaceId,
    conversationId: conversation.id,
    ...start,
    accept: (event) => event.type === 'message.created' || event.type === 'message.updated',
    present: (event) => presentForVisitor(event.payload as MessageView),
    eventId: (seq) => sealVisitorCursor(ctx.secretBox, workspaceId, seq),
  });
}
