/** The assistant forms: the edit draft, checks that mirror the server's limits, the PATCH
 * body, the new-assistant form, and the settings list kept in the server's order. */
import { MAX_ASSISTANT_NAME_LENGTH, MAX_MODEL_NAME_LENGTH, MAX_TEMPERATURE } from '@parley/domain';
import type { Assistant, AssistantChanges, NewAssistant } from '../api';
import type { FieldNames } from './server-errors';

export const MAX_SUGGESTED_QUESTIONS = 10;
export const LIMITS = {
  name: MAX_ASSISTANT_NAME_LENGTH,
  greeting: 500,
  instructions: 20_000,
  question: 200,
  origins: 50,
  modelName: MAX_MODEL_NAME_LENGTH,
} as const;

export interface AssistantDraft {
  name: string;
  greeting: string;
  instructions: string;
  /** List editors keep empty rows while typing; they are dropped when saving. */
  suggestedQuestions: string[];
  allowedOrigins: string[];
  /** Empty: the server's configured model. */
  modelName: string;
  /** As typed; empty: the model's default temperature. */
  temperature: string;
}

export type AssistantField = keyof AssistantDraft;
export type AssistantErrors = Partial<Record<AssistantField, string>>;

export const ASSISTANT_FIELD_NAMES: FieldNames<AssistantField>[] = [
  { field: 'name', names: ['name'] },
  { field: 'greeting', names: ['greeting'] },
  { field: 'instructions', names: ['instructions'] },
  { field: 'suggestedQuestions', names: ['suggestedQuestions'] },
  { field: 'allowedOrigins', names: ['allowedOrigins', 'origin'] },
  { field: 'modelName', names: ['model.name'] },
  { field: 'temperature', names: ['model.temperature', 'temperature'] },
];

export function assistantDraftOf(assistant: Assistant): AssistantDraft {
  return {
    name: assistant.name,
    greeting: assistant.greeting,
    instructions: assistant.instructions,
    suggestedQuestions: assistant.suggestedQuestions,
    allowedOrigins: assistant.allowedOrigins,
    modelName: assistant.model?.name ?? '',
    temperature:
      assistant.model?.temperature === null || assistant.model?.temperature === undefined
        ? ''
        : String(assistant.model.temperature),
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

function nameError(value: string): string | undefined {
  const name = value.trim();
  if (name === '') return 'Give the assistant a name.';
  if (name.length > LIMITS.name) return `Keep the name under ${LIMITS.name} characters.`;
  return undefined;
}

/** "0.7" or "0,7" (as some keyboards type it); null for an empty field or not a number. */
export function parseTemperature(value: string): number | null {
  const text = value.trim().replace(',', '.');
  if (text === '' || !/^\d*\.?\d+$|^\d+\.$/.test(text)) return null;
  return Number(text);
}

export function validateAssistantDraft(draft: AssistantDraft): AssistantErrors {
  const errors: AssistantErrors = {};
  const name = nameError(draft.name);
  if (name) errors.name = name;
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
  if (draft.modelName.trim().length > LIMITS.modelName) {
    errors.modelName = `Keep the model name under ${LIMITS.modelName} characters.`;
  }
  if (draft.temperature.trim() !== '') {
    const temperature = parseTemperature(draft.temperature);
    if (temperature === null || temperature > MAX_TEMPERATURE) {
      errors.temperature = `A number from 0 to ${MAX_TEMPERATURE}, like 0.7, or empty for the model’s default.`;
    }
  }
  return errors;
}

/** The request body for a draft that passed validation. Model settings are sent only when they
 * apply (a model is configured), so saving never clears what an admin set earlier. */
export function assistantChanges(
  draft: AssistantDraft,
  options: { withModel: boolean },
): AssistantChanges {
  return {
    name: draft.name.trim(),
    greeting: draft.greeting,
    instructions: draft.instructions,
    suggestedQuestions: [...new Set(filled(draft.suggestedQuestions))],
    allowedOrigins: [...new Set(filled(draft.allowedOrigins).map(normalizeOrigin))],
    ...(options.withModel
      ? {
          model: {
            name: draft.modelName.trim() || null,
            temperature: parseTemperature(draft.temperature),
          },
        }
      : {}),
  };
}

/** The "New assistant" form asks for a name; the rest is edited on the assistant's card. */
export interface NewAssistantDraft {
  name: string;
}

export const EMPTY_NEW_ASSISTANT: NewAssistantDraft = { name: '' };

export const NEW_ASSISTANT_FIELD_NAMES: FieldNames<'name'>[] = [{ field: 'name', names: ['name'] }];

export function validateNewAssistant(draft: NewAssistantDraft): Partial<Record<'name', string>> {
  const name = nameError(draft.name);
  return name ? { name } : {};
}

export function newAssistantOf(draft: NewAssistantDraft): NewAssistant {
  return { name: draft.name.trim() };
}

/** The list with this assistant replaced where it is (a rename does not move the card being
 * edited), or added where the server would list it (by name). */
export function putAssistant(items: Assistant[], assistant: Assistant): Assistant[] {
  if (items.some((item) => item.id === assistant.id)) {
    return items.map((item) => (item.id === assistant.id ? assistant : item));
  }
  const at = items.findIndex((item) => item.name.localeCompare(assistant.name) > 0);
  return at === -1 ? [...items, assistant] : [...items.slice(0, at), assistant, ...items.slice(at)];
}
