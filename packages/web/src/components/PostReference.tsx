/** The post or media a comment thread is on: its caption when known, and a link to it when the
 * platform gave a web address, otherwise its id so the operator can find it. */
import type { CommentedPost } from '../comments';

export function PostReference({ post }: { post: CommentedPost }) {
  return (
    <p className="thread-post" data-testid="commented-post">
      <span className="thread-post-label">On {post.label}</span>
      {post.caption && <q className="thread-post-caption">{post.caption}</q>}
      {post.href ? (
        <a href={post.href} target="_blank" rel="noopener noreferrer">
          View post
          <span aria-hidden="true"> ↗</span>
          <span className="visually-hidden"> (opens in a new tab)</span>
        </a>
      ) : (
        post.id && <span className="thread-post-id">ID {post.id}</span>
      )}
    </p>
  );
}
