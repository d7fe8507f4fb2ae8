/** Request shapes of Insights → quality review. */
import { z } from 'zod';
import { safeText } from '../../lib/safe-input.js';
import { insightsFilters } from '../insights-questions/schema.js';

export const reviewQuery = z.object(insightsFilters);

export const answerParams = z.object({ messageId: z.string().uuid() });

export const ratingBody = z.object({
  verdict: z.enum(['good', 'bad']),
  note: safeText().trim().max(2000).default(''),
});
