import { describe, expect, it } from 'vitest';
import { safeLinkUrl } from './safe-url.js';

describe('safeLinkUrl', () => {
  it('allows web links only', () => {
    expect(safeLinkUrl('https://shop.test/a.pdf')).toBe('https://shop.test/a.pdf');
    expect(safeLinkUrl('javascript:alert(1)')).toBeNull();
    expect(safeLinkUrl('data:text/html,hi')).toBeNull();
    expect(safeLinkUrl('/relative')).toBeNull();
    expect(safeLinkUrl(undefined)).toBeNull();
  });
});
