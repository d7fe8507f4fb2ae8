/** API keys as the list shows them, and how a script sends one. */
import type { ApiKey, CreatedApiKey } from '../api';

/** What a key's prefix looks like in the list: clearly only the start of it. */
export function keyPreview(prefix: string): string {
  return `${prefix}…`;
}

export function isRevoked(key: ApiKey): boolean {
  return key.revokedAt !== null;
}

/** Keys still in use first, newest first within each group. */
export function orderApiKeys(keys: ApiKey[]): ApiKey[] {
  return [...keys].sort(
    (a, b) =>
      Number(isRevoked(a)) - Number(isRevoked(b)) ||
      Date.parse(b.createdAt) - Date.parse(a.createdAt),
  );
}

/** The list after revoking `id` now; the server answers the DELETE without a body. */
export function markRevoked(keys: ApiKey[], id: string, now: Date): ApiKey[] {
  return keys.map((key) =>
    key.id === id && !isRevoked(key) ? { ...key, revokedAt: now.toISOString() } : key,
  );
}

/** The header line a script sends instead of a session cookie. */
export function authorizationHeader(key: string): string {
  return `Authorization: Bearer ${key}`;
}

/** A first request to try a key with. */
export function curlExample(origin: string, key: string): string {
  return `curl -H "${authorizationHeader(key)}" ${origin}/api/conversations`;
}

/** The list entry for a just-created key: everything but the key itself, so the secret lives
 * only in the one-time notice and is gone once that closes. */
export function listedKeyOf({ key: _secret, ...listed }: CreatedApiKey): ApiKey {
  return listed;
}
