/**
 * The Send API (`POST /{version}/me/messages`), shared by Messenger and Instagram DMs: plain
 * replies inside the 24-hour window, human-agent tagged replies up to 7 days, and private
 * replies that answer a comment with a DM.
 */
import { z } from 'zod';
import type { ChannelRecord, SendResult } from '../connector.js';
import { graphPost, graphSettings } from './graph-client.js';
import { failure, type SendFailure } from './graph-errors.js';

/** Marks the echo of a message Parley sent (Meta returns `metadata` in the echo). */
export const PARLEY_ECHO_PREFIX = 'parley:';

const sendApiResponseSchema = z.object({
  recipient_id: z.string(),
  message_id: z.string(),
});

export interface DirectMessage {
  /** Parley's message id, sent as metadata so the platform's echo can be matched to it. */
  id: string;
  /** The person's page-scoped (PSID) or Instagram-scoped (IGSID) id. */
  recipientId: string;
  text: string;
  author: 'assistant' | 'operator';
  humanAgentTag: boolean;
}

export type PrivateReplyResult =
  | { ok: true; externalId: string; recipientId: string }
  | SendFailure;

type MessagingType = { ok: true; fields: Record<string, string> } | SendFailure;

/** Meta allows the human-agent tag only for messages a person writes, never automation. */
function messagingType(message: DirectMessage): MessagingType {
  if (!message.humanAgentTag) return { ok: true, fields: { messaging_type: 'RESPONSE' } };
  if (message.author !== 'operator') {
    return failure('invalid_request', 'Only a human operator may use the human-agent tag.', {
      retryable: false,
    });
  }
  return { ok: true, fields: { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' } };
}

export async function sendDirectMessage(
  channel: ChannelRecord,
  message: DirectMessage,
): Promise<SendResult> {
  const settings = graphSettings(channel);
  if (!settings.ok) return settings;
  const type = messagingType(message);
  if (!type.ok) return type;
  const result = await graphPost(
    settings.data,
    'me/messages',
    {
      recipient: { id: message.recipientId },
      ...type.fields,
      message: { text: message.text, metadata: `${PARLEY_ECHO_PREFIX}${message.id}` },
    },
    sendApiResponseSchema,
  );
  return result.ok ? { ok: true, externalId: result.data.message_id } : result;
}

/** One DM to the author of a comment; Meta answers with the DM recipient's PSID or IGSID. */
export async function sendPrivateReply(
  channel: ChannelRecord,
  commentId: string,
  text: string,
): Promise<PrivateReplyResult> {
  const settings = graphSettings(channel);
  if (!settings.ok) return settings;
  const result = await graphPost(
    settings.data,
    'me/messages',
    { recipient: { comment_id: commentId }, messaging_type: 'RESPONSE', message: { text } },
    sendApiResponseSchema,
  );
  if (!result.ok) return result;
  return { ok: true, externalId: result.data.message_id, recipientId: result.data.recipient_id };
}
