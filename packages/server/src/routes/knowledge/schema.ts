/** Request shapes of the knowledge base routes. */
import { z } from 'zod';
import { safeText } from '../../lib/safe-input.js';

export const MAX_ARTICLE_CHARS = 200_000;
/** Base64 of the 5 MB file limit, with room for the JSON around it. */
export const UPLOAD_BODY_LIMIT = 7 * 1024 * 1024 + 64 * 1024;

const assistantId = z.string().uuid().nullable().optional();
const title = safeText().trim().min(1).max(200);

export const sourceParams = z.object({ id: z.string().uuid() });
export const listQuery = z.object({ assistantId: z.string().uuid().optional() });

export const articleBody = z.object({
  kind: z.literal('article'),
  assistantId,
  title,
  body: safeText().trim().min(1).max(MAX_ARTICLE_CHARS),
});

export const qaBody = z.object({
  kind: z.literal('qa'),
  assistantId,
  question: safeText().trim().min(1).max(1000),
  answer: safeText().trim().min(1).max(20_000),
});

export const createBody = z.discriminatedUnion('kind', [articleBody, qaBody]);

export const updateBody = z.object({
  title: title.optional(),
  body: safeText().trim().min(1).max(MAX_ARTICLE_CHARS).optional(),
  question: safeText().trim().min(1).max(1000).optional(),
  answer: safeText().trim().min(1).max(20_000).optional(),
  assistantId,
});

export const uploadBody = z.object({
  assistantId,
  fileName: safeText().trim().min(1).max(255),
  mimeType: safeText().max(255).optional(),
  contentBase64: z
    .string()
    .max(UPLOAD_BODY_LIMIT)
    .regex(/^[A-Za-z0-9+/=\s]*$/, 'Not base64.'),
});

export const urlBody = z.object({
  assistantId,
  url: safeText().trim().min(1).max(2000),
  title: title.optional(),
});

export const tryBody = z.object({
  assistantId: z.string().uuid(),
  question: safeText().trim().min(1).max(2000),
});
