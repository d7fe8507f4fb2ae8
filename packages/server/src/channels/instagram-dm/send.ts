/** Instagram DM send service: a reply goes to the person's IGSID through the Send API. */
import type { OutboundContext, OutboundMessage, SendResult } from '../connector.js';
import { sendDirectMessage } from '../meta/send-api.js';

export function sendInstagramDmReply(
  message: OutboundMessage,
  context: OutboundContext,
): Promise<SendResult> {
  return sendDirectMessage(context.channel, {
    id: message.id,
    // An Instagram DM conversation's thread key is the person's IGSID.
    recipientId: context.conversation.threadKey,
    text: message.text,
    author: message.author,
    humanAgentTag: message.humanAgentTag,
  });
}
