/** Field changes (`entry[].changes[]`): Page feed and Instagram comments arrive this way. */
import { z } from 'zod';
import type { MetaEntry, MetaEnvelope } from './envelope.js';
import type { ParsedBatch } from './parse-result.js';

const changeSchema = z.object({ field: z.string(), value: z.unknown() });

export type ChangeVisitor = (value: unknown, entry: MetaEntry) => void;

/** Calls `visit` with the value of each change to `field`; notes changes to other fields. */
export function forEachChange(
  envelope: MetaEnvelope,
  batch: ParsedBatch,
  field: string,
  visit: ChangeVisitor,
): void {
  for (const entry of envelope.entry) {
    for (const raw of entry.changes ?? []) {
      const change = changeSchema.safeParse(raw);
      if (!change.success) {
        batch.skipped.push({ reason: 'unreadable change', ids: { account: entry.id } });
      } else if (change.data.field !== field) {
        batch.skipped.push({ reason: `field "${change.data.field}"`, ids: { account: entry.id } });
      } else {
        visit(change.data.value, entry);
      }
    }
  }
}
