/**
 * Work taken in turns: one piece at a time, each in a turn of the event loop of its own. Used
 * for the synchronous work an unauthenticated request can cause (parsing a large body before
 * its signature can be checked): a burst of such requests then cannot hold the event loop for
 * longer than one piece, and every other request is served in between.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

export type InTurn = <T>(work: () => T) => Promise<T>;

export function takeTurns(): InTurn {
  let previous: Promise<unknown> = Promise.resolve();
  return <T>(work: () => T): Promise<T> => {
    const mine = previous.then(() => nextTurn()).then(work);
    previous = mine.catch(() => undefined);
    return mine;
  };
}
