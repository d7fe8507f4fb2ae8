import { describe, expect, it } from 'vitest';
import { hasNulInUrl } from './url-guard.js';

describe('NUL in the address', () => {
  it('is found encoded or raw, in the path or the query', () => {
    expect(hasNulInUrl('/c/ava%00')).toBe(true);
    expect(hasNulInUrl('/api/conversations?q=%00')).toBe(true);
    expect(hasNulInUrl('/api/widget/config?key=pk_\u0000')).toBe(true);
  });

  it('leaves everything else alone, an encoded percent sign included', () => {
    expect(hasNulInUrl('/api/conversations?q=100%25&limit=100')).toBe(false);
    expect(hasNulInUrl('/c/ava-1a2b3c?x=%2500')).toBe(false);
  });
});
