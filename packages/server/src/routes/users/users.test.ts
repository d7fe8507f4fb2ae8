import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace } from '../../commands/workspaces.js';
import { type ApiClient, startTestServer, type TestServer } from '../../test-support/app.js';

describe('teammates', () => {
  let app: TestServer;
  let admin: ApiClient;

  beforeAll(async () => {
    app = await startTestServer('pglite');
    admin = await app.login();
  });

  afterAll(async () => {
    await app.close();
  });

  it('lets an admin add an agent who can then work the inbox but not change settings', async () => {
    const created = await admin('/api/users', {
      body: {
        email: 'Agent@Test.local',
        name: 'Agnes Agent',
        password: 'amber-fjord-lantern',
        role: 'agent',
      },
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ email: 'agent@test.local', role: 'agent' });
    expect(JSON.stringify(await (await admin('/api/users')).json())).not.toContain('password');

    const agent = await app.login('agent@test.local', 'amber-fjord-lantern');
    expect((await agent('/api/conversations')).status).toBe(200);
    expect(
      (
        await agent(`/api/assistants/${app.assistant.id}`, {
          method: 'PATCH',
          body: { greeting: 'x' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await agent('/api/users', {
          body: { email: 'x@test.local', name: 'X', password: 'x-password-123' },
        })
      ).status,
    ).toBe(403);
  });

  it('refuses a second account with the same email in the workspace', async () => {
    const again = await admin('/api/users', {
      body: { email: 'AGENT@test.local', name: 'Again', password: 'another-password' },
    });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: 'user_exists' } });
  });

  it('adds someone whose email signs in to another workspace, without saying so', async () => {
    await createWorkspace(app.server.context.db, {
      name: 'Another tenant',
      admin: { email: 'shared@test.local', name: 'Elsewhere', password: 'violet-harbor-canoe' },
    });
    const created = await admin('/api/users', {
      body: { email: 'shared@test.local', name: 'Here', password: 'mellow-cactus-95' },
    });
    expect(created.status).toBe(201);
  });

  it('refuses weak passwords with the reason', async () => {
    const cases = [
      ['short', /at least 10 characters/],
      ['password123', /too easy to guess/],
      ['newbie-orbit-kettle', /must not contain the email address, the name/],
      ['a'.repeat(201), /at most 200 characters/],
    ] as const;
    for (const [password, reason] of cases) {
      const response = await admin('/api/users', {
        body: { email: 'newbie@test.local', name: 'N', password },
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('weak_password');
      expect(body.error.message).toMatch(reason);
    }
  });

  it('removes a teammate, ending their sessions', async () => {
    await admin('/api/users', {
      body: {
        email: 'leaver@test.local',
        name: 'Leaver',
        password: 'quiet-maple-rocket',
        role: 'agent',
      },
    });
    const leaver = await app.login('leaver@test.local', 'quiet-maple-rocket');
    const list = (await (await admin('/api/users')).json()) as {
      items: { id: string; email: string }[];
    };
    const id = list.items.find((user) => user.email === 'leaver@test.local')?.id;
    expect((await admin(`/api/users/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await leaver('/api/conversations')).status).toBe(401);
  });
});
