/** Takes one attempt from an account's allowance, or answers 429 with Retry-After while it is
 * locked after failed attempts. The attempt counts as failed until `clearFailures`. */
import type { FastifyReply } from 'fastify';
import type { Context } from '../../context.js';
import { AppError } from '../../lib/errors.js';
import { claimAttempt } from '../../store/login-throttle.js';

export async function takeAttempt(ctx: Context, reply: FastifyReply, key: string): Promise<void> {
  const waitMs = await claimAttempt(ctx.db, key, ctx.now());
  if (waitMs === 0) return;
  const seconds = Math.ceil(waitMs / 1000);
  const minutes = Math.ceil(seconds / 60);
  reply.header('retry-after', String(seconds));
  throw new AppError(
    429,
    'too_many_attempts',
    `Too many failed attempts for this account. Try again in ${minutes === 1 ? 'a minute' : `${minutes} minutes`}.`,
  );
}
