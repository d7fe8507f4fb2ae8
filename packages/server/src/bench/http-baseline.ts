/** The HTTP floor for webhook figures: the same-sized POST to a route that only answers 200. */
import Fastify from 'fastify';
import { measure, type Rate } from './ingest.js';

export async function benchHttpNoop(count: number, concurrency: number): Promise<Rate> {
  const app = Fastify();
  app.post('/noop', async () => ({ ok: true }));
  const url = `${await app.listen({ port: 0, host: '127.0.0.1' })}/noop`;
  const body = JSON.stringify({
    object: 'page',
    entry: [{ id: '1', time: 0, messaging: [{ text: 'x'.repeat(300) }] }],
  });
  try {
    return await measure(
      'HTTP no-op POST (baseline)',
      count,
      async () => {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        await response.arrayBuffer();
      },
      concurrency,
    );
  } finally {
    await app.close();
  }
}
