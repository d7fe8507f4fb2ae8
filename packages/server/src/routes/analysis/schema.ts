import { MAX_FAILED_ANSWERS_BEFORE_PAUSE, MAX_SAFETY_KEYWORDS, MAX_TOPICS } from '@parley/domain';
import { z } from 'zod';

const names = (max: number) => z.array(z.string().trim().min(1).max(100)).max(max);

export const settingsBody = z
  .object({
    topics: names(MAX_TOPICS).min(1),
    safetyKeywords: names(MAX_SAFETY_KEYWORDS),
    failedAnswersBeforePause: z.number().int().min(0).max(MAX_FAILED_ANSWERS_BEFORE_PAUSE),
  })
  .partial();
