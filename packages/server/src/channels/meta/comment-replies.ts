/** Public replies under a comment: both Graph API edges answer with the new comment's id. */
import { z } from 'zod';
import type { ChannelRecord, SendResult } from '../connector.js';
import { graphPost, graphSettings } from './graph-client.js';

const createdCommentSchema = z.object({ id: z.string() });

/** POSTs `{ message }` to a comment's edge: `replies` on Instagram, `comments` on Facebook. */
export async function postCommentReply(
  channel: ChannelRecord,
  commentId: string,
  edge: 'replies' | 'comments',
  text: string,
): Promise<SendResult> {
  const settings = graphSettings(channel);
  if (!settings.ok) return settings;
  const path = `${encodeURIComponent(commentId)}/${edge}`;
  const result = await graphPost(settings.data, path, { message: text }, createdCommentSchema);
  return result.ok ? { ok: true, externalId: result.data.id } : result;
}
