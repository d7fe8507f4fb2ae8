/**
 * A small client for the Gmail REST endpoints Parley uses. Every call carries a cached OAuth
 * access token; a 401 means the token was revoked or expired early, so it is refreshed and
 * the call retried once. Failures surface as GmailApiError in Parley's own error kinds.
 */

import { GmailApiError, gmailErrorFrom, networkError } from './errors.js';
import type {
  GmailHistoryPage,
  GmailMessage,
  GmailMessageListPage,
  GmailMessageRef,
  GmailProfile,
  GmailWatchResponse,
} from './gmail-resources.js';
import type { GoogleAccessTokens, GoogleOAuthCredentials } from './oauth.js';

export interface GmailApiOptions {
  baseUrl: string;
  credentials: GoogleOAuthCredentials;
  tokens: GoogleAccessTokens;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface HistorySince {
  /** Messages added since the start id, in history order, each once. */
  added: GmailMessageRef[];
  /** The next start id: the mailbox's current historyId, or the last record read when the
   * page bound stopped the listing early. */
  historyId: string;
}

/** Google's largest history page. */
const HISTORY_PAGE_SIZE = 500;
/** Bounds one sync (25 000 records); a larger backlog is read over several syncs. */
export const MAX_HISTORY_PAGES = 50;

type Query = Record<string, string | number | string[] | undefined>;

export class GmailApi {
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;

  constructor(private readonly options: GmailApiOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.timeoutMs = options.timeoutMs ?? 20_000;
  }

  getProfile(): Promise<GmailProfile> {
    return this.request('GET', '/profile');
  }

  /** users.history.list with historyTypes=messageAdded, following the pages. A startHistoryId
   * Gmail no longer keeps answers 404 (GmailApiError with status 404). */
  async listHistorySince(startHistoryId: string): Promise<HistorySince> {
    const added = new Map<string, GmailMessageRef>();
    let lastRecordId = startHistoryId;
    let pageToken: string | undefined;
    for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
      const result: GmailHistoryPage = await this.request('GET', '/history', {
        startHistoryId,
        historyTypes: 'messageAdded',
        maxResults: HISTORY_PAGE_SIZE,
        pageToken,
      });
      for (const record of result.history ?? []) {
        for (const { message } of record.messagesAdded ?? []) {
          if (!added.has(message.id)) added.set(message.id, message);
        }
        lastRecordId = record.id;
      }
      pageToken = result.nextPageToken;
      if (!pageToken) return { added: [...added.values()], historyId: result.historyId };
    }
    // Pages remain: the cursor stops at the last record read, and the next sync goes on from it.
    return { added: [...added.values()], historyId: lastRecordId };
  }

  listMessages(query: {
    q?: string;
    maxResults?: number;
    pageToken?: string;
  }): Promise<GmailMessageListPage> {
    return this.request('GET', '/messages', query);
  }

  getMessage(id: string): Promise<GmailMessage> {
    return this.request('GET', `/messages/${encodeURIComponent(id)}`, { format: 'full' });
  }

  sendMessage(message: { raw: string; threadId?: string }): Promise<GmailMessageRef> {
    return this.request('POST', '/messages/send', undefined, message);
  }

  watch(request: { topicName: string; labelIds?: string[] }): Promise<GmailWatchResponse> {
    return this.request('POST', '/watch', undefined, {
      ...request,
      ...(request.labelIds?.length ? { labelFilterBehavior: 'include' } : {}),
    });
  }

  private url(path: string, query: Query = {}): string {
    const url = new URL(`${this.options.baseUrl}/gmail/v1/users/me${path}`);
    for (const [name, value] of Object.entries(query)) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) {
        url.searchParams.append(name, String(item));
      }
    }
    return url.toString();
  }

  private async request<T>(
    method: 'GET' | 'POST',
    path: string,
    query?: Query,
    body?: unknown,
  ): Promise<T> {
    const { credentials, tokens } = this.options;
    for (let attempt = 1; ; attempt++) {
      const token = await tokens.get(credentials);
      let response: Response;
      try {
        response = await this.fetch(this.url(path, query), {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (cause) {
        throw networkError(cause);
      }
      if (response.status === 401 && attempt === 1) {
        tokens.invalidate(credentials, token);
        await response.body?.cancel();
        continue;
      }
      if (!response.ok) throw await gmailErrorFrom(response);
      try {
        return (await response.json()) as T;
      } catch {
        throw new GmailApiError('transient', 'Gmail answered with unreadable JSON.', {
          status: response.status,
        });
      }
    }
  }
}

/** Gmail's 404: a startHistoryId too old to list from, or a message deleted meanwhile. */
export function isNotFound(error: unknown): boolean {
  return error instanceof GmailApiError && error.status === 404;
}
