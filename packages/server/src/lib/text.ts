/**
 * PostgreSQL cannot store U+0000 in text or jsonb. Platforms (and attackers) can send it, so
 * it is removed at the boundary instead of failing a whole webhook batch.
 */

const NUL = '\u0000';

export function withoutNul<T>(value: T): T {
  if (typeof value === 'string') return value.replaceAll(NUL, '') as T;
  if (Array.isArray(value)) return value.map((item) => withoutNul(item)) as T;
  if (value instanceof Date || value === null || typeof value !== 'object') return value;
  const cleaned: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value))
    cleaned[key.replaceAll(NUL, '')] = withoutNul(item);
  return cleaned as T;
}
