/**
 * Facebook page comments incoming builder: Page `feed` changes with `item: "comment"`. Each
 * top-level comment on a post starts a conversation (thread key = its id); replies join their
 * parent's thread. `add` stores the comment, `edited` updates its text (history kept by
 * ingest), `remove` marks it removed. Posts, reactions and other feed items are left out.
 */
import type { Attachment, InboundEvent, InboundMessage } from '@parley/domain';
import { z } from 'zod';
import { forEachChange } from '../meta/changes.js';
import { type MetaEntry, readEnvelope } from '../meta/envelope.js';
import { emptyBatch, type ParsedBatch } from '../meta/parse-result.js';
import { fromMetaTime } from '../meta/time.js';

const feedValueSchema = z.object({ item: z.string(), verb: z.string() });

const commentValueSchema = z.object({
  comment_id: z.string().min(1),
  post_id: z.string().min(1),
  /** The post for a top-level comment, the top-level comment for a reply. */
  parent_id: z.string().min(1).optional(),
  /** Absent when Meta withholds the commenter's identity from the app. */
  from: z.object({ id: z.string().min(1), name: z.string().optional() }).optional(),
  message: z.string().optional(),
  /** Seconds since the epoch. */
  created_time: z.number().optional(),
  photo: z.string().optional(),
  video: z.string().optional(),
  post: z.object({ permalink_url: z.string().optional() }).optional(),
});

type CommentValue = z.infer<typeof commentValueSchema>;

function threadKeyOf(comment: CommentValue): string {
  const isReply = comment.parent_id !== undefined && comment.parent_id !== comment.post_id;
  return isReply && comment.parent_id ? comment.parent_id : comment.comment_id;
}

function attachmentsOf(comment: CommentValue): Attachment[] {
  return [
    ...(comment.photo ? [{ type: 'image' as const, url: comment.photo }] : []),
    ...(comment.video ? [{ type: 'video' as const, url: comment.video }] : []),
  ];
}

function toMessage(comment: CommentValue, entry: MetaEntry, at: Date): InboundMessage {
  const threadKey = threadKeyOf(comment);
  const attachments = attachmentsOf(comment);
  const permalink = comment.post?.permalink_url;
  return {
    type: 'message',
    externalId: comment.comment_id,
    threadKey,
    // Without `from` the commenter is unknown; keep them apart per thread rather than merge
    // every anonymous commenter into one contact.
    contact: comment.from
      ? {
          externalId: comment.from.id,
          ...(comment.from.name ? { displayName: comment.from.name } : {}),
        }
      : { externalId: `anonymous:${threadKey}` },
    // The Page answering in its own comments is the business, not a customer.
    author: comment.from?.id === entry.id ? 'business' : 'contact',
    text: comment.message ?? '',
    ...(attachments.length > 0 ? { attachments } : {}),
    sentAt: at,
    ...(threadKey !== comment.comment_id ? { parentExternalId: threadKey } : {}),
    conversation: {
      metadata: {
        post: { platform: 'facebook', id: comment.post_id, ...(permalink ? { permalink } : {}) },
      },
    },
  };
}

/** Adds carry the comment's own time; edits and removals happen when Meta reports them. */
function timeOf(comment: CommentValue, entry: MetaEntry, verb: string): Date | null {
  const ordered =
    verb === 'add' ? [comment.created_time, entry.time] : [entry.time, comment.created_time];
  const value = ordered.find((candidate) => candidate !== undefined);
  return value === undefined ? null : fromMetaTime(value);
}

function commentEvent(
  comment: CommentValue,
  entry: MetaEntry,
  verb: string,
  at: Date,
): InboundEvent | null {
  switch (verb) {
    case 'add':
      return toMessage(comment, entry, at);
    case 'edited':
      return {
        type: 'edit',
        externalId: comment.comment_id,
        text: comment.message ?? '',
        editedAt: at,
      };
    case 'remove':
      return { type: 'removal', externalId: comment.comment_id, removedAt: at };
    default:
      return null;
  }
}

export function parseFacebookCommentWebhook(body: unknown): ParsedBatch {
  const envelope = readEnvelope(body);
  const batch = emptyBatch();
  if (envelope.object !== 'page') {
    batch.skipped.push({ reason: `object "${envelope.object}" is not a Page` });
    return batch;
  }
  forEachChange(envelope, batch, 'feed', (value, entry) => {
    const feed = feedValueSchema.safeParse(value);
    if (!feed.success) {
      batch.skipped.push({ reason: 'unreadable feed change', ids: { account: entry.id } });
      return;
    }
    const { item, verb } = feed.data;
    if (item !== 'comment') {
      batch.skipped.push({ reason: `feed ${item} ${verb}`, ids: { account: entry.id } });
      return;
    }
    const comment = commentValueSchema.safeParse(value);
    const at = comment.success ? timeOf(comment.data, entry, verb) : null;
    const event = comment.success && at ? commentEvent(comment.data, entry, verb, at) : null;
    if (event) batch.events.push(event);
    else batch.skipped.push({ reason: `comment ${verb}`, ids: { account: entry.id } });
  });
  return batch;
}
