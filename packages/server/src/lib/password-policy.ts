/**
 * What a password must be, wherever one is set (teammates, the first admin, a change of
 * password): 10–200 characters, not built from the person's email, name or "parley", and not
 * easy to guess by zxcvbn's estimate against lists of common and breached passwords.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from './errors.js';
import { passwordFeedbackEn } from './password-feedback-en.js';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
/** zxcvbn's 0–4 scale; 3 is "safely unguessable: moderate protection from an offline attack". */
const MIN_SCORE = 3;
/** Parts of an email or name shorter than this are too common to forbid ("jo", "li"). */
const MIN_PERSONAL_PART = 4;

const zxcvbn = new ZxcvbnFactory({
  dictionary,
  graphs: adjacencyGraphs,
  translations: passwordFeedbackEn,
});

export interface PasswordOwner {
  email: string;
  name?: string;
}

/** Words a password must not contain: the email, its local part, each name part, "parley". */
function personalWords(owner: PasswordOwner): string[] {
  const email = owner.email.toLowerCase();
  const local = email.split('@')[0] ?? '';
  const parts = [email, local, ...(owner.name ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u)];
  return [...new Set(['parley', ...parts])].filter((part) => part.length >= MIN_PERSONAL_PART);
}

/** Why the password is refused, for people; null when it is fine. */
export function passwordProblem(password: string, owner: PasswordOwner): string | null {
  if (password.length < PASSWORD_MIN_LENGTH)
    return `The password needs at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH)
    return `The password may have at most ${PASSWORD_MAX_LENGTH} characters.`;
  const lower = password.toLowerCase();
  if (personalWords(owner).some((word) => lower.includes(word)))
    return 'The password must not contain the email address, the name or “parley”.';
  const result = zxcvbn.check(password, personalWords(owner));
  if (result.score >= MIN_SCORE) return null;
  const advice = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean);
  return ['This password is too easy to guess.', ...advice].join(' ');
}

/** Throws a 400 with the reason when the password may not be used. */
export function assertStrongPassword(password: string, owner: PasswordOwner): void {
  const problem = passwordProblem(password, owner);
  if (problem) throw new AppError(400, 'weak_password', problem);
}
