/** Messaging attachments (`{ type, payload: { url } }`) as Parley attachments. */
import type { Attachment, AttachmentType } from '@parley/domain';
import { z } from 'zod';

export const rawAttachmentSchema = z.object({
  type: z.string(),
  /** Absent or null for some fallbacks and unsupported shares. */
  payload: z.object({ url: z.string().optional(), title: z.string().optional() }).nullish(),
  /** Fallback (link share) attachments carry their link and title at the top level. */
  url: z.string().optional(),
  title: z.string().optional(),
});

export type RawAttachment = z.infer<typeof rawAttachmentSchema>;

const TYPES: Record<string, AttachmentType> = {
  image: 'image',
  // Stickers are images; Meta now also sends a `sticker` type for them.
  sticker: 'image',
  video: 'video',
  audio: 'audio',
  file: 'file',
  share: 'share',
  reel: 'share',
  ig_reel: 'share',
  post: 'share',
  ig_post: 'share',
  story_mention: 'story',
  fallback: 'link',
};

/** Null for types that have no Parley equivalent (templates, bookings, products). */
export function toAttachment(raw: RawAttachment): Attachment | null {
  const type = TYPES[raw.type];
  if (!type) return null;
  const url = raw.payload?.url ?? raw.url;
  const name = raw.payload?.title ?? raw.title;
  return { type, ...(url ? { url } : {}), ...(name ? { name } : {}) };
}
