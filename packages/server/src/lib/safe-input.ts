/**
 * Request values PostgreSQL can store, checked at the boundary so a bad value is a 400 with a
 * clear message and never a database error (a 500). PostgreSQL rejects U+0000 in text and
 * jsonb, and timestamps JavaScript accepts (year 0, year 275760) are outside its range.
 */
import { z } from 'zod';

/** With the u flag only half of a pair matches (it would be stored as U+FFFD, silently). */
const UNPAIRED_SURROGATE = /\p{Cs}/u;

export const UNSAFE_TEXT_MESSAGE =
  'Text must not contain NUL (U+0000) or unpaired surrogate characters.';

export function hasUnsafeText(value: string): boolean {
  return value.includes('\u0000') || UNPAIRED_SURROGATE.test(value);
}

/** A string without NUL or unpaired surrogates; chain `.trim()`, `.min()`, `.max()` as usual. */
export const safeText = () =>
  z.string().refine((value) => !hasUnsafeText(value), UNSAFE_TEXT_MESSAGE);

function containsUnsafeText(value: unknown): boolean {
  if (typeof value === 'string') return hasUnsafeText(value);
  if (Array.isArray(value)) return value.some(containsUnsafeText);
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(
    ([key, item]) => hasUnsafeText(key) || containsUnsafeText(item),
  );
}

/** Free-form JSON (checked further elsewhere) whose keys and strings are all safe text. */
export const safeJson = () =>
  z.unknown().refine((value) => !containsUnsafeText(value), UNSAFE_TEXT_MESSAGE);

const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Inside 1970..9999: what an inbox can hold, and well inside PostgreSQL's timestamp range. */
export function isStorableDate(date: Date): boolean {
  const time = date.getTime();
  return time >= EARLIEST && time <= LATEST;
}

/** `2026-03-01` or `2026-03-01T09:30:00+01:00`, between 1970 and 9999. */
export const isoDate = () =>
  z
    .string()
    .datetime({ offset: true })
    .or(z.string().date())
    .refine(
      (value) => isStorableDate(new Date(value)),
      'Dates must be between 1970-01-01 and 9999-12-31.',
    );

/** A bare date as the upper bound of a range means "through the end of that day". */
export function endOfDayIfDate(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T23:59:59.999Z`) : new Date(value);
}

/** `a,b,c` in a query string, each one of `values`. */
export const commaList = <const T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)));
