import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hasUnsafeText, isoDate, isStorableDate, safeJson, safeText } from './safe-input.js';

describe('safe text', () => {
  it('refuses NUL and unpaired surrogates, keeps emoji and everything else', () => {
    expect(hasUnsafeText('a\u0000b')).toBe(true);
    expect(hasUnsafeText('\ud800')).toBe(true);
    expect(hasUnsafeText('x\udc00')).toBe(true);
    expect(hasUnsafeText('Grüße 😀 \t\n')).toBe(false);
  });

  it('says why a value was refused and still trims and bounds', () => {
    const name = safeText().trim().min(1).max(5);
    expect(name.safeParse('ab\u0000').error?.issues[0]?.message).toBe(
      'Text must not contain NUL (U+0000) or unpaired surrogate characters.',
    );
    expect(name.parse('  ab  ')).toBe('ab');
    expect(name.safeParse('toolong').success).toBe(false);
  });

  it('checks every key and string of free-form JSON', () => {
    const connection = z.record(safeText(), safeJson());
    expect(connection.safeParse({ shop: 'a', nested: [{ deep: 'x\u0000' }] }).success).toBe(false);
    expect(connection.safeParse({ 'k\u0000': 1 }).success).toBe(false);
    expect(
      connection.safeParse({ shop: 'a', nested: [{ deep: 'x' }], n: 1, b: null }).success,
    ).toBe(true);
  });
});

describe('dates', () => {
  it('keeps dates an inbox can hold: 1970 to 9999', () => {
    expect(isStorableDate(new Date('1970-01-01T00:00:00Z'))).toBe(true);
    expect(isStorableDate(new Date('9999-12-31T23:59:59.999Z'))).toBe(true);
    expect(isStorableDate(new Date('1969-12-31T23:59:59Z'))).toBe(false);
    expect(isStorableDate(new Date('0000-01-01'))).toBe(false);
    expect(isStorableDate(new Date('+275760-09-13T00:00:00Z'))).toBe(false);
    expect(isStorableDate(new Date('not a date'))).toBe(false);
  });

  it('accepts a day or a moment with its offset, in range', () => {
    expect(isoDate().parse('2026-03-01')).toBe('2026-03-01');
    expect(isoDate().parse('2026-03-01T09:30:00+01:00')).toBe('2026-03-01T09:30:00+01:00');
    expect(isoDate().safeParse('0000-01-01').error?.issues[0]?.message).toBe(
      'Dates must be between 1970-01-01 and 9999-12-31.',
    );
    expect(isoDate().safeParse('2026-02-30').success).toBe(false);
    expect(isoDate().safeParse('yesterday').success).toBe(false);
  });
});
