import { describe, expect, it } from 'vitest';
import { ACTIVE_WINDOW_MS, conversationStatus, RECENT_WINDOW_MS, STATUS_BORDER } from './status.js';

const now = new Date('2026-11-25T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const statusAt = (ms: number, aiPaused = false) =>
  conversationStatus({ aiPaused, lastActivityAt: ago(ms) }, now);

describe('conversation status border', () => {
  it('is green while the last activity is under 10 minutes old', () => {
    expect(statusAt(0)).toBe('active');
    expect(statusAt(ACTIVE_WINDOW_MS - 1)).toBe('active');
    expect(STATUS_BORDER.active).toBe('green');
  });

  it('turns yellow at exactly 10 minutes and stays yellow under 1 hour', () => {
    expect(statusAt(ACTIVE_WINDOW_MS)).toBe('recent');
    expect(statusAt(RECENT_WINDOW_MS - 1)).toBe('recent');
    expect(STATUS_BORDER.recent).toBe('yellow');
  });

  it('has no border from 1 hour on', () => {
    expect(statusAt(RECENT_WINDOW_MS)).toBe('idle');
    expect(STATUS_BORDER.idle).toBe('none');
  });

  it('is red whenever the AI is paused, however fresh or old', () => {
    expect(statusAt(0, true)).toBe('paused');
    expect(statusAt(RECENT_WINDOW_MS * 24, true)).toBe('paused');
    expect(STATUS_BORDER.paused).toBe('red');
  });

  it('accepts ISO strings as they come from the API', () => {
    expect(
      conversationStatus({ aiPaused: false, lastActivityAt: ago(1000).toISOString() }, now),
    ).toBe('active');
  });
});
