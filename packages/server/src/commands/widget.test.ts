import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support/app.js';
import { BACKENDS } from '../test-support/db.js';
import { openVisitorSession, postVisitorMessage, type Visitor } from './widget.js';
import { createAssistant } from './workspaces.js';

describe.each(BACKENDS)('first visits racing on %s', (backend) => {
  let app: TestServer;

  beforeAll(async () => {
    app = await startTestServer(backend, { jobPollMs: 60_000 });
  });

  afterAll(async () => {
    await app.close();
  });

  const freshAssistant = () =>
    createAssistant(app.server.context.db, app.workspaceId, { name: `Racer ${randomUUID()}` });

  const channelsOf = (assistantId: string) =>
    app.server.context.db
      .selectFrom('channels')
      .select(['id', 'kind'])
      .where('assistant_id', '=', assistantId)
      .execute();

  it('creates one share-link channel when 20 visitors write first at once', async () => {
    const assistant = await freshAssistant();
    const sent = await Promise.all(
      Array.from({ length: 20 }, (_, index) => {
        const visitor: Visitor = { assistant, kind: 'share_link', visitorId: randomUUID() };
        return postVisitorMessage(app.server.context, visitor, {
          text: `Hello ${index}`,
          clientMessageId: randomUUID(),
        });
      }),
    );
    expect(await channelsOf(assistant.id)).toHaveLength(1);
    expect(new Set(sent.map((message) => message.conversationId)).size).toBe(20);
  });

  it("keeps one visitor's 20 simultaneous first messages in one conversation", async () => {
    const assistant = await freshAssistant();
    const visitor: Visitor = { assistant, kind: 'website_widget', visitorId: randomUUID() };
    const ctx = app.server.context;
    const sent = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        postVisitorMessage(ctx, visitor, { text: `Part ${index}`, clientMessageId: randomUUID() }),
      ),
    );
    const [channel, ...others] = await channelsOf(assistant.id);
    expect(others).toEqual([]);
    expect(new Set(sent.map((message) => message.conversationId)).size).toBe(1);
    const contacts = await ctx.db
      .selectFrom('contacts')
      .select('id')
      .where('channel_id', '=', channel?.id ?? '')
      .execute();
    expect(contacts).toHaveLength(1);
    const session = await openVisitorSession(ctx, visitor);
    expect(session.conversationId).toBe(sent[0]?.conversationId);
    expect(session.messages).toHaveLength(20);
  });

  it('answers a session before any channel exists without creating one', async () => {
    const assistant = await freshAssistant();
    const visitor: Visitor = { assistant, kind: 'share_link', visitorId: randomUUID() };
    const session = await openVisitorSession(app.server.context, visitor);
    expect(session).toMatchObject({ conversationId: null, messages: [] });
    expect(await channelsOf(assistant.id)).toEqual([]);
  });
});
