/** The "add a teammate" form: its draft, checks that mirror the server's, and the POST body. */
import type { NewTeammate, Role } from '../api';
import { isRole } from './roles';
import type { FieldNames } from './server-errors';

export const TEAMMATE_LIMITS = {
  name: 100,
  email: 320,
  passwordMin: 10,
  passwordMax: 200,
} as const;

export interface TeammateDraft {
  name: string;
  email: string;
  /** Kept exactly as typed: spaces count. */
  password: string;
  role: Role;
}

export type TeammateField = keyof TeammateDraft;
export type TeammateErrors = Partial<Record<TeammateField, string>>;

export const EMPTY_TEAMMATE: TeammateDraft = { name: '', email: '', password: '', role: 'agent' };

/** The server's 409 ("Someone in this workspace already signs in with this email.") names the field in
 * words; its request checks name it as `body/email`. */
export const TEAMMATE_FIELD_NAMES: FieldNames<TeammateField>[] = [
  { field: 'name', names: ['name'] },
  { field: 'email', names: ['email', 'email address'] },
  { field: 'password', names: ['password'] },
  { field: 'role', names: ['role'] },
];

/** Something@something.tld; the server has the final word on anything subtler. */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(value);
}

export function validateTeammateDraft(draft: TeammateDraft): TeammateErrors {
  const errors: TeammateErrors = {};
  const name = draft.name.trim();
  if (name === '') errors.name = 'Enter their name.';
  else if (name.length > TEAMMATE_LIMITS.name) {
    errors.name = `Keep the name to ${TEAMMATE_LIMITS.name} characters or fewer.`;
  }
  const email = draft.email.trim();
  if (email === '') errors.email = 'Enter the email address they will sign in with.';
  else if (email.length > TEAMMATE_LIMITS.email) errors.email = 'That email address is too long.';
  else if (!looksLikeEmail(email)) errors.email = 'Enter an email address like name@example.com.';
  if (draft.password === '') {
    errors.password = 'Choose the password they will sign in with.';
  } else if (draft.password.length < TEAMMATE_LIMITS.passwordMin) {
    errors.password = `Passwords need at least ${TEAMMATE_LIMITS.passwordMin} characters.`;
  } else if (draft.password.length > TEAMMATE_LIMITS.passwordMax) {
    errors.password = `Keep the password to ${TEAMMATE_LIMITS.passwordMax} characters or fewer.`;
  }
  if (!isRole(draft.role)) errors.role = 'Choose a role.';
  return errors;
}

/** The request body for a draft that passed validation. */
export function newTeammateOf(draft: TeammateDraft): NewTeammate {
  return {
    name: draft.name.trim(),
    email: draft.email.trim().toLowerCase(),
    password: draft.password,
    role: draft.role,
  };
}
