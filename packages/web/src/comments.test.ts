import type { ConversationCard } from '@parley/domain';
import { describe, expect, it } from 'vitest';
import { commentedPost, isCommentThread, linkedConversations } from './comments';
import { testCard } from './test-fixtures';

function card(
  channelKind: ConversationCard['channelKind'],
  metadata: Record<string, unknown>,
): ConversationCard {
  return testCard({ channelKind, metadata });
}

describe('isCommentThread', () => {
  it('is true for Instagram and Facebook comments only', () => {
    expect(isCommentThread('instagram_comment')).toBe(true);
    expect(isCommentThread('facebook_comment')).toBe(true);
    expect(isCommentThread('instagram_dm')).toBe(false);
    expect(isCommentThread('messenger')).toBe(false);
  });
});

describe('commentedPost', () => {
  it('links a Facebook post by its permalink', () => {
    const post = commentedPost(
      card('facebook_comment', {
        post: { platform: 'facebook', id: '1_2', permalink: 'https://www.facebook.com/1/posts/2' },
      }),
    );
    expect(post).toEqual({
      label: 'Facebook post',
      id: '1_2',
      href: 'https://www.facebook.com/1/posts/2',
      caption: null,
    });
  });

  it('never links a permalink that is not a web address', () => {
    const post = commentedPost(
      card('facebook_comment', {
        post: { platform: 'facebook', id: '1_2', permalink: 'javascript:alert(1)' },
      }),
    );
    expect(post?.href).toBeNull();
    expect(post?.id).toBe('1_2');
  });

  it('names Instagram media by their product type', () => {
    const reel = commentedPost(
      card('instagram_comment', {
        post: { platform: 'instagram', id: '18', productType: 'REELS' },
      }),
    );
    expect(reel?.label).toBe('Instagram reel');
    const unknown = commentedPost(
      card('instagram_comment', { post: { platform: 'instagram', id: '18', productType: 'NEW' } }),
    );
    expect(unknown?.label).toBe('Instagram post');
  });

  it('reads the older top-level fields of demo data', () => {
    expect(
      commentedPost(card('instagram_comment', { mediaId: '180', caption: 'Summit jacket' })),
    ).toEqual({ label: 'Instagram post', id: '180', href: null, caption: 'Summit jacket' });
    expect(commentedPost(card('facebook_comment', { postId: '102_555' }))?.id).toBe('102_555');
  });

  it('shows nothing when the post is unknown or the thread is no comment thread', () => {
    expect(commentedPost(card('facebook_comment', {}))).toBeNull();
    expect(commentedPost(card('facebook_comment', { post: 'odd' }))).toBeNull();
    expect(commentedPost(card('messenger', { postId: '102_555' }))).toBeNull();
  });
});

describe('linkedConversations', () => {
  it('finds the DM a private reply opened, and the comment thread a DM came from', () => {
    expect(
      linkedConversations(card('facebook_comment', { privateReplyConversationId: 'dm1' })),
    ).toEqual({ privateReplyDmId: 'dm1', commentThreadId: null });
    expect(
      linkedConversations(
        card('messenger', { privateReplyTo: { conversationId: 'thread1', commentId: 'x' } }),
      ),
    ).toEqual({ privateReplyDmId: null, commentThreadId: 'thread1' });
  });

  it('ignores malformed links', () => {
    expect(
      linkedConversations(
        card('messenger', { privateReplyTo: 'thread1', privateReplyConversationId: {} }),
      ),
    ).toEqual({ privateReplyDmId: null, commentThreadId: null });
  });
});
