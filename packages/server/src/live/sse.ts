/** Serves a LiveHub subscription as Server-Sent Events on a Fastify reply. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { latestSeq, type StoredEvent } from '../store/events.js';
import type { Db } from '../store/store.js';
import type { LiveHub, SubscriptionOptions } from './hub.js';

const PING_MS = 15_000;

/** A resume further back than this is not replayed: the client reloads its state instead. */
export const MAX_REPLAY_EVENTS = 500;

/** The raw resume position: `Last-Event-ID` (EventSource reconnects) or `?lastEventId=`. */
export function resumeToken(request: FastifyRequest): string | null {
  const header = request.headers['last-event-id'];
  const query = (request.query as Record<string, string | undefined>).lastEventId;
  const raw = (Array.isArray(header) ? header[0] : header) ?? query;
  return raw === undefined || raw === '' ? null : raw;
}

/** The resume position as a workspace sequence number (operators see those as event ids). */
export function resumeCursor(request: FastifyRequest): number | null {
  const raw = resumeToken(request);
  if (raw === null) return null;
  const value = Number(raw);
  return Number.isSafeInteger(value) && value >= 0 ? value : null;
}

export interface StreamStart {
  afterSeq: number;
  /** The client's cursor was not replayed: it must reload what it shows. */
  resync: boolean;
}

/**
 * Where a stream starts: a first connection starts now; a reconnection resumes after what it
 * saw, unless that would replay more than MAX_REPLAY_EVENTS of the workspace (or the cursor is
 * from the future): then it starts now and tells the client to reload, so a stale cursor —
 * or a hundred of them — cannot make the server read and send weeks of events.
 */
export async function streamStart(
  db: Db,
  workspaceId: string,
  resumeFrom: number | null,
): Promise<StreamStart> {
  const latest = await latestSeq(db, workspaceId);
  if (resumeFrom === null) return { afterSeq: latest, resync: false };
  if (resumeFrom > latest || latest - resumeFrom > MAX_REPLAY_EVENTS) {
    return { afterSeq: latest, resync: true };
  }
  return { afterSeq: resumeFrom, resync: false };
}

export function streamEvents(
  request: FastifyRequest,
  reply: FastifyReply,
  hub: LiveHub,
  options: Omit<SubscriptionOptions, 'deliver'> & {
    /** Sends a `resync` event first: the client's cursor was not replayed. */
    resync?: boolean;
    present?: (event: StoredEvent) => unknown;
    /** The `id:` the client gets for a sequence number (visitors get an opaque one). */
    eventId?: (seq: number) => string;
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
  const idOf = options.eventId ?? String;
  // Tells EventSource how long to wait before reconnecting.
  response.write('retry: 2000\n\n');
  if (options.resync) {
    // Carries the new position, so a reconnection after it resumes from here.
    response.write(`id: ${idOf(options.afterSeq)}\nevent: resync\ndata: {}\n\n`);
  }
  const unsubscribe = hub.subscribe({
    ...options,
    deliver(event) {
      const data = options.present ? options.present(event) : event.payload;
      response.write(
        `id: ${idOf(event.seq)}\nevent: ${event.type}\ndata: ${JSON.stringify(data)}\n\n`,
      );
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
