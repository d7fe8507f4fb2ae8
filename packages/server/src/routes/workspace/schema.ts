import { CHANNEL_KINDS, MAX_DELAY_SECONDS } from '@parley/domain';
import { z } from 'zod';
import { safeJson, safeText } from '../../lib/safe-input.js';

export const idParams = z.object({ id: z.string().uuid() });

const seconds = z.number().int().min(0).max(MAX_DELAY_SECONDS);
const words = z.array(safeText().trim().min(1).max(100)).max(50);

export const rulesBody = z
  .object({
    autoReply: z.boolean(),
    delayMinSeconds: seconds,
    delayMaxSeconds: seconds,
    questionsOnly: z.boolean(),
    keywords: words,
    subjectKeywords: words,
    autoPause: z.boolean(),
    assistantId: z.string().uuid().nullable(),
  })
  .partial()
  .refine(
    (rules) =>
      rules.delayMinSeconds === undefined ||
      rules.delayMaxSeconds === undefined ||
      rules.delayMinSeconds <= rules.delayMaxSeconds,
    { message: 'delayMinSeconds must not exceed delayMaxSeconds' },
  );

const origin = safeText()
  .trim()
  .refine(
    (value) => value === '*' || /^https?:\/\/[^/\s]+$/.test(value),
    'an origin like https://shop.example',
  );

export const assistantBody = z
  .object({
    name: safeText().trim().min(1).max(80),
    instructions: safeText().max(20_000),
    greeting: safeText().max(500),
    suggestedQuestions: z.array(safeText().trim().min(1).max(200)).max(10),
    allowedOrigins: z.array(origin).max(50),
  })
  .partial();

export const connectBody = z.object({
  kind: z.enum(CHANNEL_KINDS),
  name: safeText().trim().min(1).max(120),
  assistantId: z.string().uuid().nullable().default(null),
  // Checked per platform by the connector's own input rules.
  connection: z.record(safeText(), safeJson()).default({}),
});
