import { AUDIT_ACTIONS } from '@parley/domain';
import { z } from 'zod';

/** Dates PostgreSQL and JavaScript both represent; anything else is a 400, not a 500. */
export function isSupportedDate(value: string): boolean {
  const year = new Date(value).getUTCFullYear();
  return year >= 1970 && year <= 9999;
}

const date = z
  .string()
  .datetime({ offset: true })
  .or(z.string().date())
  .refine(isSupportedDate, 'a date between 1970 and 9999');

const actions = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(AUDIT_ACTIONS)));

export const auditLogQuery = z.object({
  action: actions.optional(),
  actor: z.string().uuid().optional(),
  from: date.optional(),
  to: date.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
