import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createChannel, createWorkspace } from '../../commands/workspaces.js';
import { SecretBox } from '../../lib/secrets.js';
import { loadChannel } from '../../store/channels.js';
import { openTestStore, type TestStore } from '../../test-support/db.js';
import { GoogleStandIn } from '../../test-support/google-stand-in.js';
import { gmailIngestMode } from './config.js';
import { GoogleAccessTokens } from './oauth.js';
import type { GmailJobDeps } from './sync-job.js';
import { readSyncState } from './sync-state.js';
import { nextWatchRenewal, renewGmailWatch } from './watch-job.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const TOPIC = 'projects/parley-test/topics/gmail';
const secretBox = new SecretBox('gmail-watch-test');

describe('when to renew a Gmail watch', () => {
  const now = new Date('2024-06-03T10:00:00Z');
  const after = (ms: number) => new Date(now.getTime() + ms);

  it('renews daily while the watch has a week left, as Google advises', () => {
    expect(nextWatchRenewal(after(7 * DAY_MS), now)).toEqual(after(DAY_MS));
  });

  it('renews a day before expiry when that comes sooner, and never in the past', () => {
    expect(nextWatchRenewal(after(1.5 * DAY_MS), now)).toEqual(after(0.5 * DAY_MS));
    expect(nextWatchRenewal(after(10 * 60_000), now)).toEqual(after(60_000));
  });

  it('tells push channels from polling ones by their Pub/Sub topic', () => {
    expect(gmailIngestMode({ pubsubTopic: TOPIC })).toBe('push');
    expect(gmailIngestMode({ pubsubTopic: '  ' })).toBe('polling');
    expect(gmailIngestMode({})).toBe('polling');
  });
});

describe('renewing a Gmail watch', () => {
  let store: TestStore;
  let workspaceId: string;
  let google: GoogleStandIn;
  let deps: GmailJobDeps;
  const now = new Date('2024-06-03T10:00:00Z');

  const connect = async (config: Record<string, unknown>) =>
    (
      await createChannel(store.db, secretBox, workspaceId, {
        kind: 'gmail',
        name: 'Mail',
        config: { ...google.channelConfig(), ...config },
        secrets: google.channelSecrets(),
      })
    ).id;

  beforeAll(async () => {
    store = await openTestStore('pglite');
    const { workspace } = await createWorkspace(store.db, {
      name: 'Watch',
      admin: { email: 'watch@test.local', name: 'A', password: 'orbit-kettle-42' },
    });
    workspaceId = workspace.id;
  });

  afterAll(() => store.dispose());

  beforeEach(async () => {
    google = await GoogleStandIn.start({ now: () => now.getTime() });
    deps = {
      db: store.db,
      loadChannel: (id) => loadChannel(store.db, secretBox, id),
      tokens: new GoogleAccessTokens({ now: () => now.getTime() }),
      now: () => now,
    };
  });

  afterEach(() => google.close());

  it('calls users.watch on the topic, stores the expiry and the starting cursor', async () => {
    const channelId = await connect({ pubsubTopic: TOPIC });
    const next = await renewGmailWatch(deps, channelId);

    expect(next).toEqual(new Date(now.getTime() + DAY_MS));
    expect(google.watches).toEqual([{ topicName: TOPIC, labelIds: ['INBOX'] }]);
    const channel = await loadChannel(store.db, secretBox, channelId);
    expect(channel?.config.watchExpiration).toBe(
      new Date(now.getTime() + 7 * DAY_MS).toISOString(),
    );
    expect((await readSyncState(store.db, channelId)).historyId).toBe(
      String(google.mailbox.historyId),
    );
  });

  it('keeps an existing cursor when renewing', async () => {
    const channelId = await connect({ pubsubTopic: TOPIC, historyId: '100001' });
    google.mailbox.historyId += 1000n;
    await renewGmailWatch(deps, channelId);
    expect((await readSyncState(store.db, channelId)).historyId).toBe('100001');
  });

  it('has nothing to renew for a polling channel', async () => {
    const channelId = await connect({});
    expect(await renewGmailWatch(deps, channelId)).toBeNull();
    expect(google.watches).toEqual([]);
  });
});
