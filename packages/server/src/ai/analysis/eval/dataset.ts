/**
 * The labeled evaluation conversations, as analyzer input: packages/server/eval/conversations.jsonl
 * (the default set) or another named set beside it, such as heldout.jsonl.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_TOPICS } from '@parley/domain';
import { z } from 'zod';
import type { AnalysisInput } from '../analyzer.js';

export const DATASET_PATH = fileURLToPath(
  new URL('../../../../eval/conversations.jsonl', import.meta.url),
);

/** The named sets in packages/server/eval/: `default` is conversations.jsonl. */
export const DATASET_SETS = ['default', 'heldout'] as const;
export type DatasetSet = (typeof DATASET_SETS)[number];

export function datasetPath(set: DatasetSet = 'default'): string {
  if (set === 'default') return DATASET_PATH;
  return fileURLToPath(new URL(`../../../../eval/${set}.jsonl`, import.meta.url));
}

/** `--set NAME` / `--set=NAME` among the arguments, else PARLEY_EVAL_SET, else the default set. */
export function datasetSetFrom(argv: string[], env: NodeJS.ProcessEnv = process.env): DatasetSet {
  let name: string | undefined = env.PARLEY_EVAL_SET;
  for (const [index, arg] of argv.entries()) {
    if (arg === '--set') name = argv[index + 1];
    else if (arg.startsWith('--set=')) name = arg.slice('--set='.length);
  }
  if (name === undefined || name === '') return 'default';
  const set = DATASET_SETS.find((known) => known === name);
  if (!set) throw new Error(`unknown eval set "${name}" (known: ${DATASET_SETS.join(', ')})`);
  return set;
}

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
