/** Request shapes of the customer-questions part of Insights. */
import { CHANNEL_KINDS } from '@parley/domain';
import { z } from 'zod';
import { commaList, isStorableDate, safeText } from '../../lib/safe-input.js';

/** A UTC calendar day, `YYYY-MM-DD`. */
export const day = () =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day like 2026-03-01')
    .refine((value) => isStorableDate(new Date(`${value}T00:00:00Z`)), 'not a valid day');

/** The filters every Insights endpoint takes (see InsightsQuery in @parley/domain). */
export const insightsFilters = {
  from: day().optional(),
  to: day().optional(),
  channel: commaList(CHANNEL_KINDS).optional(),
  assistant: z.string().uuid().optional(),
};

export const questionsQuery = z.object({
  ...insightsFilters,
  status: z.enum(['open', 'resolved', 'all']).default('open'),
});

export const groupParams = z.object({ id: z.string().uuid() });

const assistantId = z.string().uuid();

export const actionBody = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('knowledge'),
    assistantId,
    question: safeText().trim().min(1).max(1000),
    answer: safeText().trim().min(1).max(20_000),
  }),
  z.object({
    kind: z.literal('suggested_question'),
    assistantId,
    question: safeText().trim().min(1).max(200),
  }),
  z.object({
    kind: z.literal('instructions'),
    assistantId,
    line: safeText()
      .trim()
      .min(1)
      .max(1000)
      .refine((value) => !/[\r\n]/.test(value), 'one line'),
  }),
]);
