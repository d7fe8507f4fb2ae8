import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, startTestServer, type TestServer } from '../../test-support/app.js';

describe('API keys', () => {
  let app: TestServer;
  let api: ApiClient;

  beforeAll(async () => {
    app = await startTestServer('pglite');
    api = await app.login();
  });

  afterAll(async () => {
    await app.close();
  });

  const withKey = (key: string, path: string, init: { method?: string; body?: unknown } = {}) =>
    fetch(`${app.url}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        authorization: `Bearer ${key}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });

  const createKey = async (role: 'admin' | 'agent') => {
    const response = await api('/api/api-keys', { body: { name: `${role} script`, role } });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string; key: string; prefix: string };
  };

  it('shows a new key once, and lists only its prefix afterwards', async () => {
    const created = await createKey('agent');
    expect(created.key).toMatch(/^prl_[\w-]{40}$/);
    const listed = await (await api('/api/api-keys')).text();
    expect(listed).not.toContain(created.key);
    expect(listed).toContain(created.prefix);
  });

  it('lets a script read the inbox with a bearer key, without a session or CSRF token', async () => {
    const { key } = await createKey('agent');
    const response = await withKey(key, '/api/conversations');
    expect(response.status).toBe(200);
    const me = (await (await withKey(key, '/api/auth/me')).json()) as { workspace: { id: string } };
    expect(me.workspace.id).toBe(app.workspaceId);
  });

  it('limits a key to its role: an agent key cannot change workspace settings', async () => {
    const { key } = await createKey('agent');
    const response = await withKey(key, '/api/api-keys', {
      body: { name: 'escalate', role: 'admin' },
    });
    expect(response.status).toBe(403);
  });

  it('refuses a revoked or unknown key', async () => {
    const { id, key } = await createKey('admin');
    expect((await api(`/api/api-keys/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await withKey(key, '/api/conversations')).status).toBe(401);
    expect((await withKey('prl_not-a-real-key', '/api/conversations')).status).toBe(401);
  });
});
