/** The assistant form: its draft, checks that mirror the server's limits, and the PATCH body. */
import type { Assistant, AssistantChanges } from '../api';
import type { FieldNames } from './server-errors';

export const MAX_SUGGESTED_QUESTIONS = 10;
export const LIMITS = {
  name: 80,
  greeting: 500,
  instructions: 20_000,
  question: 200,
  origins: 50,
} as const;

export interface AssistantDraft {
  name: string;
  greeting: string;
  instructions: string;
  /** List editors keep empty rows while typing; they are dropped when saving. */
  suggestedQuestions: string[];
  allowedOrigins: string[];
}

export type AssistantField = keyof AssistantDraft;
export type AssistantErrors = Partial<Record<AssistantField, string>>;

export const ASSISTANT_FIELD_NAMES: FieldNames<AssistantField>[] = [
  { field: 'name', names: ['name'] },
  { field: 'greeting', names: ['greeting'] },
  { field: 'instructions', names: ['instructions'] },
  { field: 'suggestedQuestions', names: ['suggestedQuestions'] },
  { field: 'allowedOrigins', names: ['allowedOrigins', 'origin'] },
];

export function assistantDraftOf(assistant: Assistant): AssistantDraft {
  return {
    name: assistant.name,
    greeting: assistant.greeting,
    instructions: assistant.instructions,
    suggestedQuestions: assistant.suggestedQuestions,
    allowedOrigins: assistant.allowedOrigins,
  };
}

const filled = (items: string[]) => items.map((item) => item.trim()).filter((item) => item !== '');

/** "https://shop.example/" is what people paste; the origin has no trailing slash. */
export function normalizeOrigin(value: string): string {
  return value.trim().replace(/\/+$/, '');
}

/** An origin is scheme and host (and port), like the browser's `Origin` header; `*` is any site. */
export function isOrigin(value: string): boolean {
  return value === '*' || /^https?:\/\/[^/\s]+$/.test(value);
}

export function validateAssistantDraft(draft: AssistantDraft): AssistantErrors {
  const errors: AssistantErrors = {};
  const name = draft.name.trim();
  if (name === '') errors.name = 'Give the assistant a name.';
  else if (name.length > LIMITS.name)
    errors.name = `Keep the name under ${LIMITS.name} characters.`;
  if (draft.greeting.length > LIMITS.greeting) {
    errors.greeting = `Keep the greeting under ${LIMITS.greeting} characters.`;
  }
  if (draft.instructions.length > LIMITS.instructions) {
    errors.instructions = `Keep the instructions under ${LIMITS.instructions} characters.`;
  }
  const questions = filled(draft.suggestedQuestions);
  if (questions.length > MAX_SUGGESTED_QUESTIONS) {
    errors.suggestedQuestions = `Offer at most ${MAX_SUGGESTED_QUESTIONS} questions.`;
  } else if (questions.some((question) => question.length > LIMITS.question)) {
    errors.suggestedQuestions = `Keep each question under ${LIMITS.question} characters.`;
  }
  const origins = filled(draft.allowedOrigins).map(normalizeOrigin);
  const wrong = origins.find((origin) => !isOrigin(origin));
  if (wrong !== undefined) {
    errors.allowedOrigins = `“${wrong}” is not an origin. Use one like https://shop.example, or * for any site.`;
  } else if (origins.length > LIMITS.origins) {
    errors.allowedOrigins = `List at most ${LIMITS.origins} origins.`;
  }
  return errors;
}

/** The request body for a draft that passed validation. */
export function assistantChanges(draft: AssistantDraft): AssistantChanges {
  return {
    name: draft.name.trim(),
    greeting: draft.greeting,
    instructions: draft.instructions,
    suggestedQuestions: [...new Set(filled(draft.suggestedQuestions))],
    allowedOrigins: [...new Set(filled(draft.allowedOrigins).map(normalizeOrigin))],
  };
}
