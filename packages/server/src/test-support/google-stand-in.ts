/**
 * A local stand-in for Google: the OAuth token endpoint and the Gmail REST endpoints Parley
 * calls, served over real HTTP on 127.0.0.1 with Google's documented response and error
 * shapes. Tests add mail to its mailbox, expire tokens and history, and read what was sent.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GmailHeader, GmailMessage } from '../channels/gmail/gmail-resources.js';
import { gmailId } from './gmail-fixtures.js';
import { GmailMailbox } from './gmail-mailbox.js';

export interface GoogleStandInOptions {
  emailAddress?: string;
  clientId?: string;
  clientSecret?: string;
  refreshToken?: string;
  accessTokenLifetimeSeconds?: number;
  /** Largest history page served, to make paging visible with few messages. */
  historyPageSize?: number;
  now?: () => number;
}

export interface SentMessage {
  raw: string;
  threadId: string | undefined;
  /** `raw` decoded: the RFC 2822 text as Parley wrote it. */
  message: string;
  stored: GmailMessage;
}

interface InjectedFailure {
  method: string;
  path: string;
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

const GMAIL_PREFIX = '/gmail/v1/users/me';
const WATCH_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export function googleError(code: number, status: string, message: string, reason: string) {
  return { error: { code, message, errors: [{ message, domain: 'global', reason }], status } };
}

const NOT_FOUND = googleError(404, 'NOT_FOUND', 'Requested entity was not found.', 'notFound');
const UNAUTHENTICATED = googleError(
  401,
  'UNAUTHENTICATED',
  'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
  'authError',
);

function unfoldHeaders(block: string): GmailHeader[] {
  return block
    .replace(/\r\n[ \t]/g, ' ')
    .split('\r\n')
    .filter(Boolean)
    .map((line) => {
      const colon = line.indexOf(':');
      return { name: line.slice(0, colon), value: line.slice(colon + 1).trim() };
    });
}

export class GoogleStandIn {
  readonly mailbox: GmailMailbox;
  readonly sent: SentMessage[] = [];
  readonly watches: { topicName: string; labelIds?: string[] }[] = [];
  readonly requests: {
    method: string;
    path: string;
    query: URLSearchParams;
    authorization?: string;
  }[] = [];
  tokenGrants = 0;
  private readonly accessTokens = new Map<string, number>();
  private readonly failures: InjectedFailure[] = [];
  private readonly afterReplies: { method: string; path: string; action: () => Promise<void> }[] =
    [];
  private refreshTokenRevoked = false;
  private readonly now: () => number;

  private constructor(
    private readonly server: Server,
    private readonly options: Required<GoogleStandInOptions>,
  ) {
    this.mailbox = new GmailMailbox(options.emailAddress);
    this.now = options.now;
  }

