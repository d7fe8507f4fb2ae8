/** Facts about Instagram / Facebook comment threads: the post the comments are on, and the links
 * a private reply creates between a comment thread and its DM conversation. Conversation
 * metadata is free-form JSON, so every field is checked before it is shown. */
import type { ChannelKind, ConversationCard } from '@parley/domain';
import { safeHttpUrl } from './format';

export function isCommentThread(kind: ChannelKind): boolean {
  return kind === 'instagram_comment' || kind === 'facebook_comment';
}

export interface CommentedPost {
  /** "Facebook post", "Instagram reel", ... */
  label: string;
  id: string | null;
  /** The post's own page, only when it is a plain web link. */
  href: string | null;
  caption: string | null;
}

/** Instagram's `media_product_type` in the words an operator uses. */
const INSTAGRAM_MEDIA_KINDS: Record<string, string> = {
  FEED: 'post',
  REELS: 'reel',
  STORY: 'story',
  AD: 'ad',
};

function textOf(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

function recordOf(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** From `metadata.post`; older data keeps `mediaId` / `postId` / `caption` at the top level. */
export function commentedPost(card: ConversationCard): CommentedPost | null {
  if (!isCommentThread(card.channelKind)) return null;
  const { metadata } = card;
  const post = recordOf(metadata.post);
  const id = textOf(post.id) ?? textOf(metadata.mediaId) ?? textOf(metadata.postId);
  const href = safeHttpUrl(textOf(post.permalink) ?? undefined);
  const caption = textOf(post.caption) ?? textOf(metadata.caption);
  if (!id && !href && !caption) return null;

  const platform =
    post.platform === 'instagram' || post.platform === 'facebook'
      ? post.platform
      : card.channelKind === 'instagram_comment'
        ? 'instagram'
        : 'facebook';
  const productType = textOf(post.productType)?.toUpperCase() ?? '';
  const label =
    platform === 'instagram'
      ? `Instagram ${INSTAGRAM_MEDIA_KINDS[productType] ?? 'post'}`
      : 'Facebook post';
  return { label, id, href, caption };
}

export interface LinkedConversations {
  /** On a comment thread: the DM conversation its private reply opened. */
  privateReplyDmId: string | null;
  /** On a DM conversation: the comment thread it was started from. */
  commentThreadId: string | null;
}

export function linkedConversations(card: ConversationCard): LinkedConversations {
  return {
    privateReplyDmId: textOf(card.metadata.privateReplyConversationId),
    commentThreadId: textOf(recordOf(card.metadata.privateReplyTo).conversationId),
  };
}
