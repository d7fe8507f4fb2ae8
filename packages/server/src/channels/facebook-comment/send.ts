/** Facebook comment send service: a public reply in the thread of the top-level comment. */
import type { OutboundContext, OutboundMessage, SendResult } from '../connector.js';
import { postCommentReply } from '../meta/comment-replies.js';

export function sendFacebookCommentReply(
  message: OutboundMessage,
  context: OutboundContext,
): Promise<SendResult> {
  // Facebook threads nest one level; replying on the top-level comment keeps the reply in it.
  return postCommentReply(
    context.channel,
    context.conversation.threadKey,
    'comments',
    message.text,
  );
}
