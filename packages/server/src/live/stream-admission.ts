/**
 * Caps on open live streams: each one holds a connection, a subscription and possibly a
 * replay, so one login, API key, visitor or address may not open hundreds. Counted in this
 * instance's memory — a cap on open connections needs no coordination; behind a balancer with
 * N instances a client can hold at most N times a cap.
 */
import type { ServerResponse } from 'node:http';
import { AppError } from '../lib/errors.js';

export interface StreamCap {
  /** What is counted, e.g. `operator:<credential hash>` or `visitor-ip:<address>`. */
  key: string;
  max: number;
  /** Shown to the client when this cap is full. */
  message: string;
}

export class StreamAdmission {
  private readonly open = new Map<string, number>();

  /** Counts a stream against every cap, or refuses it (429) with the first full cap's message.
   * The stream's slots are given back when its response closes, however it ends. */
  admit(response: ServerResponse, caps: StreamCap[]): void {
    const full = caps.find((cap) => this.count(cap.key) >= cap.max);
    if (full) throw new AppError(429, 'too_many_streams', full.message);
    for (const cap of caps) this.open.set(cap.key, this.count(cap.key) + 1);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      for (const cap of caps) {
        const left = this.count(cap.key) - 1;
        if (left > 0) this.open.set(cap.key, left);
        else this.open.delete(cap.key);
      }
    };
    if (response.destroyed) release();
    else response.once('close', release);
  }

  count(key: string): number {
    return this.open.get(key) ?? 0;
  }
}
