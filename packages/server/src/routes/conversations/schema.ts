import { CHANNEL_KINDS } from '@parley/domain';
import { z } from 'zod';
import { commaList, isoDate, safeText } from '../../lib/safe-input.js';

const channelList = commaList(CHANNEL_KINDS);

export const listQuery = z.object({
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
  cursor: safeText().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const conversationParams = z.object({ id: z.string().uuid() });

export const replyBody = z.object({ text: z.string().min(1).max(20_000) });

export const actionItemParams = z.object({ id: z.string().uuid(), itemId: z.string().uuid() });

export const actionItemBody = z.object({ done: z.boolean() });
