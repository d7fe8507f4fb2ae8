/**
 * Connecting a Gmail mailbox: an admin enters the OAuth client and a refresh token (from
 * Google's consent flow). With a Pub/Sub topic Parley uses push; without one it polls.
 */
import { z } from 'zod';
import { randomToken } from '../../lib/ids.js';
import { type ConnectionInputResult, parseConnectionInput } from '../connection-input.js';

export const gmailChannelInputSchema = z.object({
  emailAddress: z.email('The mailbox address is not a valid email address.'),
  clientId: z.string().trim().min(10, 'The OAuth client id looks too short.'),
  clientSecret: z.string().trim().min(8, 'The OAuth client secret looks too short.'),
  refreshToken: z.string().trim().min(10, 'The refresh token looks too short.'),
  fromName: z.string().trim().max(100).optional(),
  pubsubTopic: z
    .string()
    .trim()
    .regex(
      /^projects\/[^/]+\/topics\/[^/]+$/,
      'The topic looks like projects/<project>/topics/<name>.',
    )
    .optional(),
  /** The secret in the push URL; generated when not given. */
  pushToken: z.string().trim().min(16, 'The push token needs at least 16 characters.').optional(),
  gmailApiBaseUrl: z.url({ protocol: /^https?$/ }).optional(),
  oauthTokenUrl: z.url({ protocol: /^https?$/ }).optional(),
});

export function gmailChannelInput(input: unknown): ConnectionInputResult {
  return parseConnectionInput(gmailChannelInputSchema, input, (value) => {
    const emailAddress = value.emailAddress.toLowerCase();
    return {
      externalAccountId: emailAddress,
      config: {
        emailAddress,
        ...(value.fromName ? { fromName: value.fromName } : {}),
        ...(value.pubsubTopic ? { pubsubTopic: value.pubsubTopic } : {}),
        ...(value.gmailApiBaseUrl ? { gmailApiBaseUrl: value.gmailApiBaseUrl } : {}),
        ...(value.oauthTokenUrl ? { oauthTokenUrl: value.oauthTokenUrl } : {}),
      },
      secrets: {
        clientId: value.clientId,
        clientSecret: value.clientSecret,
        refreshToken: value.refreshToken,
        pushToken: value.pushToken ?? randomToken(24),
      },
    };
  });
}
