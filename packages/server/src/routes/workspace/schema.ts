import {
  CHANNEL_KINDS,
  MAX_ASSISTANT_NAME_LENGTH,
  MAX_DELAY_SECONDS,
  MAX_MODEL_NAME_LENGTH,
  MAX_TEMPERATURE,
} from '@parley/domain';
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

/** Overrides of the configured model; an empty name or a missing value means the default. */
const modelSettings = z
  .object({
    name: safeText().trim().max(MAX_MODEL_NAME_LENGTH).nullable().default(null),
    temperature: z.number().min(0).max(MAX_TEMPERATURE).nullable().default(null),
  })
  .nullable();

const assistantFields = {
  name: safeText().trim().min(1).max(MAX_ASSISTANT_NAME_LENGTH),
  instructions: safeText().max(20_000),
  greeting: safeText().max(500),
  suggestedQuestions: z.array(safeText().trim().min(1).max(200)).max(10),
  allowedOrigins: z.array(origin).max(50),
  model: modelSettings,
};

export const assistantBody = z.object(assistantFields).partial();

/** A new assistant needs a name; the rest has defaults (see commands/workspaces.ts). */
export const newAssistantBody = z.object(assistantFields).partial().required({ name: true });

export const connectBody = z.object({
  kind: z.enum(CHANNEL_KINDS),
  name: safeText().trim().min(1).max(120),
  assistantId: z.string().uuid().nullable().default(null),
  // Checked per platform by the connector's own input rules.
  connection: z.record(safeText(), safeJson()).default({}),
});
