import { randomUUID } from 'node:crypto';
import type { ConversationCard, MessageView } from '@parley/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertKnowledgeSource, replaceChunks } from '../store/knowledge.js';
import { type ApiClient, startTestServer, type TestServer } from '../test-support/app.js';

/** The safety net as a customer meets it: messages through the widget API, the built-in
 * offline assistant (which never really answers) replying. */
describe('safety net', () => {
  let app: TestServer;
  let api: ApiClient;

  beforeAll(async () => {
    app = await startTestServer('postgres', { jobPollMs: 100 });
    api = await app.login();
  });

  afterAll(async () => {
    await app.close();
  });

  const visitor = () => {
    const visitorId = randomUUID();
    return async (text: string) => {
      const response = await fetch(`${app.url}/api/widget/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://allowed.example' },
        body: JSON.stringify({
          key: app.assistant.publicKey,
          visitorId,
          text,
          clientMessageId: randomUUID(),
        }),
      });
      if (response.status !== 201) throw new Error(`widget answered ${response.status}`);
      return (await response.json()) as MessageView;
    };
  };
  const card = async (id: string) =>
    (await (await api(`/api/conversations/${id}`)).json()) as ConversationCard;
  const assistantMessages = async (id: string) => {
    const thread = (await (await api(`/api/conversations/${id}/messages`)).json()) as {
      items: MessageView[];
    };
    return thread.items.filter((message) => message.author === 'assistant');
  };
  const assistantReplies = async (id: string) => (await assistantMessages(id)).length;

  it('pauses when a customer asks for a person in German, naming the trigger and quoting them', async () => {
    const say = visitor();
    const message = await say('Ich möchte mit einem Menschen sprechen');
    expect(await card(message.conversationId)).toMatchObject({
      aiPaused: true,
      aiPausedReason: 'Customer asked for a person: "Ich möchte mit einem Menschen sprechen"',
    });
  });

  it('lets a travel agent asking about group rates talk to the assistant', async () => {
    const say = visitor();
    const message = await say("I'm a travel agent — do you offer group rates?");
    expect((await card(message.conversationId)).aiPaused).toBe(false);
    await expect.poll(() => assistantReplies(message.conversationId)).toBe(1);
  });

  it('pauses on a workspace keyword', async () => {
    const saved = await api('/api/analysis/settings', {
      method: 'PUT',
      body: { safetyKeywords: ['chargeback', 'lawyer'] },
    });
    expect(saved.status).toBe(200);
    const say = visitor();
    const message = await say('Fine, I will just ask my bank for a chargeback then.');
    expect(await card(message.conversationId)).toMatchObject({
      aiPaused: true,
      aiPausedReason:
        'Customer mentioned "chargeback": "Fine, I will just ask my bank for a chargeback then."',
    });
    await api('/api/analysis/settings', { method: 'PUT', body: { safetyKeywords: [] } });
  });

  it('pauses when the assistant failed to answer two times in a row', async () => {
    const say = visitor();
    const first = await say('Do you have the Ridge 40L in green?');
    await expect.poll(() => assistantReplies(first.conversationId)).toBe(1);
    await say('And in blue?');
    await expect.poll(() => assistantReplies(first.conversationId)).toBe(2);
    expect((await card(first.conversationId)).aiPaused).toBe(false);
    await say('What about the 30L one?');
    expect(await card(first.conversationId)).toMatchObject({
      aiPaused: true,
      aiPausedReason:
        'The assistant could not answer 2 times in a row; customer wrote: "What about the 30L one?"',
    });
  });

  it('does not count replies answered from the knowledge base, and shows where they came from', async () => {
    const source = await insertKnowledgeSource(app.server.context.db, {
      workspaceId: app.workspaceId,
      assistantId: app.assistant.id,
      kind: 'article',
      title: 'Care guide',
      url: 'https://shop.example/care',
    });
    await replaceChunks(app.server.context.db, source, 'english', [
      {
        position: 0,
        heading: 'Washing',
        text: 'Wash the Ridge backpack by hand in cold water. Never put it in a dryer.',
        question: null,
        embedding: null,
      },
      {
        position: 1,
        heading: 'Waterproofing',
        text: 'Re-waterproof the fabric once a year with a wax spray.',
        question: null,
        embedding: null,
      },
    ]);
    const say = visitor();
    const first = await say('Can I wash the Ridge backpack in the machine?');
    await expect.poll(() => assistantReplies(first.conversationId)).toBe(1);
    await say('How often should I waterproof the fabric?');
    await expect.poll(() => assistantReplies(first.conversationId)).toBe(2);
    await say('Is a dryer ok?');
    await expect.poll(() => assistantReplies(first.conversationId)).toBe(3);
    expect((await card(first.conversationId)).aiPaused).toBe(false);

    const [washing, waterproofing] = await assistantMessages(first.conversationId);
    expect(washing).toMatchObject({
      // The first reply opens with the assistant's greeting.
      text: expect.stringMatching(/Wash the Ridge backpack by hand in cold water\.$/),
      unansweredQuestion: null,
      answeredFrom: [
        {
          sourceId: source.id,
          title: 'Care guide',
          heading: 'Washing',
          url: 'https://shop.example/care',
        },
      ],
    });
    expect(waterproofing?.answeredFrom.map((cited) => cited.heading)).toEqual(['Waterproofing']);
  });

  it('marks a reply without an answer with the question, and hides a deleted source', async () => {
    const say = visitor();
    const first = await say('Do you sell gift wrapping?');
    await expect.poll(() => assistantReplies(first.conversationId)).toBe(1);
    const [reply] = await assistantMessages(first.conversationId);
    expect(reply).toMatchObject({
      unansweredQuestion: 'Do you sell gift wrapping?',
      answeredFrom: [],
    });

    const second = await say('How do I wash the Ridge backpack?');
    await expect.poll(() => assistantReplies(first.conversationId)).toBe(2);
    const cited = (await assistantMessages(first.conversationId))[1]?.answeredFrom[0];
    expect(cited?.title).toBe('Care guide');
    await app.server.context.db
      .deleteFrom('knowledge_sources')
      .where('id', '=', cited?.sourceId ?? '')
      .execute();
    expect((await assistantMessages(second.conversationId))[1]?.answeredFrom).toEqual([]);
  });

  it('never counts failed answers when the workspace turned that trigger off', async () => {
    await api('/api/analysis/settings', { method: 'PUT', body: { failedAnswersBeforePause: 0 } });
    const say = visitor();
    const first = await say('Do you sell tents?');
    await expect.poll(() => assistantReplies(first.conversationId)).toBe(1);
    await say('And sleeping bags?');
    await expect.poll(() => assistantReplies(first.conversationId)).toBe(2);
    await say('And stoves?');
    await expect.poll(() => assistantReplies(first.conversationId)).toBe(3);
    expect((await card(first.conversationId)).aiPaused).toBe(false);
    await api('/api/analysis/settings', { method: 'PUT', body: { failedAnswersBeforePause: 2 } });
  });
});
