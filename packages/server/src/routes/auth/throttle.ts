/** Answers 429 with Retry-After while an account is locked after failed attempts. */
import type { FastifyReply } from 'fastify';
import type { Context } from '../../context.js';
import { AppError } from '../../lib/errors.js';
import { lockedForMs } from '../../store/login-throttle.js';

export async function assertNotThrottled(
  ctx: Context,
  reply: FastifyReply,
  key: string,
): Promise<void> {
  const waitMs = await lockedForMs(ctx.db, key, ctx.now());
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
