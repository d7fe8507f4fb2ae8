/** CSV downloads (insights tables, the inbox export), streamed as they are produced. */
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { CSV_START } from '../insights/csv.js';

/** Sends CSV lines as a download, streamed as they are produced. */
export function sendCsv(
  reply: FastifyReply,
  fileName: string,
  lines: Iterable<string> | AsyncIterable<string>,
) {
  async function* withStart() {
    yield CSV_START;
    yield* lines;
  }
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'no-store')
    .send(Readable.from(withStart()));
}
