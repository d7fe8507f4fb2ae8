import { CHANNEL_KINDS } from '@parley/domain';
import { z } from 'zod';
import { HANDOVER_TRIGGERS } from '../../insights/rollup.js';
import { commaList, isoDate, isStorableDate, safeText } from '../../lib/safe-input.js';

const channelList = commaList(CHANNEL_KINDS);

/** A UTC calendar day, as Insights counts conversations by the day they started. */
const utcDay = () =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Days are written YYYY-MM-DD.')
    .refine((value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return isStorableDate(date) && date.toISOString().startsWith(value);
    }, 'Days must be real dates between 1970-01-01 and 9999-12-31.');

/** The inbox's filters, shared by the list and its CSV export. */
export const inboxFilterQuery = z.object({
  channel: channelList.optional(),
  assistant: z.string().uuid().optional(),
  status: z.enum(['active', 'recent', 'idle', 'paused']).optional(),
  unread: z.enum(['true', 'false']).optional(),
  from: isoDate().optional(),
  to: isoDate().optional(),
  q: safeText().max(200).optional(),
  sentiment: z.enum(['negative', 'neutral', 'positive']).optional(),
  frustrated: z.enum(['true', 'false']).optional(),
  humanRequested: z.enum(['true', 'false']).optional(),
  hasUnanswered: z.enum(['true', 'false']).optional(),
  hasOpenActionItems: z.enum(['true', 'false']).optional(),
  topic: safeText().trim().min(1).max(100).optional(),
  /** Conversations that asked one of this group's unanswered questions (Insights drill-down). */
  questionGroup: z.string().uuid().optional(),
  startedFrom: utcDay().optional(),
  startedTo: utcDay().optional(),
  outcome: z.enum(['ai_only', 'handed_over']).optional(),
  handover: z.enum(HANDOVER_TRIGGERS).optional(),
});

export const listQuery = inboxFilterQuery.extend({
  cursor: safeText().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const conversationParams = z.object({ id: z.string().uuid() });

export const replyBody = z.object({ text: z.string().min(1).max(20_000) });

export const actionItemParams = z.object({ id: z.string().uuid(), itemId: z.string().uuid() });

export const actionItemBody = z.object({ done: z.boolean() });
