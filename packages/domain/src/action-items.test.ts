import { describe, expect, it } from 'vitest';
import { markActionItem, mergeActionItems } from './action-items.js';
import type { ActionItem } from './analysis.js';

const ids = () => {
  let n = 0;
  return () => `new-${++n}`;
};

const ticked: ActionItem = {
  id: 'a1',
  text: 'Send a replacement zipper for #4417',
  done: true,
  doneAt: '2026-01-01T10:00:00.000Z',
  doneBy: 'user-1',
};

describe('action items across analyses', () => {
  it('keeps an item’s id and tick when the analyzer names it again', () => {
    const merged = mergeActionItems(
      [ticked],
      [{ text: 'send a replacement zipper for #4417.' }, { text: 'Refund the shipping' }],
      ids(),
    );
    expect(merged).toEqual([
      { ...ticked, text: 'send a replacement zipper for #4417.' },
      { id: 'new-1', text: 'Refund the shipping', done: false, doneAt: null, doneBy: null },
    ]);
  });

  it('drops items no longer owed and duplicates', () => {
    expect(
      mergeActionItems([ticked], [{ text: 'Call back' }, { text: 'call back' }], ids()),
    ).toEqual([{ id: 'new-1', text: 'Call back', done: false, doneAt: null, doneBy: null }]);
  });

  it('ticks and unticks one item by id', () => {
    const at = new Date('2026-02-01T00:00:00Z');
    const open = { ...ticked, done: false, doneAt: null, doneBy: null };
    expect(markActionItem([open], 'a1', { done: true, by: 'u2', at })).toEqual([
      { ...open, done: true, doneAt: at.toISOString(), doneBy: 'u2' },
    ]);
    expect(markActionItem([ticked], 'a1', { done: false, by: 'u2', at })).toEqual([open]);
    expect(markActionItem([ticked], 'nope', { done: true, by: 'u2', at })).toBeNull();
  });
});
