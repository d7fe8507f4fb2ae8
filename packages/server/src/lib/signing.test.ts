import { describe, expect, it } from 'vitest';
import { findSigningSecret } from './signing.js';

describe('finding the secret that signed a request', () => {
  it('answers the matching secret, trying each distinct secret once', () => {
    const tried: string[] = [];
    const signer = findSigningSecret(['a', 'b', 'a', undefined, '', 'c'], (secret) => {
      tried.push(secret);
      return secret === 'b';
    });
    expect(signer).toBe('b');
    expect(tried).toEqual(['a', 'b']);
  });

  it('answers null when no secret matches, having tried them all once', () => {
    const tried: string[] = [];
    expect(findSigningSecret(['a', 'a', 'b'], (secret) => tried.push(secret) < 0)).toBeNull();
    expect(tried).toEqual(['a', 'b']);
  });

  it('still runs one check when there is no candidate, so unknown accounts cost the same', () => {
    const tried: string[] = [];
    const signer = findSigningSecret([], (secret) => {
      tried.push(secret);
      return true;
    });
    expect(signer).toBeNull();
    expect(tried).toHaveLength(1);
    expect(tried[0]).toMatch(/^[0-9a-f]{64}$/);
  });
});
