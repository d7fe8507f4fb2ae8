import { describe, expect, it } from 'vitest';
import { takeTurns } from './turns.js';

describe('work taken in turns', () => {
  it('runs one piece at a time, in order, letting other callbacks run in between', async () => {
    const inTurn = takeTurns();
    const log: string[] = [];
    const pieces = [1, 2, 3].map((n) =>
      inTurn(() => {
        log.push(`work ${n}`);
        // Something else waiting on the event loop meanwhile gets its turn before the next piece.
        setImmediate(() => log.push(`other after ${n}`));
        return n * 10;
      }),
    );
    expect(await Promise.all(pieces)).toEqual([10, 20, 30]);
    expect(log.slice(0, 4)).toEqual(['work 1', 'other after 1', 'work 2', 'other after 2']);
  });

  it('keeps going after a piece throws', async () => {
    const inTurn = takeTurns();
    const failed = inTurn(() => {
      throw new Error('bad body');
    });
    await expect(failed).rejects.toThrow('bad body');
    expect(await inTurn(() => 'next')).toBe('next');
  });
});
