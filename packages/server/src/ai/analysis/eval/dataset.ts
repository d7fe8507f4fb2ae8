/** The labeled evaluation conversations (packages/server/eval/conversations.jsonl), as analyzer input. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_TOPICS } from '@parley/domain';
import { z } from 'zod';
import type { AnalysisInput } from '../analyzer.js';

export const DATASET_PATH = fileURLToPath(
  new URL('../../../../eval/conversations.jsonl', import.meta.url),
);

const conversationSchema = z.object({
  id: z.string(),
  channelKind: z.string(),
  language: z.string(),
  subject: z.string().nullable(),
  messages: z
    .array(
      z.object({
        author: z.enum(['contact', 'assistant', 'operator', 'business']),
        text: z.string(),
      }),
    )
    .min(1),
  labels: z.object({
    frustrated: z.boolean(),
    humanRequested: z.boolean(),
    unanswered: z.array(z.string()),
    sentiment: z.enum(['negative', 'neutral', 'positive']),
    topics: z.array(z.string()).min(1),
  }),
});

export type EvalConversation = z.infer<typeof conversationSchema>;

export function loadConversations(path = DATASET_PATH): EvalConversation[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, index) => {
      const parsed = conversationSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path}:${index + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}

const START = Date.parse('2026-03-02T09:00:00Z');

export function toInput(conversation: EvalConversation): AnalysisInput {
  return {
    channelKind: conversation.channelKind,
    subject: conversation.subject,
    messages: conversation.messages.map((message, index) => ({
      id: `${conversation.id}-m${index + 1}`,
      author: message.author,
      text: message.text,
      sentAt: new Date(START + index * 60_000).toISOString(),
    })),
    topics: [...DEFAULT_TOPICS],
    previous: null,
  };
}
