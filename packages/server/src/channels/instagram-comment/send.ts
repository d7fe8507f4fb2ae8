/** Instagram comment send service: a public reply under the thread's top-level comment. */
import type { OutboundContext, OutboundMessage, SendResult } from '../connector.js';
import { postCommentReply } from '../meta/comment-replies.js';

export function sendInstagramCommentReply(
  message: OutboundMessage,
  context: OutboundContext,
): Promise<SendResult> {
  // Instagram accepts replies only on top-level comments, which is what the thread key holds.
  return postCommentReply(context.channel, context.conversation.threadKey, 'replies', message.text);
}
