/**
 * Checking a password at sign-in without telling who has an account. Emails are unique per
 * workspace only, so one email may sign in to several workspaces; every attempt runs exactly
 * MAX_WORKSPACES_PER_EMAIL scrypt verifications (real hashes, padded with a dummy), in
 * parallel, whether the email is unknown, known once or known in several workspaces.
 */
import { sql } from 'kysely';
import { randomToken } from '../lib/ids.js';
import { hashPassword, verifyPassword } from '../lib/passwords.js';
import type { Db } from '../store/store.js';

/** Workspaces one email can sign in to without naming one; beyond that, the login names the
 * workspace (`workspaceId`). */
export const MAX_WORKSPACES_PER_EMAIL = 3;

// Same scrypt parameters as real hashes, so verifying against it costs the same.
let dummyHash: Promise<string> | null = null;
const dummy = () => {
  dummyHash ??= hashPassword(randomToken());
  return dummyHash;
};

export interface SignInUser {
  id: string;
  workspace_id: string;
  workspaceName: string;
  email: string;
  name: string;
  password_hash: string;
  totp_secret_encrypted: string | null;
}

export interface PasswordCheck {
  /** The accounts of the email (at most MAX_WORKSPACES_PER_EMAIL) whatever the password. */
  accounts: SignInUser[];
  /** Those whose password it is. */
  matches: SignInUser[];
}

/** Checks `password` against the accounts of `email` (optionally in one workspace). */
export async function checkPassword(
  db: Db,
  input: { email: string; password: string; workspaceId?: string | undefined },
): Promise<PasswordCheck> {
  let query = db
    .selectFrom('users')
    .innerJoin('workspaces', 'workspaces.id', 'users.workspace_id')
    .select([
      'users.id',
      'users.workspace_id',
      'workspaces.name as workspaceName',
      'users.email',
      'users.name',
      'users.password_hash',
      'users.totp_secret_encrypted',
    ])
    .where(sql<string>`lower(users.email)`, '=', input.email.toLowerCase());
  if (input.workspaceId) query = query.where('users.workspace_id', '=', input.workspaceId);
  const candidates = await query
    .orderBy('users.created_at')
    .orderBy('users.id')
    .limit(MAX_WORKSPACES_PER_EMAIL)
    .execute();
  const padding = Array.from({ length: MAX_WORKSPACES_PER_EMAIL - candidates.length }, dummy);
  const hashes = [...candidates.map((user) => user.password_hash), ...(await Promise.all(padding))];
  const matches = await Promise.all(hashes.map((hash) => verifyPassword(input.password, hash)));
  return { accounts: candidates, matches: candidates.filter((_, index) => matches[index]) };
}
