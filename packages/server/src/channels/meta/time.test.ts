import { describe, expect, it } from 'vitest';
import { fromMetaTime } from './time.js';

describe('Meta timestamps', () => {
  it('reads messaging timestamps as milliseconds', () => {
    expect(fromMetaTime(1458692752478).toISOString()).toBe('2016-03-23T00:25:52.478Z');
  });

  it('reads feed created_time as seconds', () => {
    expect(fromMetaTime(1742667604).toISOString()).toBe('2025-03-22T18:20:04.000Z');
  });
});
