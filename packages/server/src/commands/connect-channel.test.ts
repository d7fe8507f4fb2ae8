import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlineProvider } from '../ai/offline-provider.js';
import type { Context } from '../context.js';
import { AppError } from '../lib/errors.js';
import { SecretBox } from '../lib/secrets.js';
import { testOrigin } from '../test-support/audit-origin.js';
import { openTestStore, type TestStore } from '../test-support/db.js';
import { connectChannel } from './connect-channel.js';
import { createChannel, createWorkspace } from './workspaces.js';

describe('connecting a channel on PostgreSQL', () => {
  let store: TestStore;
  let ctx: Context;
  let workspaceId: string;

  beforeAll(async () => {
    store = await openTestStore('postgres');
    const quiet = () => undefined;
    ctx = {
      store,
      db: store.db,
      secretBox: new SecretBox('connect-test'),
      provider: offlineProvider,
      log: { info: quiet, warn: quiet, error: quiet },
      now: () => new Date(),
      allowCustomPlatformUrls: false,
    };
    ({
      workspace: { id: workspaceId },
    } = await createWorkspace(store.db, {
      name: 'Connect',
      admin: { email: 'connect@test.local', name: 'C', password: 'orbit-kettle-42' },
    }));
  });

  afterAll(async () => {
    await store.dispose();
  });

  it('answers 409, not a database error, when another admin connects the same account meanwhile', async () => {
    const connection = {
      accountId: '102000000000066',
      accessToken: 'EAAG-page-access-token-0123456789',
      appSecret: '0123456789abcdef0123456789abcdef',
      verifyToken: 'verify-me-please',
    };
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The other admin's connection is written but not yet committed: our check cannot see it.
    const other = store.db.transaction().execute(async (trx) => {
      await createChannel(trx, ctx.secretBox, workspaceId, {
        kind: 'messenger',
        name: 'Other',
        externalAccountId: connection.accountId,
      });
      await held;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const by = { workspaceId, actorUserId: null, actorApiKeyId: null, ip: null, userAgent: null };
    // Caught at once: on a slow machine it may fail before the other transaction ends.
    const ours = connectChannel(
      ctx,
      workspaceId,
      { kind: 'messenger', name: 'Ours', assistantId: null, connection },
      by,
    ).catch((caught: unknown) => caught);
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();
    await other;
    const error = await ours;
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 409, code: 'channel_exists' });
  });

  it('connects an account another workspace has too, without failing or naming the other', async () => {
    const connection = {
      accountId: '102000000000077',
      accessToken: 'EAAG-page-access-token-0123456789',
      appSecret: 'abcdef0123456789abcdef0123456789',
      verifyToken: 'verify-me-please',
    };
    const input = { kind: 'messenger' as const, name: 'Page', assistantId: null, connection };
    const first = await connectChannel(ctx, workspaceId, input, testOrigin(workspaceId));
    const { workspace: other } = await createWorkspace(store.db, {
      name: 'Other tenant',
      admin: { email: 'other@test.local', name: 'O', password: 'orbit-kettle-42' },
    });
    const squatted = await connectChannel(
      ctx,
      other.id,
      {
        ...input,
        connection: { ...connection, appSecret: 'fedcba9876543210fedcba9876543210' },
      },
      testOrigin(other.id),
    );
    expect(squatted.workspace_id).toBe(other.id);
    expect(squatted.id).not.toBe(first.id);
    // Within one workspace, the same account twice is still a conflict.
    const again = await connectChannel(ctx, workspaceId, input, testOrigin(workspaceId)).catch(
      (caught: unknown) => caught,
    );
    expect(again).toMatchObject({ status: 409, code: 'channel_exists' });
  });
});
