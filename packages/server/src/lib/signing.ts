/**
 * Which of several candidate secrets signed a request. Webhooks name an account before they
 * prove anything, and one account may be connected in several workspaces, each with its own
 * secret: every distinct secret is tried once (an HMAC over a large body is the costly part).
 */
import { randomBytes } from 'node:crypto';

/** A key no channel holds. With no candidate at all it is still tried, so a request for an
 * unknown account takes as long to refuse as one with a wrong signature for a known account. */
const UNHELD_SECRET = randomBytes(32).toString('hex');

export function findSigningSecret(
  secrets: readonly (string | undefined)[],
  signedWith: (secret: string) => boolean,
): string | null {
  const distinct = [...new Set(secrets.filter((secret): secret is string => Boolean(secret)))];
  if (distinct.length === 0) {
    signedWith(UNHELD_SECRET);
    return null;
  }
  return distinct.find((secret) => signedWith(secret)) ?? null;
}
