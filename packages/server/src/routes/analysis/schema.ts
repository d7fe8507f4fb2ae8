import { MAX_FAILED_ANSWERS_BEFORE_PAUSE, MAX_SAFETY_KEYWORDS, MAX_TOPICS } from '@parley/domain';
import { z } from 'zod';
import { safeText } from '../../lib/safe-input.js';

const names = (max: number) => z.array(safeText().trim().min(1).max(100)).max(max);

export const settingsBody = z
  .object({
    topics: names(MAX_TOPICS).min(1),
    safetyKeywords: names(MAX_SAFETY_KEYWORDS),
    failedAnswersBeforePause: z.number().int().min(0).max(MAX_FAILED_ANSWERS_BEFORE_PAUSE),
  })
  .partial();
