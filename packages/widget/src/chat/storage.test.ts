import { describe, expect, it } from 'vitest';
import { safeStorage } from './storage.js';

describe('safeStorage', () => {
  it('keeps values in memory when web storage is unavailable', () => {
    const store = safeStorage(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    store.setItem('a', '1');
    expect(store.getItem('a')).toBe('1');
  });
});
