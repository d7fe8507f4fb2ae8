import { createServer, type ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { AppError } from '../lib/errors.js';
import { StreamAdmission } from './stream-admission.js';

/** A real response of a real request, ended (`close`) or abandoned by the client on demand. */
async function withResponses(count: number, run: (responses: ServerResponse[]) => Promise<void>) {
  const responses: ServerResponse[] = [];
  let arrived = () => {};
  const all = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  const server = createServer((_request, response) => {
    responses.push(response);
    if (responses.length === count) arrived();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const aborts = Array.from({ length: count }, () => new AbortController());
  const requests = aborts.map((abort) =>
    fetch(`http://127.0.0.1:${port}/`, { signal: abort.signal }).catch(() => undefined),
  );
  await all;
  try {
    await run(responses);
  } finally {
    for (const abort of aborts) abort.abort();
    await Promise.all(requests);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('stream admission', () => {
  const cap = (key: string, max: number) => ({ key, max, message: `${key} is full` });

  it('refuses a stream past any of its caps with a 429, and gives slots back on close', async () => {
    await withResponses(3, async ([a, b, c]) => {
      if (!a || !b || !c) throw new Error('responses missing');
      const admission = new StreamAdmission();
      admission.admit(a, [cap('login', 2), cap('address', 5)]);
      admission.admit(b, [cap('login', 2), cap('address', 5)]);
      let refusal: unknown;
      try {
        admission.admit(c, [cap('login', 2), cap('address', 5)]);
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(AppError);
      expect(refusal).toMatchObject({
        status: 429,
        code: 'too_many_streams',
        message: 'login is full',
      });
      // A refused stream took no slot anywhere.
      expect(admission.count('address')).toBe(2);
      a.end();
      await expect.poll(() => admission.count('login')).toBe(1);
      admission.admit(c, [cap('login', 2), cap('address', 5)]);
      expect(admission.count('login')).toBe(2);
    });
  });

  it('frees the slot of a client that hung up before the stream was admitted', async () => {
    await withResponses(1, async ([response]) => {
      if (!response) throw new Error('response missing');
      const admission = new StreamAdmission();
      response.destroy();
      admission.admit(response, [cap('login', 1)]);
      expect(admission.count('login')).toBe(0);
    });
  });
});
