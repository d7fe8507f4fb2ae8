/**
 * A private reply: one Messenger message to the author of a comment on the Page, allowed once
 * per comment and within 7 days of it. Meta answers with the person's PSID, so the server can
 * open the Messenger conversation that continues it.
 */
import type { ChannelRecord } from '../connector.js';
import { type PrivateReplyResult, sendPrivateReply } from '../meta/send-api.js';

export function sendFacebookPrivateReply(
  channel: ChannelRecord,
  commentId: string,
  text: string,
): Promise<PrivateReplyResult> {
  return sendPrivateReply(channel, commentId, text);
}
