/**
 * A private reply: one DM to the author of an Instagram comment, allowed once per comment and
 * within 7 days of it. Meta answers with the person's IGSID, so the server can open the
 * Instagram DM conversation that continues it.
 */
import type { ChannelRecord } from '../connector.js';
import { type PrivateReplyResult, sendPrivateReply } from '../meta/send-api.js';

export function sendInstagramPrivateReply(
  channel: ChannelRecord,
  commentId: string,
  text: string,
): Promise<PrivateReplyResult> {
  return sendPrivateReply(channel, commentId, text);
}
