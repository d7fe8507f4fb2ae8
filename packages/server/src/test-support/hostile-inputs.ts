/**
 * Fuzzing every route with values PostgreSQL cannot take: the routes a server has, a hostile
 * variant of a valid request for each of its inputs, and a plain HTTP client that sends each
 * from its own loopback address (so per-IP rate limits do not hide what a route would do).
 */
import { request as httpRequest } from 'node:http';

export interface RequestShape {
  method: string;
  /** The route as registered, e.g. `/api/conversations/:id`. */
  route: string;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

export interface Variant {
  /** Where the hostile value went, e.g. `body.keywords.0 = "a\u0000"`. */
  description: string;
  shape: RequestShape;
  /** A NUL in the address: the global guard must answer 400. */
  nulInUrl: boolean;
}

/** `METHOD /route` for every route of `app.printRoutes({ commonPrefix: false })`, HEAD left out. */
export function listRoutes(printed: string): string[] {
  const routes: string[] = [];
  const stack: string[] = [];
  for (const line of printed.split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+) \(([^)]+)\)/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    stack.length = depth;
    stack.push(match[2] ?? '');
    const path = stack.join('');
    for (const method of (match[3] ?? '').split(', ')) {
      if (method !== 'HEAD') routes.push(`${method} ${path}`);
    }
  }
  return routes;
}

const NUL = '\u0000';
const LONE_SURROGATE = '\ud800';
const cursorAt = (at: string) =>
  Buffer.from(JSON.stringify({ at, id: '00000000-0000-4000-8000-000000000000' })).toString(
    'base64url',
  );

/** Dates and numbers JavaScript accepts and PostgreSQL does not (or that overflow). */
export const OUT_OF_RANGE = [
  '0000-01-01',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '1e400',
  '9007199254740993',
  cursorAt('+275760-09-13T00:00:00.000Z'),
  cursorAt('0000-01-01T00:00:00.000Z'),
];
const HUGE_NUMBERS = [1e20, -1, Number.MAX_VALUE];

function leaves(value: unknown, path: string[] = []): { path: string[]; value: unknown }[] {
  if (Array.isArray(value))
    return value.flatMap((item, index) => leaves(item, [...path, `${index}`]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]));
  }
  return [{ path, value }];
}

function replaced(value: unknown, path: string[], next: unknown): unknown {
  if (path.length === 0) return next;
  const [head = '', ...rest] = path;
  if (Array.isArray(value)) {
    return value.map((item, index) => (`${index}` === head ? replaced(item, rest, next) : item));
  }
  const record = value as Record<string, unknown>;
  return { ...record, [head]: replaced(record[head], rest, next) };
}

/** Every hostile variant of a valid request: one bad value in one place at a time. */
export function hostileVariants(shape: RequestShape): Variant[] {
  const variants: Variant[] = [];
  for (const [name, value] of Object.entries(shape.params ?? {})) {
    for (const bad of [`${value}${NUL}`, 'not-a-uuid', ...OUT_OF_RANGE]) {
      variants.push({
        description: `params.${name} = ${JSON.stringify(bad)}`,
        shape: { ...shape, params: { ...shape.params, [name]: bad } },
        nulInUrl: bad.includes(NUL),
      });
    }
  }
  for (const [name, value] of Object.entries(shape.query ?? {})) {
    for (const bad of [`${value}${NUL}`, NUL, ...OUT_OF_RANGE]) {
      variants.push({
        description: `query.${name} = ${JSON.stringify(bad)}`,
        shape: { ...shape, query: { ...shape.query, [name]: bad } },
        nulInUrl: bad.includes(NUL),
      });
    }
  }
  for (const leaf of leaves(shape.body)) {
    if (shape.body === undefined) break;
    const bad =
      typeof leaf.value === 'number'
        ? HUGE_NUMBERS
        : [`${String(leaf.value)}${NUL}`, NUL, LONE_SURROGATE, ...OUT_OF_RANGE];
    for (const value of bad) {
      variants.push({
        description: `body.${leaf.path.join('.')} = ${JSON.stringify(value)}`,
        shape: { ...shape, body: replaced(shape.body, leaf.path, value) },
        nulInUrl: false,
      });
    }
  }
  return variants;
}

export function urlOf(shape: RequestShape): string {
  const path = shape.route.replace(/:(\w+)/g, (_match, name: string) =>
    encodeURIComponent(shape.params?.[name] ?? ''),
  );
  const query = new URLSearchParams(shape.query ?? {}).toString();
  return query ? `${path}?${query}` : path;
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body, or '' for a live stream (closed as soon as it answers). */
  text: string;
}

let nextAddress = 0;

/** A fresh loopback source address per request: 127.0.1.1, 127.0.1.2, ... */
function loopbackAddress(): string {
  nextAddress += 1;
  return `127.0.${1 + Math.floor(nextAddress / 250)}.${1 + (nextAddress % 250)}`;
}

export function send(
  baseUrl: string,
  request: { method: string; url: string; headers?: Record<string, string>; body?: Buffer },
): Promise<Answer> {
  const target = new URL(request.url, baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: request.method,
        path: `${target.pathname}${target.search}`,
        headers: request.headers ?? {},
        localAddress: loopbackAddress(),
      },
      (response) => {
        const answer = { status: response.statusCode ?? 0, headers: response.headers };
        if (String(response.headers['content-type']).startsWith('text/event-stream')) {
          response.destroy();
          return resolve({ ...answer, text: '' });
        }
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ ...answer, text: Buffer.concat(chunks).toString() }));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}