  static async start(options: GoogleStandInOptions = {}): Promise<GoogleStandIn> {
    const settings: Required<GoogleStandInOptions> = {
      emailAddress: 'support@shop.example',
      clientId: '1234567890-parley.apps.googleusercontent.com',
      clientSecret: 'GOCSPX-stand-in-secret',
      refreshToken: '1//0g-stand-in-refresh-token',
      accessTokenLifetimeSeconds: 3599,
      historyPageSize: 500,
      now: Date.now,
      ...options,
    };
    const server = createServer();
    const standIn = new GoogleStandIn(server, settings);
    server.on('request', (request, response) => void standIn.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return standIn;
  }

  get baseUrl(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  get tokenUrl(): string {
    return `${this.baseUrl}/token`;
  }

  /** What a Gmail channel connected to this stand-in stores. */
  channelConfig(): Record<string, unknown> {
    return {
      gmailApiBaseUrl: this.baseUrl,
      oauthTokenUrl: this.tokenUrl,
      emailAddress: this.options.emailAddress,
    };
  }

  channelSecrets(): Record<string, string> {
    const { clientId, clientSecret, refreshToken } = this.oauthCredentials();
    return { clientId, clientSecret, refreshToken };
  }

  oauthCredentials() {
    const { clientId, clientSecret, refreshToken } = this.options;
    return { tokenUrl: this.tokenUrl, clientId, clientSecret, refreshToken };
  }

  /** Every access token handed out stops working (revoked, or expired early). */
  revokeAccessTokens(): void {
    this.accessTokens.clear();
  }

  /** The user withdrew Parley's access: refreshing fails with invalid_grant. */
  revokeRefreshToken(): void {
    this.refreshTokenRevoked = true;
    this.accessTokens.clear();
  }

  /** The next request to `method path` (path after /gmail/v1/users/me, or /token) fails. */
  failNext(
    method: string,
    path: string,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) {
    this.failures.push({ method, path, status, body, headers });
  }

  /** Runs `action` once the next `method path` answer is decided, before it is sent: what
   * happens in the mailbox while Parley waits for a response. */
  afterNextReply(method: string, path: string, action: () => Promise<void>): void {
    this.afterReplies.push({ method, path, action });
  }

  gmailRequests(path: string): number {
    return this.requests.filter((request) => request.path === `${GMAIL_PREFIX}${path}`).length;
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) =>
      this.server.close((error) => (error ? reject(error) : resolve())),
    );
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const url = new URL(request.url ?? '/', this.baseUrl);
    const method = request.method ?? 'GET';
    this.requests.push({
      method,
      path: url.pathname,
      query: url.searchParams,
      authorization: request.headers.authorization,
    });
    let reply: Reply;
    try {
      reply = this.route(
        method,
        url,
        Buffer.concat(chunks).toString('utf8'),
        request.headers.authorization,
      );
    } catch {
      reply = {
        status: 400,
        body: googleError(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.', 'badRequest'),
      };
    }
    const hook = this.afterReplies.findIndex(
      (candidate) =>
        candidate.method === method && `${GMAIL_PREFIX}${candidate.path}` === url.pathname,
    );
    if (hook >= 0) await this.afterReplies.splice(hook, 1)[0]?.action();
    response.writeHead(reply.status, {
      'content-type': 'application/json; charset=UTF-8',
      ...reply.headers,
    });
    response.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
  }

  private route(method: string, url: URL, body: string, authorization: string | undefined): Reply {
    const path = url.pathname.startsWith(GMAIL_PREFIX)
      ? url.pathname.slice(GMAIL_PREFIX.length)
      : url.pathname;
    const failure = this.failures.findIndex(
      (candidate) => candidate.method === method && candidate.path === path,
    );
    if (failure >= 0) {
      const [injected] = this.failures.splice(failure, 1);
      return { status: injected?.status ?? 500, body: injected?.body, headers: injected?.headers };
    }
    if (method === 'POST' && url.pathname === '/token')
      return this.token(new URLSearchParams(body));
    if (!url.pathname.startsWith(GMAIL_PREFIX)) return { status: 404, body: NOT_FOUND };
    if (!this.authorized(authorization)) return { status: 401, body: UNAUTHENTICATED };
    if (method === 'GET' && path === '/profile') return this.profile();
    if (method === 'GET' && path === '/history') return this.history(url.searchParams);
    if (method === 'GET' && path === '/messages') return this.listMessages(url.searchParams);
    if (method === 'POST' && path === '/messages/send') return this.send(JSON.parse(body || '{}'));
    if (method === 'POST' && path === '/watch') return this.watch(JSON.parse(body || '{}'));
    const single = path.match(/^\/messages\/([^/]+)$/);
    if (method === 'GET' && single) {
      const message = this.mailbox.messages.get(decodeURIComponent(single[1] ?? ''));
      return message ? { status: 200, body: message } : { status: 404, body: NOT_FOUND };
    }
    return { status: 404, body: NOT_FOUND };
  }

  private token(form: URLSearchParams): Reply {
    const { clientId, clientSecret, refreshToken, accessTokenLifetimeSeconds } = this.options;
    if (form.get('grant_type') !== 'refresh_token') {
      return {
        status: 400,
        body: { error: 'unsupported_grant_type', error_description: 'Invalid grant_type: ' },
      };
    }
    if (form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret) {
      return {
        status: 401,
        body: { error: 'invalid_client', error_description: 'The OAuth client was not found.' },
      };
    }
    if (form.get('refresh_token') !== refreshToken || this.refreshTokenRevoked) {
      return {
        status: 400,
        body: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' },
      };
    }
    this.tokenGrants += 1;
    const accessToken = `ya29.${randomBytes(24).toString('base64url')}`;
    this.accessTokens.set(accessToken, this.now() + accessTokenLifetimeSeconds * 1000);
    return {
      status: 200,
      body: {
        access_token: accessToken,
        expires_in: accessTokenLifetimeSeconds,
        scope: 'https://www.googleapis.com/auth/gmail.modify',
        token_type: 'Bearer',
      },
    };
  }

  private authorized(authorization: string | undefined): boolean {
    const token = authorization?.match(/^Bearer (.+)$/)?.[1];
    const expiresAt = token ? this.accessTokens.get(token) : undefined;
    return expiresAt !== undefined && expiresAt > this.now();
  }

  private profile(): Reply {
    const { mailbox } = this;
    return {
      status: 200,
      body: {
        emailAddress: mailbox.emailAddress,
        messagesTotal: mailbox.messages.size,
        threadsTotal: new Set([...mailbox.messages.values()].map((message) => message.threadId))
          .size,
        historyId: String(mailbox.historyId),
      },
    };
  }

  private history(query: URLSearchParams): Reply {
    const start = query.get('startHistoryId');
    if (!start || !/^\d+$/.test(start)) {
      return {
        status: 400,
        body: googleError(400, 'INVALID_ARGUMENT', 'Invalid startHistoryId', 'invalidArgument'),
      };
    }
    const records = this.mailbox.historySince(BigInt(start));
    if (!records) return { status: 404, body: NOT_FOUND };
    const types = query.getAll('historyTypes');
    const relevant = types.length === 0 || types.includes('messageAdded') ? records : [];
    const size = Math.min(Number(query.get('maxResults') ?? 100), this.options.historyPageSize);
    const offset = Number(query.get('pageToken') ?? 0);
    const page = relevant.slice(offset, offset + size);
    const next = offset + size < relevant.length ? String(offset + size) : undefined;
    return {
      status: 200,
      body: {
        ...(page.length > 0 ? { history: page } : {}),
        ...(next ? { nextPageToken: next } : {}),
        historyId: String(this.mailbox.historyId),
      },
    };
  }

  private listMessages(query: URLSearchParams): Reply {
    const found = this.mailbox.list(query.get('q'), this.now());
    const max = Number(query.get('maxResults') ?? 100);
    const page = found
      .slice(0, max)
      .map((message) => ({ id: message.id, threadId: message.threadId }));
    return {
      status: 200,
      body: { ...(page.length > 0 ? { messages: page } : {}), resultSizeEstimate: found.length },
    };
  }

  private send(request: { raw?: string; threadId?: string }): Reply {
    if (!request.raw) {
      return {
        status: 400,
        body: googleError(
          400,
          'INVALID_ARGUMENT',
          "'raw' RFC822 payload message string or uploading message via /upload/* URL required",
          'invalidArgument',
        ),
      };
    }
    const message = Buffer.from(request.raw, 'base64url').toString('utf8');
    const split = message.indexOf('\r\n\r\n');
    const headers = unfoldHeaders(message.slice(0, split));
    if (
      !headers.some((header) => header.name.toLowerCase() === 'to' && header.value.includes('@'))
    ) {
      return {
        status: 400,
        body: googleError(400, 'INVALID_ARGUMENT', 'Invalid To header', 'invalidArgument'),
      };
    }
    const content = message.slice(split + 4);
    const base64 = headers.some(
      (header) => /content-transfer-encoding/i.test(header.name) && /base64/i.test(header.value),
    );
    const bytes = base64
      ? Buffer.from(content.replace(/\s+/g, ''), 'base64')
      : Buffer.from(content, 'utf8');
    const id = gmailId();
    const threadId =
      request.threadId && this.mailbox.hasThread(request.threadId) ? request.threadId : id;
    const stored = this.mailbox.add({
      id,
      threadId,
      labelIds: ['SENT'],
      internalDate: String(this.now()),
      payload: {
        partId: '',
        mimeType: 'text/plain',
        filename: '',
        headers,
        body: { size: bytes.length, data: bytes.toString('base64url') },
      },
    });
    this.sent.push({ raw: request.raw, threadId: request.threadId, message, stored });
    return {
      status: 200,
      body: { id: stored.id, threadId: stored.threadId, labelIds: stored.labelIds },
    };
  }

  private watch(request: { topicName?: string; labelIds?: string[] }): Reply {
    if (!request.topicName) {
      return {
        status: 400,
        body: googleError(
          400,
          'INVALID_ARGUMENT',
          'Invalid topicName does not match projects/*/topics/*',
          'invalidArgument',
        ),
      };
    }
    this.watches.push({ topicName: request.topicName, labelIds: request.labelIds });
    return {
      status: 200,
      body: {
        historyId: String(this.mailbox.historyId),
        expiration: String(this.now() + WATCH_LIFETIME_MS),
      },
    };
  }
}
