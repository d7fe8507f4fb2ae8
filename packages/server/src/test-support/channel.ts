/** A fresh workspace with one channel, ready for ingest, for tests and benchmarks. */
import { randomUUID } from 'node:crypto';
import type { ChannelKind } from '@parley/domain';
import type { ChannelForIngest } from '../commands/ingest.js';
import { createChannel, createWorkspace } from '../commands/workspaces.js';
import { SecretBox } from '../lib/secrets.js';
import type { Db } from '../store/store.js';

export async function createTestChannel(db: Db, kind: ChannelKind): Promise<ChannelForIngest> {
  const { workspace } = await createWorkspace(db, {
    name: `Workspace ${kind}`,
    admin: {
      email: `admin-${randomUUID()}@test.local`,
      name: 'Admin',
      password: 'orbit-kettle-42',
    },
  });
  const row = await createChannel(db, new SecretBox('test'), workspace.id, { kind, name: kind });
  return { id: row.id, workspaceId: workspace.id, kind, assistantId: null };
}
