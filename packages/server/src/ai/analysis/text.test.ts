import { describe, expect, it } from 'vitest';
import { unstretch } from './text.js';

describe('unstretch', () => {
  it.each([
    ['yesss', 'yes'],
    ['soooo nice', 'so nice'],
    ['goood', 'good'],
    ['niiice', 'nice'],
    ['Thxxx!!', 'Thx!!'],
    ['cool and sweet', 'cool and sweet'],
  ])('%s → %s', (text, expected) => {
    expect(unstretch(text)).toBe(expected);
  });
});
