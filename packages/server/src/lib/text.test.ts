import { describe, expect, it } from 'vitest';
import { withoutNul } from './text.js';

describe('withoutNul', () => {
  it('removes NUL characters from strings, nested objects and arrays, keeping dates', () => {
    const sentAt = new Date('2026-11-25T12:00:00Z');
    expect(
      withoutNul({
        text: 'a\u0000b',
        sentAt,
        list: ['\u0000x'],
        nested: { 'k\u0000': 'v\u0000' },
        n: 1,
      }),
    ).toEqual({ text: 'ab', sentAt, list: ['x'], nested: { k: 'v' }, n: 1 });
  });
});
