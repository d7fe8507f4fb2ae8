import type { ConversationCard, MessageView } from '@parley/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../commands/ingest.js';
import { createChannel, createWorkspace } from '../../commands/workspaces.js';
import { type ApiClient, startTestServer, type TestServer } from '../../test-support/app.js';
import { GraphApiStandIn } from '../../test-support/graph-api-stand-in.js';
import { ACCESS_TOKEN, GRAPH_VERSION } from '../../test-support/meta-channel.js';
import { APP_SECRET } from '../../test-support/meta-fixtures.js';

const ACCOUNT_ID = '17841400000000042';
const IGSID = '1234567890123456';

describe('private reply to an Instagram comment', () => {
  let app: TestServer;
  let api: ApiClient;
  let graph: GraphApiStandIn;
  let commentThreadId: string;

  beforeAll(async () => {
    graph = await GraphApiStandIn.start({ accessToken: ACCESS_TOKEN });
    app = await startTestServer('pglite');
    api = await app.login();
    const { db, secretBox } = app.server.context;
    const connection = {
      externalAccountId: ACCOUNT_ID,
      config: {
        accountId: ACCOUNT_ID,
        graphApiBaseUrl: graph.baseUrl,
        graphApiVersion: GRAPH_VERSION,
      },
      secrets: { accessToken: ACCESS_TOKEN, appSecret: APP_SECRET, verifyToken: 'open-sesame-42' },
    };
    // Another workspace connected the same account first: replies must still go out through
    // this workspace's own DM channel.
    const { workspace: other } = await createWorkspace(db, {
      name: 'Other tenant',
      admin: { email: 'other-tenant@test.local', name: 'O', password: 'orbit-kettle-42' },
    });
    await createChannel(db, secretBox, other.id, {
      kind: 'instagram_dm',
      name: 'Their IG DMs',
      ...connection,
    });
    const comments = await createChannel(db, secretBox, app.workspaceId, {
      kind: 'instagram_comment',
      name: 'IG comments',
      ...connection,
    });
    await createChannel(db, secretBox, app.workspaceId, {
      kind: 'instagram_dm',
      name: 'IG DMs',
      ...connection,
    });
    const [outcome] = await ingest(
      db,
      {
        id: comments.id,
        workspaceId: app.workspaceId,
        kind: 'instagram_comment',
        assistantId: null,
      },
      [
        {
          type: 'message',
          externalId: '17870009999',
          threadKey: '17870009999',
          contact: { externalId: IGSID, username: 'alpine.amy' },
          author: 'contact',
          text: 'Do you have a discount code?',
          sentAt: new Date(),
        },
      ],
    );
    if (outcome?.status !== 'created') throw new Error('seed failed');
    commentThreadId = outcome.conversationId;
    graph.setCommentAuthor('17870009999', IGSID);
  });

  afterAll(async () => {
    await app.close();
    await graph.close();
  });

  it('sends a DM to the comment author and opens a linked DM conversation', async () => {
    const response = await api(`/api/conversations/${commentThreadId}/private-reply`, {
      body: { text: 'Here is 10% off: AMY10' },
    });
    expect(response.status).toBe(201);
    const { conversation, message } = (await response.json()) as {
      conversation: ConversationCard;
      message: MessageView;
    };
    expect(graph.requests.at(-1)).toMatchObject({
      path: 'me/messages',
      body: {
        recipient: { comment_id: '17870009999' },
        message: { text: 'Here is 10% off: AMY10' },
      },
    });
    expect(conversation).toMatchObject({
      channelKind: 'instagram_dm',
      contact: { externalId: IGSID, username: 'alpine.amy' },
      metadata: { privateReplyTo: { conversationId: commentThreadId, commentId: '17870009999' } },
    });
    expect(message).toMatchObject({
      author: 'operator',
      status: 'sent',
      text: 'Here is 10% off: AMY10',
    });
    const thread = (await (
      await api(`/api/conversations/${commentThreadId}`)
    ).json()) as ConversationCard;
    expect(thread.metadata.privateReplyConversationId).toBe(conversation.id);
  });

  it('refuses conversations that are not comment threads', async () => {
    const list = (await (await api('/api/conversations?channel=instagram_dm')).json()) as {
      items: ConversationCard[];
    };
    const dm = list.items[0];
    const response = await api(`/api/conversations/${dm?.id}/private-reply`, {
      body: { text: 'hi' },
    });
    expect(response.status).toBe(400);
  });
});
