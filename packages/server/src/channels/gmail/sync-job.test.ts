import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createChannel, createWorkspace } from '../../commands/workspaces.js';
import { RetryableJobError } from '../../jobs/runner.js';
import { SecretBox } from '../../lib/secrets.js';
import { loadChannel } from '../../store/channels.js';
import { BACKENDS, openTestStore, type TestStore } from '../../test-support/db.js';
import { gmailMessage } from '../../test-support/gmail-fixtures.js';
import { GoogleStandIn } from '../../test-support/google-stand-in.js';
import { GmailApiError } from './errors.js';
import { GoogleAccessTokens } from './oauth.js';
import { type GmailJobDeps, pollGmail, runGmailSync } from './sync-job.js';
import { readSyncState, recordNotifiedHistoryId } from './sync-state.js';

const MAILBOX = 'support@shop.example';
const secretBox = new SecretBox('gmail-sync-test');

describe.each(BACKENDS)('the Gmail sync job on %s', (backend) => {
  let store: TestStore;
  let workspaceId: string;
  let google: GoogleStandIn;
  let deps: GmailJobDeps;

  const connectMailbox = async (config: Record<string, unknown> = {}) => {
    const row = await createChannel(store.db, secretBox, workspaceId, {
      kind: 'gmail',
      name: 'Support mailbox',
      externalAccountId: `${MAILBOX}#${Math.random()}`,
      config: { ...google.channelConfig(), ...config },
      secrets: google.channelSecrets(),
    });
    return row.id;
  };

  const customerMail = (text: string, extra: Partial<Parameters<typeof gmailMessage>[0]> = {}) =>
    gmailMessage({
      from: 'Ann Lee <ann@example.com>',
      to: MAILBOX,
      subject: 'Order 1001',
      text,
      ...extra,
    });

  const messagesOf = (channelId: string) =>
    store.db
      .selectFrom('messages')
      .selectAll()
      .where('channel_id', '=', channelId)
      .orderBy('created_at')
      .execute();

  beforeAll(async () => {
    store = await openTestStore(backend);
    const { workspace } = await createWorkspace(store.db, {
      name: 'Gmail',
      admin: { email: `gmail-${backend}@test.local`, name: 'A', password: 'orbit-kettle-42' },
    });
    workspaceId = workspace.id;
  });

  afterAll(() => store.dispose());

  beforeEach(async () => {
    google = await GoogleStandIn.start({ emailAddress: MAILBOX });
    deps = {
      db: store.db,
      loadChannel: (id) => loadChannel(store.db, secretBox, id),
      tokens: new GoogleAccessTokens(),
    };
  });

  afterEach(() => google.close());

  it('ingests new mail as one conversation per Gmail thread and saves the cursor', async () => {
    const channelId = await connectMailbox({ historyId: String(google.mailbox.historyId) });
    const first = google.mailbox.add(
      customerMail('Where is my order?', {
        html: '<p>Where is my order?</p>',
        date: new Date('2024-06-03T10:00:00Z'),
        attachments: [{ filename: 'receipt.pdf', mimeType: 'application/pdf', size: 9120 }],
      }),
    );
    google.mailbox.add(
      customerMail('Any news?', {
        threadId: first.threadId,
        date: new Date('2024-06-03T11:00:00Z'),
      }),
    );
    google.mailbox.add(
      gmailMessage({
        from: 'Bo <bo@example.com>',
        to: MAILBOX,
        subject: 'Refund',
        text: 'Refund please',
        date: new Date('2024-06-03T12:00:00Z'),
      }),
    );

    const summary = await runGmailSync(deps, channelId);
    expect(summary).toEqual({
      status: 'synced',
      modes: ['history'],
      created: 3,
      historyId: String(google.mailbox.historyId),
    });
    const conversations = await store.db
      .selectFrom('conversations')
      .innerJoin('contacts', 'contacts.id', 'conversations.contact_id')
      .select([
        'thread_key',
        'subject',
        'preview',
        'contacts.email',
        'contacts.display_name',
        'conversations.metadata',
      ])
      .where('conversations.channel_id', '=', channelId)
      .orderBy('last_activity_at')
      .execute();
    expect(conversations).toMatchObject([
      {
        thread_key: first.threadId,
        subject: 'Order 1001',
        preview: 'Any news?',
        email: 'ann@example.com',
        display_name: 'Ann Lee',
      },
      { subject: 'Refund', email: 'bo@example.com', display_name: 'Bo' },
    ]);
    expect(conversations[0]?.metadata).toMatchObject({ gmail: { replyTo: 'ann@example.com' } });
    const [stored] = await messagesOf(channelId);
    expect(stored).toMatchObject({
      external_id: first.id,
      author: 'contact',
      text: 'Where is my order?',
      attachments: [{ type: 'file', name: 'receipt.pdf', mimeType: 'application/pdf', size: 9120 }],
      metadata: { html: '<p>Where is my order?</p>' },
    });
    expect((await readSyncState(store.db, channelId)).historyId).toBe(
      String(google.mailbox.historyId),
    );
  });

  it('stores nothing twice when a sync repeats history (crash before the cursor was saved)', async () => {
    const start = String(google.mailbox.historyId);
    const channelId = await connectMailbox({ historyId: start });
    google.mailbox.add(customerMail('Hello'));
    await runGmailSync(deps, channelId);
    await store.db
      .updateTable('channels')
      .set({ config: JSON.stringify({ ...google.channelConfig(), historyId: start }) })
      .where('id', '=', channelId)
      .execute();
    expect((await runGmailSync(deps, channelId)).created).toBe(0);
    expect(await messagesOf(channelId)).toHaveLength(1);
  });

  it('starts a new mailbox from now, without importing its past', async () => {
    google.mailbox.add(customerMail('Last month'));
    const channelId = await connectMailbox();
    expect(await runGmailSync(deps, channelId)).toMatchObject({ modes: ['initial'], created: 0 });
    expect((await readSyncState(store.db, channelId)).historyId).toBe(
      String(google.mailbox.historyId),
    );
    expect(await messagesOf(channelId)).toHaveLength(0);
  });

  it('re-syncs recent mail when the stored cursor is too old', async () => {
    const channelId = await connectMailbox({ historyId: String(google.mailbox.historyId) });
    google.mailbox.add(customerMail('Sent while Parley was down', { date: new Date() }));
    google.mailbox.forgetHistory();
    expect(await runGmailSync(deps, channelId)).toMatchObject({ modes: ['resync'], created: 1 });
  });

  it('goes round again when a push announces mail that arrived during the sync', async () => {
    const channelId = await connectMailbox({ historyId: String(google.mailbox.historyId) });
    google.mailbox.add(customerMail('Before'));
    google.afterNextReply('GET', '/history', async () => {
      google.mailbox.add(customerMail('During'));
      await recordNotifiedHistoryId(store.db, channelId, String(google.mailbox.historyId));
    });
    const summary = await runGmailSync(deps, channelId);
    expect(summary).toMatchObject({ modes: ['history', 'history'], created: 2 });
    expect((await messagesOf(channelId)).map((message) => message.text)).toEqual([
      'Before',
      'During',
    ]);
  });

  it('turns a Google outage into a job retry and a revoked grant into a failure', async () => {
    const channelId = await connectMailbox({ historyId: String(google.mailbox.historyId) });
    google.failNext('GET', '/history', 503, { error: { code: 503, message: 'Backend Error' } });
    await expect(runGmailSync(deps, channelId)).rejects.toBeInstanceOf(RetryableJobError);

    google.revokeRefreshToken();
    const error = await runGmailSync(
      { ...deps, tokens: new GoogleAccessTokens() },
      channelId,
    ).catch((caught) => caught);
    expect(error).toBeInstanceOf(GmailApiError);
    expect(error).toMatchObject({ kind: 'invalid_token' });
  });

  it('skips a channel that no longer exists', async () => {
    expect(await runGmailSync(deps, '00000000-0000-4000-8000-000000000000')).toMatchObject({
      status: 'channel_missing',
    });
  });

  it('polls a mailbox without push, and stops polling once push is configured', async () => {
    const now = new Date('2024-06-03T10:00:00Z');
    const polling = await connectMailbox({
      historyId: String(google.mailbox.historyId),
      pollIntervalSeconds: 30,
    });
    google.mailbox.add(customerMail('Polled'));
    expect(await pollGmail({ ...deps, now: () => now }, polling)).toEqual(
      new Date(now.getTime() + 30_000),
    );
    expect(await messagesOf(polling)).toHaveLength(1);

    const pushed = await connectMailbox({ pubsubTopic: 'projects/parley/topics/gmail' });
    expect(await pollGmail(deps, pushed)).toBeNull();
  });
});
