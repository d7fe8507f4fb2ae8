/** Serves a LiveHub subscription as Server-Sent Events on a Fastify reply. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StoredEvent } from '../store/events.js';
import type { LiveHub, SubscriptionOptions } from './hub.js';

const PING_MS = 15_000;

/** The resume cursor: `Last-Event-ID` (EventSource reconnects) or `?lastEventId=`. */
export function resumeCursor(request: FastifyRequest): number | null {
  const header = request.headers['last-event-id'];
  const query = (request.query as Record<string, string | undefined>).lastEventId;
  const raw = (Array.isArray(header) ? header[0] : header) ?? query;
  if (raw === undefined || raw === '') return null;
  const value = Number(raw);
  return Number.isSafeInteger(value) && value >= 0 ? value : null;
}

export function streamEvents(
  request: FastifyRequest,
  reply: FastifyReply,
  hub: LiveHub,
  options: Omit<SubscriptionOptions, 'deliver'> & {
    present?: (event: StoredEvent) => unknown;
    /** Checked at every ping: a stream ends when its session ends (logout, revoked key). */
    stillAllowed?: () => Promise<boolean>;
    pingMs?: number;
  },
): void {
  reply.hijack();
  const response = reply.raw;
  // The client may have gone while the route awaited its checks: subscribing now would leak.
  if (request.raw.destroyed || response.destroyed) return;
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  // Tells EventSource how long to wait before reconnecting.
  response.write('retry: 2000\n\n');
  const unsubscribe = hub.subscribe({
    ...options,
    deliver(event) {
      const data = options.present ? options.present(event) : event.payload;
      response.write(`id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(data)}\n\n`);
    },
  });
  const ping = setInterval(() => {
    const check = options.stillAllowed?.() ?? Promise.resolve(true);
    check.then(
      (allowed) => (allowed ? response.write(': ping\n\n') : response.end()),
      () => response.write(': ping\n\n'),
    );
  }, options.pingMs ?? PING_MS);
  response.once('close', () => {
    clearInterval(ping);
    unsubscribe();
  });
}
