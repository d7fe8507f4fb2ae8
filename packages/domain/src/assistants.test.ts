import { describe, expect, it } from 'vitest';
import { copyName, MAX_ASSISTANT_NAME_LENGTH } from './assistants.js';

describe('the name of a duplicated assistant', () => {
  it('is the original with "(copy)"', () => {
    expect(copyName('Ava', ['Ava'])).toBe('Ava (copy)');
  });

  it('counts on when that name is taken', () => {
    expect(copyName('Ava', ['Ava', 'Ava (copy)'])).toBe('Ava (copy 2)');
    expect(copyName('Ava', ['Ava', 'Ava (copy)', 'Ava (copy 2)'])).toBe('Ava (copy 3)');
  });

  it('stays within the length limit by shortening the original', () => {
    const long = 'x'.repeat(MAX_ASSISTANT_NAME_LENGTH);
    const copy = copyName(long, [long]);
    expect(copy).toHaveLength(MAX_ASSISTANT_NAME_LENGTH);
    expect(copy.endsWith(' (copy)')).toBe(true);
  });
});
