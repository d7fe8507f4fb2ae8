import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
        password: 'agent-password-1',
        role: 'agent',
      },
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ email: 'agent@test.local', role: 'agent' });
    expect(JSON.stringify(await (await admin('/api/users')).json())).not.toContain('password');

    const agent = await app.login('agent@test.local', 'agent-password-1');
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

  it('refuses a second account with the same email, and short passwords', async () => {
    expect(
      (
        await admin('/api/users', {
          body: { email: 'agent@test.local', name: 'Again', password: 'another-password' },
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await admin('/api/users', {
          body: { email: 'new@test.local', name: 'N', password: 'short' },
        })
      ).status,
    ).toBe(400);
  });

  it('removes a teammate, ending their sessions', async () => {
    await admin('/api/users', {
      body: {
        email: 'leaver@test.local',
        name: 'Leaver',
        password: 'leaver-password',
        role: 'agent',
      },
    });
    const leaver = await app.login('leaver@test.local', 'leaver-password');
    const list = (await (await admin('/api/users')).json()) as {
      items: { id: string; email: string }[];
    };
    const id = list.items.find((user) => user.email === 'leaver@test.local')?.id;
    expect((await admin(`/api/users/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await leaver('/api/conversations')).status).toBe(401);
  });
});
