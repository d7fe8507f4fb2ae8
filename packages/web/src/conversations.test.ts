import { describe, expect, it } from 'vitest';
import { mergeMessages } from './conversations';
import { testMessage } from './test-fixtures';

const message = (id: string, minute: number, parentId: string | null = null) =>
  testMessage({
    id,
    text: id,
    parentId,
    createdAt: new Date(Date.UTC(2026, 0, 1, 12, minute)).toISOString(),
  });

describe('mergeMessages', () => {
  it('replaces by id and keeps the thread oldest first', () => {
    const edited = { ...message('a', 0), text: 'edited', edited: true };
    const merged = mergeMessages([message('b', 1), message('a', 0)], [edited, message('c', 2)]);
    expect(merged.map((item) => item.text)).toEqual(['edited', 'b', 'c']);
  });
});
