/**
 * A real Parley server for tests: real HTTP on a free port, a fresh PGlite or PostgreSQL
 * database, a workspace with an operator and an assistant, and a logged-in API client.
 */
import { fileURLToPath } from 'node:url';
import type { ModelProvider } from '../ai/provider.js';
import { createServer, type ParleyServer } from '../app.js';
import { createAssistant, createWorkspace } from '../commands/workspaces.js';
import { SecretBox } from '../lib/secrets.js';
import { type Backend, openTestStore } from './db.js';

export const PACKAGES_DIR = fileURLToPath(new URL('../../../', import.meta.url));

export interface TestServer {
  url: string;
  server: ParleyServer;
  workspaceId: string;
  assistant: { id: string; publicKey: string; shareSlug: string };
  operator: { email: string; password: string };
  /** Logs in and returns a fetch for the operator API (cookie + CSRF header set). */
  login(email?: string, password?: string): Promise<ApiClient>;
  close(): Promise<void>;
}

export type ApiClient = (
  path: string,
  init?: { method?: string; body?: unknown },
) => Promise<Response>;

let counter = 0;

export async function startTestServer(
  backend: Backend,
  options: {
    now?: () => Date;
    jobPollMs?: number;
    provider?: ModelProvider;
    streamPingMs?: number;
    trustProxy?: boolean;
    /** Knowledge URL imports may reach local test pages unless a test says otherwise. */
    allowPrivateKnowledgeUrls?: boolean;
  } = {},
): Promise<TestServer> {
  const store = await openTestStore(backend);
  const server = await createServer({
    store,
    secretBox: new SecretBox('test-secret'),
    paths: { webDist: `${PACKAGES_DIR}web/dist`, widgetDist: `${PACKAGES_DIR}widget/dist` },
    logger: false,
    // Tests point channels at local stand-ins of Meta and Google.
    allowCustomPlatformUrls: true,
    allowPrivateKnowledgeUrls: options.allowPrivateKnowledgeUrls ?? true,
    jobPollMs: options.jobPollMs ?? 200,
    ...(options.now ? { now: options.now } : {}),
    ...(options.provider ? { provider: options.provider } : {}),
    ...(options.streamPingMs ? { streamPingMs: options.streamPingMs } : {}),
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
  });
  const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
  counter += 1;
  const operator = {
    email: `operator${counter}-${Date.now()}@test.local`,
    password: 'correct horse battery',
  };
  const { workspace } = await createWorkspace(store.db, {
    name: 'Test workspace',
    admin: { ...operator, name: 'Test Operator' },
  });
  const assistant = await createAssistant(store.db, workspace.id, {
    name: 'Tess',
    greeting: 'Hello from Tess.',
    allowedOrigins: ['https://allowed.example'],
  });

  const login = async (
    email = operator.email,
    password = operator.password,
  ): Promise<ApiClient> => {
    const response = await fetch(`${address}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    return (path, init = {}) =>
      fetch(`${address}${path}`, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers: {
          cookie,
          'x-csrf-token': csrfToken,
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
  };

  return {
    url: address,
    server,
    workspaceId: workspace.id,
    assistant: {
      id: assistant.id,
      publicKey: assistant.public_key,
      shareSlug: assistant.share_slug,
    },
    operator,
    login,
    async close() {
      await server.close();
      await store.dispose();
    },
  };
}
