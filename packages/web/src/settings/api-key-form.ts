/** The "create an API key" form: its draft, checks, and the POST body. */
import type { NewApiKey, Role } from '../api';
import { isRole } from './roles';
import type { FieldNames } from './server-errors';

export const MAX_API_KEY_NAME_LENGTH = 100;

export interface ApiKeyDraft {
  name: string;
  role: Role;
}

export type ApiKeyField = keyof ApiKeyDraft;
export type ApiKeyErrors = Partial<Record<ApiKeyField, string>>;

export const EMPTY_API_KEY: ApiKeyDraft = { name: '', role: 'agent' };

export const API_KEY_FIELD_NAMES: FieldNames<ApiKeyField>[] = [
  { field: 'name', names: ['name'] },
  { field: 'role', names: ['role'] },
];

export function validateApiKeyDraft(draft: ApiKeyDraft): ApiKeyErrors {
  const errors: ApiKeyErrors = {};
  const name = draft.name.trim();
  if (name === '') errors.name = 'Name the key after what will use it.';
  else if (name.length > MAX_API_KEY_NAME_LENGTH) {
    errors.name = `Keep the name to ${MAX_API_KEY_NAME_LENGTH} characters or fewer.`;
  }
  if (!isRole(draft.role)) errors.role = 'Choose a role.';
  return errors;
}

export function newApiKeyOf(draft: ApiKeyDraft): NewApiKey {
  return { name: draft.name.trim(), role: draft.role };
}
