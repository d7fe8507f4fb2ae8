import { z } from 'zod';
import { safeText } from '../../lib/safe-input.js';

const key = safeText().min(3).max(100);
const visitorId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,64}$/, 'visitorId must be 16–64 letters, digits, - or _');
const widgetKind = z.enum(['website_widget', 'share_link']);

export const configQuery = z.object({ key });

export const sessionBody = z.object({
  key,
  visitorId,
  channel: widgetKind.default('website_widget'),
});

export const messageBody = z.object({
  key,
  visitorId,
  conversationId: z.string().uuid().optional(),
  channel: widgetKind.default('website_widget'),
  text: z.string().min(1).max(4000),
  clientMessageId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
});

export const streamQuery = z.object({
  key,
  visitorId,
  conversationId: z.string().uuid(),
  lastEventId: z.string().optional(),
});
