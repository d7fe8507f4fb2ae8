import { z } from 'zod';

const password = z.string().min(1).max(500);
/** A 6-digit authenticator code or a recovery code (`abcd-efgh-…`). */
const code = z.string().trim().min(6).max(40);

export const loginBody = z.object({
  email: z.string().email().max(320),
  password,
  /** Which workspace, when the email signs in to several (the login answer lists them). */
  workspaceId: z.string().uuid().optional(),
});

export const secondFactorBody = z.object({
  challenge: z.string().min(1).max(100),
  code,
});

export const changePasswordBody = z.object({
  currentPassword: password,
  newPassword: z.string().max(500),
});

export const codeBody = z.object({ code });

/** Turning two-factor off takes the password or a current code. */
export const disableTwoFactorBody = z
  .object({ password: password.optional(), code: code.optional() })
  .refine((body) => body.password !== undefined || body.code !== undefined, {
    message: 'Enter your password or a current code.',
  });

export const securitySettingsBody = z.object({ requireAdminTwoFactor: z.boolean() });
