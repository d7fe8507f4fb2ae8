/** Messenger send service: a reply goes to the person's PSID through the Send API. */
import type { OutboundContext, OutboundMessage, SendResult } from '../connector.js';
import { sendDirectMessage } from '../meta/send-api.js';

export function sendMessengerReply(
  message: OutboundMessage,
  context: OutboundContext,
): Promise<SendResult> {
  return sendDirectMessage(context.channel, {
    id: message.id,
    // A Messenger conversation's thread key is the person's PSID.
    recipientId: context.conversation.threadKey,
    text: message.text,
    author: message.author,
    humanAgentTag: message.humanAgentTag,
  });
}
