import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../test-support/db.js';
import { recordAudit } from './audit.js';
import { createWorkspace } from './workspaces.js';

describe('recordAudit', () => {
  let store: TestStore;
  let workspaceId: string;
  let userId: string;

  beforeAll(async () => {
    store = await openTestStore('pglite');
    const created = await createWorkspace(store.db, {
      name: 'Audit',
      admin: { email: 'audit@test.local', name: 'A', password: 'orbit-kettle-42' },
    });
    workspaceId = created.workspace.id;
    userId = (
      await store.db
        .selectFrom('users')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirstOrThrow()
    ).id;
  });

  afterAll(async () => {
    await store.dispose();
  });

  it('keeps credential-looking details out, and a browser name short and printable', async () => {
    await recordAudit(store.db, {
      workspaceId,
      actorUserId: userId,
      actorApiKeyId: null,
      ip: '203.0.113.9',
      userAgent: `Evil\u0000Agent\n${'x'.repeat(1000)}`,
      action: 'user.added',
      details: { role: 'agent', password: 'pw', accessToken: 't', appSecret: 's', key: 'k' },
    });
    const row = await store.db.selectFrom('audit_log').selectAll().executeTakeFirstOrThrow();
    expect(row.details).toEqual({ role: 'agent' });
    expect(row.user_agent).toMatch(/^EvilAgentx+$/);
    expect(row.user_agent?.length).toBe(256);
    expect(row.actor_label).toBe('audit@test.local');
  });
});
