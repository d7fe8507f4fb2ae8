/** The "change your password" form: its draft and checks that mirror the server's length
 * rule; the server also judges how guessable the new password is and says why. */

export const PASSWORD_LIMITS = { min: 10, max: 200 } as const;

export interface PasswordDraft {
  current: string;
  next: string;
  repeat: string;
}

export type PasswordErrors = Partial<Record<keyof PasswordDraft, string>>;

export const EMPTY_PASSWORD_DRAFT: PasswordDraft = { current: '', next: '', repeat: '' };

export function validatePasswordDraft(draft: PasswordDraft): PasswordErrors {
  const errors: PasswordErrors = {};
  if (draft.current === '') errors.current = 'Enter your current password.';
  if (draft.next.length < PASSWORD_LIMITS.min)
    errors.next = `The new password needs at least ${PASSWORD_LIMITS.min} characters.`;
  else if (draft.next.length > PASSWORD_LIMITS.max)
    errors.next = `Keep the password to ${PASSWORD_LIMITS.max} characters or fewer.`;
  else if (draft.next === draft.current)
    errors.next = 'Choose a password different from the current one.';
  if (draft.repeat !== draft.next) errors.repeat = 'The two new passwords differ.';
  return errors;
}
