/**
 * Two-factor sign-in with an authenticator app (TOTP) and one-time recovery codes. Secrets
 * are sealed with the server's SecretBox; recovery codes are stored hashed and shown once.
 */
import QRCode from 'qrcode';
import type { Context } from '../context.js';
import { AppError, conflict } from '../lib/errors.js';
import {
  hashRecoveryCode,
  looksLikeRecoveryCode,
  newRecoveryCodes,
} from '../lib/recovery-codes.js';
import { matchTotp, newTotpSecret, totpUrl } from '../lib/totp.js';

const openSecret = (ctx: Context, sealed: string) => ctx.secretBox.open(sealed).totp ?? '';

const wrongCode = () =>
  new AppError(400, 'wrong_code', 'That code is not right. Enter the current 6-digit code.');

/** Starts (or restarts) enrolment: a new secret waits for a code from the app to confirm it. */
export async function startTwoFactorEnrollment(ctx: Context, userId: string) {
  const user = await ctx.db
    .selectFrom('users')
    .select(['email', 'totp_secret_encrypted'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  if (user.totp_secret_encrypted)
    throw conflict('two_factor_enabled', 'Two-factor sign-in is already on.');
  const secret = newTotpSecret();
  await ctx.db
    .updateTable('users')
    .set({ totp_pending_encrypted: ctx.secretBox.seal({ totp: secret }) })
    .where('id', '=', userId)
    .execute();
  const url = totpUrl(secret, user.email);
  const svg = await QRCode.toString(url, { type: 'svg', margin: 1 });
  return {
    secret,
    otpauthUrl: url,
    qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
  };
}

/** A code from the app proves it holds the secret: two-factor is on, recovery codes issued. */
export async function confirmTwoFactorEnrollment(
  ctx: Context,
  userId: string,
  code: string,
): Promise<string[]> {
  const user = await ctx.db
    .selectFrom('users')
    .select(['totp_pending_encrypted', 'totp_secret_encrypted'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  if (user.totp_secret_encrypted)
    throw conflict('two_factor_enabled', 'Two-factor sign-in is already on.');
  if (!user.totp_pending_encrypted)
    throw new AppError(400, 'no_enrollment', 'Start setting up two-factor sign-in first.');
  const step = matchTotp(openSecret(ctx, user.totp_pending_encrypted), code.trim(), ctx.now());
  if (step === null) throw wrongCode();
  const codes = newRecoveryCodes();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({
        totp_secret_encrypted: user.totp_pending_encrypted,
        totp_pending_encrypted: null,
        totp_last_step: step,
      })
      .where('id', '=', userId)
      .execute();
    await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
    await trx
      .insertInto('recovery_codes')
      .values(codes.map((one) => ({ user_id: userId, code_hash: hashRecoveryCode(one) })))
      .execute();
  });
  return codes;
}

/** Whether `code` — a current authenticator code or an unused recovery code — is the user's
 * second factor. Either works once: a TOTP step is not accepted twice, a recovery code is
 * spent. */
export async function verifySecondFactor(
  ctx: Context,
  userId: string,
  code: string,
): Promise<boolean> {
  if (looksLikeRecoveryCode(code)) {
    const spent = await ctx.db
      .updateTable('recovery_codes')
      .set({ used_at: ctx.now() })
      .where('user_id', '=', userId)
      .where('code_hash', '=', hashRecoveryCode(code))
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return spent.numUpdatedRows > 0n;
  }
  const user = await ctx.db
    .selectFrom('users')
    .select('totp_secret_encrypted')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  if (!user.totp_secret_encrypted) return false;
  const step = matchTotp(openSecret(ctx, user.totp_secret_encrypted), code.trim(), ctx.now());
  if (step === null) return false;
  // Conditional update: of two requests with the same code, only one gets through.
  const accepted = await ctx.db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return accepted.numUpdatedRows > 0n;
}

export async function disableTwoFactor(ctx: Context, userId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ totp_secret_encrypted: null, totp_pending_encrypted: null, totp_last_step: null })
      .where('id', '=', userId)
      .execute();
    await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  });
}

/** What the Security page shows about the user's two-factor sign-in. */
export async function twoFactorStatus(ctx: Context, userId: string) {
  const user = await ctx.db
    .selectFrom('users')
    .innerJoin('workspaces', 'workspaces.id', 'users.workspace_id')
    .select(['users.role', 'users.totp_secret_encrypted', 'workspaces.require_admin_two_factor'])
    .where('users.id', '=', userId)
    .executeTakeFirstOrThrow();
  const unused = await ctx.db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    enabled: user.totp_secret_encrypted !== null,
    recoveryCodesLeft: Number(unused.count),
    requiredForYou: user.require_admin_two_factor && user.role === 'admin',
  };
}
