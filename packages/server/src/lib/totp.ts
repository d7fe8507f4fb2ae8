/**
 * Time-based one-time passwords (RFC 6238, what authenticator apps show): 6 digits, 30-second
 * steps, and one step of clock drift either way. Callers keep the last step accepted so a
 * code cannot be used twice.
 */
import { Secret, TOTP } from 'otpauth';

const PERIOD_SECONDS = 30;
/** Steps before and after now that still count: phones and servers drift a little. */
export const TOTP_WINDOW = 1;

const totpOf = (secret: string, account = '') =>
  new TOTP({
    issuer: 'Parley',
    label: account,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://` URL an authenticator app scans from the QR code. */
export function totpUrl(secret: string, account: string): string {
  return totpOf(secret, account).toString();
}

/** The time step `code` belongs to, if it is valid at `at` (within the window); else null. */
export function matchTotp(secret: string, code: string, at: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const totp = totpOf(secret);
  const delta = totp.validate({ token: code, timestamp: at.getTime(), window: TOTP_WINDOW });
  return delta === null ? null : totp.counter({ timestamp: at.getTime() }) + delta;
}

/** The code for `at`; for tests and for nothing else. */
export function totpCodeAt(secret: string, at: Date): string {
  return totpOf(secret).generate({ timestamp: at.getTime() });
}
