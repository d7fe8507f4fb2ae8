import { describe, expect, it } from 'vitest';
import { addPending, mergeMessages } from '../chat/message-list.js';
import { messageView } from '../testing/message-view.js';
import { takeNewReplies } from './unread.js';

describe('takeNewReplies', () => {
  it('counts each unseen reply once and never the visitor’s own messages', () => {
    const seen = new Set<string>();
    const mine = addPending([], { clientMessageId: 'cm-1', text: 'Hi', createdAt: 'now' });
    const withReplies = mergeMessages(mine, [
      messageView({ id: 'm-1' }),
      messageView({ id: 'm-2' }),
    ]);
    expect(takeNewReplies(seen, withReplies)).toBe(2);
    expect(takeNewReplies(seen, withReplies)).toBe(0);
  });
});
