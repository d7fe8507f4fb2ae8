import { describe, expect, it } from 'vitest';
import { uuid } from './uuid.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuid', () => {
  it('uses randomUUID when the context has it', () => {
    expect(uuid({ getRandomValues: (bytes) => bytes, randomUUID: () => 'native' })).toBe('native');
  });

  it('builds a v4 id from random bytes outside secure contexts', () => {
    const id = uuid({ getRandomValues: (bytes) => bytes.fill(0xff) });
    expect(id).toMatch(UUID_V4);
  });
});
