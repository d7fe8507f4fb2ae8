import { describe, expect, it } from 'vitest';
import { testMessage } from './test-fixtures';
import { threadRows } from './thread';

const message = (id: string, minute: number, parentId: string | null = null) =>
  testMessage({
    id,
    text: id,
    parentId,
    createdAt: new Date(Date.UTC(2026, 0, 1, 12, minute)).toISOString(),
  });

describe('threadRows', () => {
  it('places replies under their parent, indented', () => {
    const rows = threadRows([message('a', 0), message('b', 1), message('a1', 2, 'a')]);
    expect(rows.map((row) => [row.message.id, row.depth])).toEqual([
      ['a', 0],
      ['a1', 1],
      ['b', 0],
    ]);
  });

  it('shows a reply to an unknown parent, and a parent cycle, at the top level', () => {
    const rows = threadRows([
      message('x', 0, 'missing'),
      message('p', 1, 'q'),
      message('q', 2, 'p'),
    ]);
    expect(rows.map((row) => row.message.id).sort()).toEqual(['p', 'q', 'x']);
  });
});
