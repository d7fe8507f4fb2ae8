/**
 * The envelope every Meta webhook shares (Messenger, Instagram, Page feed): one POST carries
 * one `object` and a batch of entries, each with messaging events or field changes.
 */
import type { ChannelKind } from '@parley/domain';
import { z } from 'zod';
import { safeText } from '../../lib/safe-input.js';
import { MalformedPayloadError } from '../connector.js';

export const metaEntrySchema = z.object({
  /** The Page id or Instagram professional account id the events belong to. */
  id: safeText().min(1),
  /** When Meta sent the notification: milliseconds for messaging, seconds for feed changes. */
  time: z.number().optional(),
  messaging: z.array(z.unknown()).optional(),
  changes: z.array(z.unknown()).optional(),
});

export const metaEnvelopeSchema = z.object({
  object: z.string(),
  entry: z.array(metaEntrySchema),
});

export type MetaEntry = z.infer<typeof metaEntrySchema>;
export type MetaEnvelope = z.infer<typeof metaEnvelopeSchema>;

export type MetaChannelKind = Extract<
  ChannelKind,
  'messenger' | 'instagram_dm' | 'instagram_comment' | 'facebook_comment'
>;

/** The Meta objects Parley subscribes to, and the channel kinds that receive each. */
export const KINDS_BY_OBJECT: Record<string, readonly MetaChannelKind[]> = {
  page: ['messenger', 'facebook_comment'],
  instagram: ['instagram_dm', 'instagram_comment'],
};

export const META_KINDS: readonly MetaChannelKind[] = Object.values(KINDS_BY_OBJECT).flat();

export function readEnvelope(body: unknown): MetaEnvelope {
  const parsed = metaEnvelopeSchema.safeParse(body);
  if (!parsed.success) {
    throw new MalformedPayloadError(
      'The body is not a Meta webhook envelope ({ object, entry: [{ id, ... }] }).',
    );
  }
  return parsed.data;
}
