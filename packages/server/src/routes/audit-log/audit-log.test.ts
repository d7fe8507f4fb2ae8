import type { AuditEntryView } from '@parley/domain';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createWorkspace } from '../../commands/workspaces.js';
import { encodeCursor } from '../../store/conversations.js';
import { type ApiClient, startTestServer, type TestServer } from '../../test-support/app.js';
import { BACKENDS } from '../../test-support/db.js';

interface AuditPage {
  items: AuditEntryView[];
  nextCursor: string | null;
}

const MESSENGER = {
  kind: 'messenger',
  name: 'Audited Page',
  connection: {
    accountId: '102000000000042',
    accessToken: 'EAAG-audited-page-token-0123456789',
    appSecret: 'fedcba9876543210fedcba9876543210',
    verifyToken: 'audited-verify-token',
  },
};

describe.each(BACKENDS)('the audit log on %s', (backend) => {
  let app: TestServer;
  let admin: ApiClient;
  let adminId: string;

  const bearer = (key: string, path: string, body?: unknown) =>
    fetch(`${app.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  async function log(query = '', client: ApiClient = admin): Promise<AuditPage> {
    const response = await client(`/api/audit-log${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as AuditPage;
  }

  async function latest(action: string): Promise<AuditEntryView> {
    const [entry] = (await log(`?action=${action}&limit=1`)).items;
    if (!entry) throw new Error(`no ${action} entry`);
    return entry;
  }

  beforeAll(async () => {
    app = await startTestServer(backend);
    admin = await app.login();
    const me = (await (await admin('/api/auth/me')).json()) as { user: { id: string } };
    adminId = me.user.id;
  });

  afterAll(async () => {
    await app.close();
  });

  it('records a login with who, from where and which browser', async () => {
    const entry = await latest('auth.login');
    expect(entry).toMatchObject({
      actor: { type: 'user', id: adminId, label: app.operator.email },
      ip: '127.0.0.1',
      target: null,
    });
    expect(entry.userAgent).toBeTruthy();
  });

  it('records a failed login into the account’s workspace, without the password tried', async () => {
    const attempt = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: app.operator.email, password: 'guess-hunter2-guess' }),
    });
    expect(attempt.status).toBe(401);
    // Written after the answer went out (see routes/auth/audit.ts).
    const entry = await vi.waitFor(() => latest('auth.login_failed'), { timeout: 5000 });
    expect(entry.actor).toMatchObject({ id: adminId, label: app.operator.email });
    expect(JSON.stringify(await log())).not.toContain('guess-hunter2-guess');
  });

  it('keeps the address of a failed login out of every log when the email is in several workspaces', async () => {
    const shared = `shared-${backend}@tenant.test`;
    await createWorkspace(app.server.context.db, {
      name: 'Tenant A',
      admin: { email: shared, name: 'Real', password: 'orbit-kettle-42' },
    });
    const { workspace: b } = await createWorkspace(app.server.context.db, {
      name: 'Tenant B',
      admin: { email: shared, name: 'Copy', password: 'orbit-kettle-43-sunny' },
    });
    const attempt = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: shared, password: 'mistyped-password-1' }),
    });
    expect(attempt.status).toBe(401);
    const rows = await vi.waitFor(
      async () => {
        const found = await app.server.context.db
          .selectFrom('audit_log')
          .select(['workspace_id', 'ip', 'user_agent'])
          .where('action', '=', 'auth.login_failed')
          .where('actor_label', '=', shared)
          .execute();
        if (found.length < 2) throw new Error('not recorded yet');
        return found;
      },
      { timeout: 5000 },
    );
    expect(rows.map((row) => row.workspace_id)).toContain(b.id);
    expect(rows.every((row) => row.ip === null && row.user_agent === null)).toBe(true);
  });

  it('records nothing for a login with an email nobody has', async () => {
    const count = async () =>
      Number(
        (
          await app.server.context.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<number>().as('count'))
            .executeTakeFirstOrThrow()
        ).count,
      );
    const before = await count();
    const attempt = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@nowhere.test', password: 'whatever-password' }),
    });
    expect(attempt.status).toBe(401);
    // A login and a logout after it: exactly their two entries, none for the unknown email.
    await (await app.login())('/api/auth/logout', { method: 'POST' });
    expect(await count()).toBe(before + 2);
  });

  it('records teammates added and removed, with their role and never their password', async () => {
    const added = await admin('/api/users', {
      body: {
        email: 'audited-agent@test.local',
        name: 'Audited Agent',
        password: 'orbit-kettle-42-secret',
        role: 'agent',
      },
    });
    const { id } = (await added.json()) as { id: string };
    expect(await latest('user.added')).toMatchObject({
      actor: { type: 'user', id: adminId },
      target: { type: 'user', id, label: 'audited-agent@test.local' },
      details: { role: 'agent' },
    });
    expect((await admin(`/api/users/${id}`, { method: 'DELETE' })).status).toBe(204);
    // The label is a snapshot: it still names the teammate after they are gone.
    expect(await latest('user.removed')).toMatchObject({
      target: { type: 'user', id, label: 'audited-agent@test.local' },
    });
    expect(JSON.stringify(await log())).not.toContain('orbit-kettle-42-secret');
  });

  it('records API keys created and revoked, and what a key does under its own name', async () => {
    const created = (await (
      await admin('/api/api-keys', { body: { name: 'Deploy bot', role: 'admin' } })
    ).json()) as { id: string; key: string };
    expect(await latest('api_key.created')).toMatchObject({
      actor: { type: 'user', id: adminId },
      target: { type: 'api_key', id: created.id, label: 'Deploy bot' },
      details: { role: 'admin' },
    });

    // An admin key may read the log, and what it changes is its own doing.
    expect((await bearer(created.key, '/api/audit-log')).status).toBe(200);
    const made = await bearer(created.key, '/api/api-keys', { name: 'Made by bot', role: 'agent' });
    expect(made.status).toBe(201);
    expect(await latest('api_key.created')).toMatchObject({
      actor: { type: 'api_key', id: created.id, label: 'Deploy bot' },
      target: { label: 'Made by bot' },
    });

    expect((await admin(`/api/api-keys/${created.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await latest('api_key.revoked')).toMatchObject({
      target: { type: 'api_key', id: created.id, label: 'Deploy bot' },
    });
    expect(JSON.stringify(await log())).not.toContain(created.key);
  });

  it('records channels connected, their rules changed and disconnected, without their secrets', async () => {
    const connected = await admin('/api/channels', { body: MESSENGER });
    expect(connected.status).toBe(201);
    const { id } = (await connected.json()) as { id: string };
    expect(await latest('channel.connected')).toMatchObject({
      target: { type: 'channel', id, label: 'Audited Page' },
      details: { kind: 'messenger' },
    });

    await admin(`/api/channels/${id}/rules`, {
      method: 'PUT',
      body: { autoReply: false, keywords: ['refund'] },
    });
    expect(await latest('channel.rules_changed')).toMatchObject({
      target: { type: 'channel', id },
      details: { fields: ['autoReply', 'keywords'] },
    });

    expect((await admin(`/api/channels/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await latest('channel.disconnected')).toMatchObject({
      actor: { id: adminId },
      target: { type: 'channel', id, label: 'Audited Page' },
    });

    const text = JSON.stringify(await log());
    for (const secret of Object.values(MESSENGER.connection).slice(1)) {
      expect(text).not.toContain(secret);
    }
  });

  it('records assistant changes by the fields changed', async () => {
    await admin(`/api/assistants/${app.assistant.id}`, {
      method: 'PATCH',
      body: { greeting: 'Welcome back.', allowedOrigins: ['https://shop.example'] },
    });
    expect(await latest('assistant.updated')).toMatchObject({
      target: { type: 'assistant', id: app.assistant.id, label: 'Tess' },
      details: { fields: ['greeting', 'allowedOrigins'] },
    });
  });

  it('records a logout', async () => {
    const session = await app.login();
    expect((await session('/api/auth/logout', { method: 'POST' })).status).toBe(204);
    expect(await latest('auth.logout')).toMatchObject({ actor: { type: 'user', id: adminId } });
  });

  it('is for admins only: agents and agent keys get 403', async () => {
    await admin('/api/users', {
      body: {
        email: 'reader@test.local',
        name: 'Reader',
        password: 'orbit-kettle-42-quiet',
        role: 'agent',
      },
    });
    const agent = await app.login('reader@test.local', 'orbit-kettle-42-quiet');
    expect((await agent('/api/audit-log')).status).toBe(403);
    const { key } = (await (
      await admin('/api/api-keys', { body: { name: 'Agent bot', role: 'agent' } })
    ).json()) as { key: string };
    expect((await bearer(key, '/api/audit-log')).status).toBe(403);
    expect((await fetch(`${app.url}/api/audit-log`)).status).toBe(401);
  });

  it('never shows another workspace’s entries', async () => {
    const other = await createWorkspace(app.server.context.db, {
      name: 'Other tenant',
      admin: {
        email: `other-${backend}@tenant.test`,
        name: 'Other',
        password: 'orbit-kettle-42-tenant',
      },
    });
    const otherAdmin = await app.login(`other-${backend}@tenant.test`, 'orbit-kettle-42-tenant');
    await otherAdmin('/api/api-keys', { body: { name: 'Other key', role: 'agent' } });

    const theirs = await log('?limit=200', otherAdmin);
    expect(theirs.items.map((entry) => entry.action).sort()).toEqual([
      'api_key.created',
      'auth.login',
    ]);
    expect(JSON.stringify(theirs)).not.toContain(app.operator.email);
    // Not even by asking for our admin by id.
    expect((await log(`?actor=${adminId}`, otherAdmin)).items).toEqual([]);
    const ours = JSON.stringify((await log('?limit=200')).items);
    expect(ours).not.toContain('Other key');
    expect(ours).not.toContain(other.workspace.id);
  });

  it('pages newest first without gaps or repeats, and filters by action, actor and date', async () => {
    const all = await log('?limit=200');
    expect(all.nextCursor).toBeNull();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: AuditPage = await log(`?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((entry) => entry.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((entry) => entry.id));
    const times = all.items.map((entry) => entry.at);
    expect([...times].sort().reverse()).toEqual(times);

    const keys = await log('?action=api_key.created,api_key.revoked');
    expect(keys.items.length).toBeGreaterThan(0);
    expect(keys.items.every((entry) => entry.action.startsWith('api_key.'))).toBe(true);
    const mine = await log(`?actor=${adminId}&limit=200`);
    expect(mine.items.every((entry) => entry.actor?.id === adminId)).toBe(true);
    expect((await log('?to=2001-01-01')).items).toEqual([]);
    expect((await log('?from=2001-01-01&limit=200')).items.length).toBe(all.items.length);
  });

  it('answers 400, not 500, for filters and cursors it cannot use', async () => {
    const badCursor = encodeCursor({
      at: '+275760-09-13T00:00:00.000Z',
      id: '00000000-0000-4000-8000-000000000000',
    });
    for (const query of [
      '?action=auth.everything',
      '?actor=not-a-uuid',
      '?from=0000-01-01',
      '?to=%00',
      '?cursor=%00abc',
      `?cursor=${badCursor}`,
    ]) {
      const response = await admin(`/api/audit-log${query}`);
      expect(response.status, query).toBe(400);
    }
  });
});
