import { describe, expect, it } from 'vitest';
import { calendarDate, fileSize, relativeTime, safeHttpUrl } from './format';

describe('relativeTime', () => {
  const now = new Date('2026-01-10T12:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();

  it('speaks in minutes, hours and days', () => {
    expect(relativeTime(ago(20_000), now)).toBe('just now');
    expect(relativeTime(ago(5 * 60_000), now)).toBe('5 min ago');
    expect(relativeTime(ago(2 * 3_600_000 + 60_000), now)).toBe('2 h ago');
    expect(relativeTime(ago(3 * 86_400_000), now)).toBe('3 d ago');
  });

  it('treats a clock slightly ahead of ours as just now', () => {
    expect(relativeTime(ago(-5_000), now)).toBe('just now');
  });
});

describe('safeHttpUrl', () => {
  it('links only plain web addresses', () => {
    expect(safeHttpUrl('https://example.com/a.png')).toBe('https://example.com/a.png');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,hi')).toBeNull();
    expect(safeHttpUrl('not a url')).toBeNull();
    expect(safeHttpUrl(undefined)).toBeNull();
  });
});

describe('fileSize', () => {
  it('reads like a file manager', () => {
    expect(fileSize(0)).toBe('0 B');
    expect(fileSize(840)).toBe('840 B');
    expect(fileSize(1536)).toBe('1.5 KB');
    expect(fileSize(245_760)).toBe('240 KB');
    expect(fileSize(3_565_158)).toBe('3.4 MB');
    expect(fileSize(5 * 1024 ** 3)).toBe('5 GB');
  });

  it('moves to the next unit rather than show 1024 of one', () => {
    expect(fileSize(1_048_500)).toBe('1 MB');
  });

  it('shows nothing for a size that makes no sense', () => {
    expect(fileSize(-1)).toBe('');
    expect(fileSize(Number.NaN)).toBe('');
  });
});

describe('calendarDate', () => {
  it('names the day without the time', () => {
    const text = calendarDate('2026-01-10T12:00:00Z');
    expect(text).toContain('2026');
    expect(text).not.toMatch(/12:00/);
  });
});
