/**
 * A small Graph API client: POSTs JSON to `{baseUrl}/{version}/{path}` with the channel's
 * access token and maps every failure to a SendFailure. Base URL and version come from the
 * channel's config, so a self-hosted install (or a test) can point it anywhere.
 */
import type { ZodType } from 'zod';
import type { ChannelRecord } from '../connector.js';
import { failure, mapGraphError, type SendFailure } from './graph-errors.js';

export const DEFAULT_GRAPH_API_BASE_URL = 'https://graph.facebook.com';
export const DEFAULT_GRAPH_API_VERSION = 'v21.0';
const REQUEST_TIMEOUT_MS = 15_000;

export interface GraphSettings {
  baseUrl: string;
  version: string;
  accessToken: string;
}

export type GraphResult<T> = { ok: true; data: T } | SendFailure;

function configString(config: Record<string, unknown>, key: string): string | undefined {
  const value = config[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function graphSettings(channel: ChannelRecord): GraphResult<GraphSettings> {
  const accessToken = channel.secrets.accessToken;
  if (!accessToken) {
    return failure('invalid_token', 'The channel has no access token.', { retryable: false });
  }
  const baseUrl = configString(channel.config, 'graphApiBaseUrl') ?? DEFAULT_GRAPH_API_BASE_URL;
  return {
    ok: true,
    data: {
      baseUrl: baseUrl.replace(/\/+$/, ''),
      version: configString(channel.config, 'graphApiVersion') ?? DEFAULT_GRAPH_API_VERSION,
      accessToken,
    },
  };
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function graphPost<T>(
  settings: GraphSettings,
  path: string,
  body: Record<string, unknown>,
  responseSchema: ZodType<T>,
): Promise<GraphResult<T>> {
  const url = `${settings.baseUrl}/${settings.version}/${path}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      // The token travels in a header, not the query string, so it never lands in access logs.
      headers: {
        authorization: `Bearer ${settings.accessToken}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    // The request may or may not have reached Meta; the Send API has no idempotency key, so a
    // retry after a timeout can rarely deliver twice. Losing the reply would be worse.
    return failure('transient', `(Could not reach the Graph API: ${(error as Error).message})`, {
      retryable: true,
    });
  }
  const json = await readJson(response);
  if (!response.ok) return mapGraphError(response.status, json);
  const parsed = responseSchema.safeParse(json);
  if (!parsed.success) {
    // Meta accepted the call, so retrying could post twice: fail without retry.
    return failure('transient', '(The Graph API answered with an unexpected body.)', {
      retryable: false,
    });
  }
  return { ok: true, data: parsed.data };
}
