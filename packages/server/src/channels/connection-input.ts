/**
 * What an admin enters to connect a channel, checked by the channel's own schema and split
 * into the routing id, plain config and secrets (sealed by the caller before storage).
 */
import type { z } from 'zod';

export interface ConnectionSettings {
  externalAccountId: string;
  config: Record<string, unknown>;
  secrets: Record<string, string>;
}

export type ConnectionInputResult<T extends ConnectionSettings = ConnectionSettings> =
  | { ok: true; settings: T }
  | { ok: false; errors: { field: string; message: string }[] };

export function parseConnectionInput<S extends z.ZodType, T extends ConnectionSettings>(
  schema: S,
  input: unknown,
  toSettings: (value: z.output<S>) => T,
): ConnectionInputResult<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({
        field: issue.path.join('.'),
        message: issue.message,
      })),
    };
  }
  return { ok: true, settings: toSettings(parsed.data) };
}
