/**
 * Connecting a Page or Instagram account: validates what an admin enters and splits it into
 * the routing id, the non-secret config and the secrets (which the caller encrypts at rest).
 */
import { z } from 'zod';
import { type ConnectionInputResult, parseConnectionInput } from '../connection-input.js';
import type { MetaChannelKind } from './envelope.js';
import { DEFAULT_GRAPH_API_BASE_URL, DEFAULT_GRAPH_API_VERSION } from './graph-client.js';

export const metaChannelInputSchema = z.object({
  /** The Page id (Messenger, Facebook comments) or Instagram professional account id. */
  accountId: z
    .string()
    .trim()
    .regex(/^\d{5,30}$/, 'The account id is the numeric id Meta shows for the Page or account.'),
  accessToken: z.string().trim().min(20, 'The access token looks too short.'),
  appSecret: z
    .string()
    .trim()
    .regex(
      /^[0-9a-f]{32}$/i,
      'The app secret is the 32-character hex string from the app settings.',
    ),
  verifyToken: z.string().trim().min(8, 'Choose a verify token of at least 8 characters.'),
  graphApiBaseUrl: z
    .url({ protocol: /^https?$/, error: 'The Graph API base URL must be an http(s) URL.' })
    .optional(),
  graphApiVersion: z
    .string()
    .trim()
    .regex(/^v\d+\.\d+$/, 'The Graph API version looks like v21.0.')
    .optional(),
});

export type MetaChannelInput = z.input<typeof metaChannelInputSchema>;

export interface MetaChannelSettings {
  kind: MetaChannelKind;
  externalAccountId: string;
  config: { accountId: string; graphApiBaseUrl: string; graphApiVersion: string };
  secrets: { accessToken: string; appSecret: string; verifyToken: string };
}

export function metaChannelInput(
  kind: MetaChannelKind,
  input: unknown,
): ConnectionInputResult<MetaChannelSettings> {
  return parseConnectionInput(metaChannelInputSchema, input, (value) => ({
    kind,
    externalAccountId: value.accountId,
    config: {
      accountId: value.accountId,
      graphApiBaseUrl: (value.graphApiBaseUrl ?? DEFAULT_GRAPH_API_BASE_URL).replace(/\/+$/, ''),
      graphApiVersion: value.graphApiVersion ?? DEFAULT_GRAPH_API_VERSION,
    },
    secrets: {
      accessToken: value.accessToken,
      appSecret: value.appSecret,
      verifyToken: value.verifyToken,
    },
  }));
}
