/** Runs due jobs: polls, and wakes early when another instance enqueues work. */
import type { JobRow } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { claimJobs, completeJob, failJob, JOBS_CHANNEL, rescheduleJob } from './queue.js';

/** Thrown by a handler when the work may succeed later (rate limit, network). */
export class RetryableJobError extends Error {
  override readonly name = 'RetryableJobError';
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export interface JobContext {
  job: JobRow;
  /** True when a retryable failure now would be final. */
  isLastAttempt: boolean;
}

/** A recurring job (watch renewal, polling) answers when to run again; its row is reused, so
 * its dedupe key keeps one schedule per subject. */
// biome-ignore lint/suspicious/noConfusingVoidType: one-off handlers simply return nothing
export type JobOutcome = void | { runAgainAt: Date | null };

/** How soon a recurring job runs again after a failure: it must never stop for good. */
export const RECURRING_RETRY_MS = 5 * 60_000;

/** Wraps a recurring job (polling, watch renewal) so a failure delays it instead of ending
 * the schedule: a Google outage must not stop a mailbox's sync forever. */
export function recurring(
  handler: (payload: Record<string, unknown>) => Promise<Date | null>,
  log: (message: string, error: unknown) => void,
): JobHandler {
  return async (payload, { job }) => {
    try {
      return { runAgainAt: await handler(payload) };
    } catch (error) {
      log(
        `recurring job ${job.kind} failed; retrying in ${RECURRING_RETRY_MS / 60_000} min`,
        error,
      );
      return { runAgainAt: new Date(Date.now() + RECURRING_RETRY_MS) };
    }
  };
}

export type JobHandler = (
  payload: Record<string, unknown>,
  context: JobContext,
) => Promise<JobOutcome>;

export interface JobRunnerOptions {
  pollMs?: number;
  leaseMs?: number;
  concurrency?: number;
  log?: (message: string, error?: unknown) => void;
}

export class JobRunner {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private wakeRequested = false;
  private stopped = false;
  private unlisten: (() => Promise<void>) | null = null;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly concurrency: number;
  private readonly log: (message: string, error?: unknown) => void;

  constructor(
    private readonly store: Store,
    private readonly handlers: Record<string, JobHandler>,
    options: JobRunnerOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 1000;
    // Longer than any handler runs (a model call times out after 60 s), so a live job is
    // never taken over by another instance.
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.concurrency = options.concurrency ?? 4;
    this.log = options.log ?? (() => {});
  }

  async start(): Promise<void> {
    this.unlisten = await this.store.listen(JOBS_CHANNEL, () => this.wake());
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.unlisten?.();
    while (this.running) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wakeRequested = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    void this.tick();
  }

  private async tick(): Promise<void> {
    this.running = true;
    try {
      let claimed: JobRow[];
      do {
        this.wakeRequested = false;
        claimed = await claimJobs(this.store.db, this.concurrency, this.leaseMs);
        await Promise.all(claimed.map((job) => this.run(job)));
      } while (!this.stopped && (claimed.length > 0 || this.wakeRequested));
    } catch (error) {
      this.log('job runner tick failed', error);
    } finally {
      this.running = false;
      if (!this.stopped) this.timer = setTimeout(() => this.wake(), this.pollMs);
    }
  }

  private async run(job: JobRow): Promise<void> {
    const handler = this.handlers[job.kind];
    if (!handler) {
      await failJob(this.store.db, job, `No handler for job kind ${job.kind}`, { retry: false });
      return;
    }
    try {
      const outcome = await handler(job.payload, {
        job,
        isLastAttempt: job.attempts >= job.max_attempts,
      });
      const runAgainAt = outcome ? outcome.runAgainAt : null;
      if (runAgainAt) await rescheduleJob(this.store.db, job, runAgainAt);
      else await completeJob(this.store.db, job);
    } catch (error) {
      const retryable = error instanceof RetryableJobError;
      const message = error instanceof Error ? error.message : String(error);
      if (!retryable) this.log(`job ${job.kind} ${job.id} failed`, error);
      await failJob(this.store.db, job, message, {
        retry: retryable,
        ...(retryable && error.retryAfterMs !== undefined
          ? { retryAfterMs: error.retryAfterMs }
          : {}),
      });
    }
  }
}
