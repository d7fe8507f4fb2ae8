/**
 * Instagram comments incoming builder: `comments` changes as messages. Each top-level comment
 * starts a conversation (thread key = its id); replies carry `parent_id` and join their
 * parent's thread. The media commented on goes into the conversation's metadata.
 */
import type { InboundMessage } from '@parley/domain';
import { z } from 'zod';
import { forEachChange } from '../meta/changes.js';
import { type MetaEntry, readEnvelope } from '../meta/envelope.js';
import { emptyBatch, type ParsedBatch } from '../meta/parse-result.js';
import { fromMetaTime } from '../meta/time.js';

const commentValueSchema = z.object({
  id: z.string().min(1),
  text: z.string().optional(),
  from: z.object({ id: z.string().min(1), username: z.string().optional() }),
  media: z.object({ id: z.string().min(1), media_product_type: z.string().optional() }).optional(),
  parent_id: z.string().min(1).optional(),
});

type CommentValue = z.infer<typeof commentValueSchema>;

function toMessage(comment: CommentValue, entry: MetaEntry, at: Date): InboundMessage {
  const { media } = comment;
  return {
    type: 'message',
    externalId: comment.id,
    // Instagram nests one level: a reply's parent is always the top-level comment.
    threadKey: comment.parent_id ?? comment.id,
    contact: {
      externalId: comment.from.id,
      ...(comment.from.username ? { username: comment.from.username } : {}),
    },
    // The account answering in its own comments is the business, not a customer.
    author: comment.from.id === entry.id ? 'business' : 'contact',
    text: comment.text ?? '',
    sentAt: at,
    ...(comment.parent_id ? { parentExternalId: comment.parent_id } : {}),
    ...(media
      ? {
          conversation: {
            metadata: {
              post: {
                platform: 'instagram',
                id: media.id,
                ...(media.media_product_type ? { productType: media.media_product_type } : {}),
              },
            },
          },
        }
      : {}),
  };
}

export function parseInstagramCommentWebhook(body: unknown): ParsedBatch {
  const envelope = readEnvelope(body);
  const batch = emptyBatch();
  if (envelope.object !== 'instagram') {
    batch.skipped.push({ reason: `object "${envelope.object}" is not Instagram` });
    return batch;
  }
  forEachChange(envelope, batch, 'comments', (value, entry) => {
    const comment = commentValueSchema.safeParse(value);
    if (!comment.success) {
      batch.skipped.push({ reason: 'unreadable comment', ids: { account: entry.id } });
    } else if (entry.time === undefined) {
      // The comment change carries no time of its own; the entry's time is when it happened.
      batch.skipped.push({ reason: 'comment without a time', ids: { comment: comment.data.id } });
    } else {
      batch.events.push(toMessage(comment.data, entry, fromMetaTime(entry.time)));
    }
  });
  return batch;
}
