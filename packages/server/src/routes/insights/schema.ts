import { CHANNEL_KINDS } from '@parley/domain';
import { z } from 'zod';
import { dayNumber } from '../../insights/report.js';
import { commaList, isStorableDate, safeText } from '../../lib/safe-input.js';

/** The longest period one request may ask for (plus the same length before it). */
export const MAX_PERIOD_DAYS = 366;

const day = () =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Days are written YYYY-MM-DD.')
    .refine(
      (value) =>
        isStorableDate(new Date(`${value}T00:00:00Z`)) &&
        new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
      'Days must be real dates between 1970-01-01 and 9999-12-31.',
    );

const filters = {
  from: day().optional(),
  to: day().optional(),
  channel: commaList(CHANNEL_KINDS).optional(),
  assistant: z.union([z.literal(''), z.string().uuid()]).optional(),
};

function periodCheck(
  value: { from?: string | undefined; to?: string | undefined },
  ctx: z.RefinementCtx,
) {
  if (!value.from || !value.to) return;
  const length = dayNumber(value.to) - dayNumber(value.from) + 1;
  if (length < 1) ctx.addIssue({ code: 'custom', message: '`from` must not be after `to`.' });
  if (length > MAX_PERIOD_DAYS) {
    ctx.addIssue({ code: 'custom', message: `A period is at most ${MAX_PERIOD_DAYS} days.` });
  }
}

export const performanceQuery = z.object(filters).superRefine(periodCheck);

export const performanceCsvQuery = z
  .object({ ...filters, table: z.enum(['channels', 'assistants', 'daily', 'topics']) })
  .superRefine(periodCheck);

export const issuesQuery = z
  .object({
    ...filters,
    cursor: safeText().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .superRefine(periodCheck);
