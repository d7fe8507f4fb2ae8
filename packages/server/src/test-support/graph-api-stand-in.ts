/**
 * A local stand-in for Meta's Graph API: a real HTTP server on 127.0.0.1 that answers the
 * documented success and error shapes of the Send API and the comment reply edges, records
 * every request, and can be told to fail the next calls with a given Graph API error.
 */
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { type GraphErrorFixture, graphErrors } from './meta-fixtures.js';

export interface RecordedGraphRequest {
  method: string;
  /** Path without the version, e.g. `me/messages` or `17890/replies`. */
  path: string;
  version: string;
  headers: IncomingHttpHeaders;
  query: URLSearchParams;
  body: unknown;
}

type Answer = { status: number; body: unknown };

const SEND_TYPES = new Set(['RESPONSE', 'UPDATE', 'MESSAGE_TAG']);

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function errorAnswer(fixture: GraphErrorFixture): Answer {
  return { status: fixture.status, body: fixture.body };
}

export class GraphApiStandIn {
  readonly requests: RecordedGraphRequest[] = [];
  private readonly failures: GraphErrorFixture[] = [];
  private readonly commentAuthors = new Map<string, string>();
  private sequence = 0;

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
    private readonly accessToken: string,
  ) {}

  static async start(options: { accessToken: string }): Promise<GraphApiStandIn> {
    let standIn: GraphApiStandIn | undefined;
    const server = createServer((request, response) => {
      standIn?.handle(request, response).catch((error: unknown) => {
        response.writeHead(500).end(String(error));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    standIn = new GraphApiStandIn(server, `http://127.0.0.1:${port}`, options.accessToken);
    return standIn;
  }

  /** The next `count` calls fail with this error, whatever they ask. */
  failNext(count: number, failure: GraphErrorFixture): void {
    for (let index = 0; index < count; index += 1) this.failures.push(failure);
  }

  /** Private replies to this comment reach this person (PSID or IGSID). */
  setCommentAuthor(commentId: string, recipientId: string): void {
    this.commentAuthors.set(commentId, recipientId);
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.closeAllConnections();
      this.server.close((error) => (error ? reject(error) : resolve()));
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.baseUrl);
    const text = await readBody(request);
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      // Recorded as text; answered below as an invalid parameter.
    }
    const match = /^\/(v\d+\.\d+)\/(.+)$/.exec(url.pathname);
    this.requests.push({
      method: request.method ?? 'GET',
      path: match?.[2] ?? url.pathname,
      version: match?.[1] ?? '',
      headers: request.headers,
      query: url.searchParams,
      body,
    });
    const answer = this.answer(request, url, match, body);
    response.writeHead(answer.status, { 'content-type': 'application/json; charset=UTF-8' });
    response.end(JSON.stringify(answer.body));
  }

  private answer(
    request: IncomingMessage,
    url: URL,
    match: RegExpExecArray | null,
    body: unknown,
  ): Answer {
    const failure = this.failures.shift();
    if (failure) return errorAnswer(failure);
    const token =
      /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ??
      url.searchParams.get('access_token');
    if (token !== this.accessToken) return errorAnswer(graphErrors.invalidToken());
    const path = match?.[2];
    if (request.method !== 'POST' || !path) {
      return errorAnswer(graphErrors.invalidParameter(`Unsupported request to ${url.pathname}`));
    }
    if (typeof body !== 'object' || body === null) {
      return errorAnswer(graphErrors.invalidParameter('The request body is not JSON.'));
    }
    if (path === 'me/messages') return this.sendApi(asRecord(body));
    const edge = /^([^/]+)\/(replies|comments)$/.exec(path);
    if (edge?.[1]) return this.commentReply(decodeURIComponent(edge[1]), asRecord(body));
    return errorAnswer(graphErrors.unknownObject(path));
  }

  private nextId(prefix: string): string {
    this.sequence += 1;
    return `${prefix}${this.sequence}`;
  }

  private sendApi(body: Record<string, unknown>): Answer {
    const recipient = asRecord(body.recipient);
    const message = asRecord(body.message);
    const type = body.messaging_type;
    if (typeof type !== 'string' || !SEND_TYPES.has(type)) {
      return errorAnswer(
        graphErrors.invalidParameter(
          'param messaging_type must be one of {RESPONSE, UPDATE, MESSAGE_TAG}',
        ),
      );
    }
    if (type === 'MESSAGE_TAG' && typeof body.tag !== 'string') {
      return errorAnswer(graphErrors.invalidParameter('param tag is required for MESSAGE_TAG'));
    }
    if (typeof message.text !== 'string' || message.text === '') {
      return errorAnswer(graphErrors.invalidParameter('param message must be non-empty.'));
    }
    let recipientId: string | undefined;
    if (typeof recipient.id === 'string') {
      recipientId = recipient.id;
    } else if (typeof recipient.comment_id === 'string') {
      recipientId = this.commentAuthors.get(recipient.comment_id);
      if (!recipientId) return errorAnswer(graphErrors.unknownObject(recipient.comment_id));
    }
    if (!recipientId)
      return errorAnswer(graphErrors.invalidParameter('param recipient must be non-empty.'));
    return {
      status: 200,
      body: { recipient_id: recipientId, message_id: this.nextId('m_standin') },
    };
  }

  private commentReply(commentId: string, body: Record<string, unknown>): Answer {
    if (typeof body.message !== 'string' || body.message === '') {
      return errorAnswer(graphErrors.invalidParameter('param message must be non-empty.'));
    }
    return { status: 200, body: { id: this.nextId(`${commentId}_reply`) } };
  }
}
