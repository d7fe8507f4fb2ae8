import { randomUUID } from 'node:crypto';
import type { ConversationAnalysis, ConversationCard } from '@parley/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../commands/ingest.js';
import { createChannel, createWorkspace } from '../../commands/workspaces.js';
import { readEvents } from '../../store/events.js';
import { type ApiClient, startTestServer, type TestServer } from '../../test-support/app.js';
import { inboundMessage } from '../../test-support/inbound.js';

function analysis(overrides: Partial<ConversationAnalysis>): ConversationAnalysis {
  return {
    version: 1,
    summary: 'Customer asks about delivery.',
    topics: ['shipping'],
    keyphrases: [],
    sentiment: { label: 'neutral', score: 0, trend: 'steady' },
    frustrated: false,
    frustratedBy: null,
    humanRequested: false,
    humanRequestedBy: null,
    unansweredQuestions: [],
    actionItems: [],
    language: 'en',
    analyzer: 'offline',
    analyzedAt: new Date().toISOString(),
    lastMessageId: randomUUID(),
    ...overrides,
  };
}

const quote = { messageId: randomUUID(), quote: 'x' };
const openItem = {
  id: randomUUID(),
  text: 'Send a replacement zipper',
  done: false,
  doneAt: null,
  doneBy: null,
};

/** The inbox's view of the analysis: on the card, in filters, in search, action items ticked. */
describe('conversation intelligence in the inbox API', () => {
  let app: TestServer;
  let api: ApiClient;
  const ids: Record<string, string> = {};

  const seed = async (name: string, workspaceId: string, value: ConversationAnalysis | null) => {
    const { db, secretBox } = app.server.context;
    const row = await createChannel(db, secretBox, workspaceId, { kind: 'messenger', name });
    const [outcome] = await ingest(
      db,
      { id: row.id, workspaceId, kind: 'messenger', assistantId: null },
      [inboundMessage({ text: `Message from ${name}` })],
    );
    if (outcome?.status !== 'created') throw new Error('seed failed');
    if (value) {
      await db
        .updateTable('conversations')
        .set({ analysis: JSON.stringify(value), analysis_version: 1, summary: value.summary })
        .where('id', '=', outcome.conversationId)
        .execute();
    }
    ids[name] = outcome.conversationId;
  };

  beforeAll(async () => {
    app = await startTestServer('postgres');
    api = await app.login();
    const workspaceId = app.workspaceId;
    await seed(
      'calm',
      workspaceId,
      analysis({ sentiment: { label: 'positive', score: 0.6, trend: 'improving' } }),
    );
    await seed(
      'angry',
      workspaceId,
      analysis({
        summary: 'Order #4417 arrived with a broken zipper; customer wants a replacement.',
        topics: ['returns', 'complaint'],
        sentiment: { label: 'negative', score: -0.7, trend: 'worsening' },
        frustrated: true,
        frustratedBy: quote,
        actionItems: [openItem],
      }),
    );
    await seed(
      'asks',
      workspaceId,
      analysis({
        humanRequested: true,
        humanRequestedBy: quote,
        unansweredQuestions: [quote],
        actionItems: [
          {
            ...openItem,
            id: randomUUID(),
            done: true,
            doneAt: new Date().toISOString(),
            doneBy: 'u',
          },
        ],
      }),
    );
    await seed('new', workspaceId, null);
    const { workspace } = await createWorkspace(app.server.context.db, {
      name: 'Other',
      admin: { email: `other-${randomUUID()}@test.local`, name: 'O', password: 'orbit-kettle-42' },
    });
    await seed(
      'foreign',
      workspace.id,
      analysis({ frustrated: true, frustratedBy: quote, actionItems: [openItem] }),
    );
  });

  afterAll(async () => {
    await app.close();
  });

  const names = async (query: string) => {
    const page = (await (await api(`/api/conversations?${query}`)).json()) as {
      items: ConversationCard[];
    };
    const byId = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
    return page.items.map((card) => byId[card.id]).sort();
  };

  it('shows the analysis on the card, and null before the first one', async () => {
    const card = (await (await api(`/api/conversations/${ids.angry}`)).json()) as ConversationCard;
    expect(card.analysis?.topics).toEqual(['returns', 'complaint']);
    expect(card.summary).toBe(card.analysis?.summary);
    const thread = (await (await api(`/api/conversations/${ids.angry}/messages`)).json()) as {
      analysis: ConversationCard['analysis'];
    };
    expect(thread.analysis).toEqual(card.analysis);
    const fresh = (await (await api(`/api/conversations/${ids.new}`)).json()) as ConversationCard;
    expect(fresh.analysis).toBeNull();
  });

  it('filters by what the analysis found', async () => {
    expect(await names('sentiment=negative')).toEqual(['angry']);
    expect(await names('sentiment=positive')).toEqual(['calm']);
    expect(await names('frustrated=true')).toEqual(['angry']);
    expect(await names('humanRequested=true')).toEqual(['asks']);
    expect(await names('hasUnanswered=true')).toEqual(['asks']);
    expect(await names('hasOpenActionItems=true')).toEqual(['angry']);
    expect(await names('topic=shipping')).toEqual(['asks', 'calm']);
    expect(await names('topic=complaint&frustrated=true')).toEqual(['angry']);
    expect(await names('frustrated=false')).toEqual(['angry', 'asks', 'calm', 'new']);
    expect((await api('/api/conversations?sentiment=furious')).status).toBe(400);
  });

  it('finds conversations by their summary', async () => {
    expect(await names('q=zipper')).toEqual(['angry']);
  });

  it('ticks an action item off and on, with an event', async () => {
    const { db } = app.server.context;
    const before = (await readEvents(db, app.workspaceId, 0, { limit: 10_000 })).at(-1)?.seq ?? 0;
    const path = `/api/conversations/${ids.angry}/action-items/${openItem.id}`;
    const ticked = await api(path, { body: { done: true } });
    expect(ticked.status).toBe(200);
    const card = (await ticked.json()) as ConversationCard;
    expect(card.analysis?.actionItems[0]).toMatchObject({ id: openItem.id, done: true });
    expect(card.analysis?.actionItems[0]?.doneBy).toEqual(expect.any(String));
    expect(await names('hasOpenActionItems=true')).toEqual([]);

    const events = await readEvents(db, app.workspaceId, before);
    expect(events.map((event) => event.type)).toEqual(['conversation.updated']);
    const announced = events[0]?.payload as ConversationCard | undefined;
    expect(announced?.analysis?.actionItems[0]?.done).toBe(true);

    const unticked = (await (
      await api(path, { body: { done: false } })
    ).json()) as ConversationCard;
    expect(unticked.analysis?.actionItems[0]).toMatchObject({
      done: false,
      doneAt: null,
      doneBy: null,
    });
  });

  it('answers 404 for an unknown item or another workspace’s conversation', async () => {
    const unknown = await api(`/api/conversations/${ids.angry}/action-items/${randomUUID()}`, {
      body: { done: true },
    });
    expect(unknown.status).toBe(404);
    const foreign = await api(`/api/conversations/${ids.foreign}/action-items/${openItem.id}`, {
      body: { done: true },
    });
    expect(foreign.status).toBe(404);
  });
});
