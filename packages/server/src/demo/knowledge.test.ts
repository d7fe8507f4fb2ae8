import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlineProvider } from '../ai/offline-provider.js';
import { responderFor } from '../ai/responders/responder-for.js';
import { createAssistant, createWorkspace } from '../commands/workspaces.js';
import type { Context } from '../context.js';
import { indexKnowledgeSource } from '../knowledge/index-source.js';
import { retrieve } from '../knowledge/retrieve.js';
import { SecretBox } from '../lib/secrets.js';
import { openTestStore, type TestStore } from '../test-support/db.js';
import { DEMO_SUGGESTED_QUESTIONS, seedDemoKnowledge } from './knowledge.js';

describe('the demo knowledge base', () => {
  let store: TestStore;
  let workspaceId: string;
  let assistantId: string;
  let ctx: Context;

  beforeAll(async () => {
    store = await openTestStore('pglite');
    const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
    ctx = {
      store,
      db: store.db,
      secretBox: new SecretBox('demo'),
      provider: offlineProvider,
      log,
      now: () => new Date(),
      allowCustomPlatformUrls: false,
    };
    const { workspace } = await createWorkspace(store.db, {
      name: 'Demo',
      admin: { email: 'demo-kb@test.local', name: 'D', password: 'orbit-kettle-42' },
    });
    workspaceId = workspace.id;
    assistantId = (await createAssistant(store.db, workspaceId, { name: 'Ava' })).id;
    await seedDemoKnowledge(ctx, workspaceId, assistantId);
    const sources = await store.db.selectFrom('knowledge_sources').select('id').execute();
    for (const { id } of sources) {
      await indexKnowledgeSource({ ...ctx, allowPrivateUrls: false }, id);
    }
  });

  afterAll(async () => {
    await store.dispose();
  });

  it.each([
    ['What is your return policy?', 'Returns policy', null],
    ['Do you ship abroad?', 'Shipping', 'Shipping abroad'],
    ['When are you open on Saturday?', 'Opening hours', 'Store in Munich'],
    ['Can I pay with Klarna?', 'Which payment methods do you accept?', null],
  ])('answers "%s" from %s', async (question, title, heading) => {
    const [best] = await retrieve(store.db, { workspaceId, assistantId, question });
    expect(best?.title).toBe(title);
    if (heading) expect(best?.heading).toBe(heading);
  });

  // Full-text ranks the shipping article's order tracking about as high; the offline
  // responder (another branch) chooses among the top passages.
  it('has the order-status answer among the top three', async () => {
    const passages = await retrieve(store.db, {
      workspaceId,
      assistantId,
      question: 'Where is my order?',
      limit: 3,
    });
    expect(passages.map((passage) => passage.question)).toContain('Where is my order?');
  });

  // What `npm start` shows: the demo widget's suggested questions get real, cited answers.
  // Each names the fact the answer must state and the sources that say it.
  const SUGGESTED_ANSWERS: Record<string, { fact: string; from: string[] }> = {
    'Where is my order?': { fact: 'My account → Orders', from: ['Where is my order?', 'Shipping'] },
    'What is your return policy?': { fact: 'return', from: ['Returns policy'] },
    'Do you ship abroad?': { fact: 'Switzerland', from: ['Shipping'] },
  };

  it('knows the answer to every suggested question', () => {
    expect(Object.keys(SUGGESTED_ANSWERS).sort()).toEqual([...DEMO_SUGGESTED_QUESTIONS].sort());
  });

  it.each(DEMO_SUGGESTED_QUESTIONS)(
    'the offline responder answers the suggested question "%s" with a citation',
    async (question) => {
      const expected = SUGGESTED_ANSWERS[question];
      const responder = responderFor(
        ctx.provider,
        (query) => retrieve(store.db, query, { provider: ctx.provider }),
        ctx.log,
      );
      const answer = await responder.respond({
        assistant: {
          id: assistantId,
          workspaceId,
          name: 'Ava',
          instructions: '',
          greeting: 'Hi!',
          suggestedQuestions: DEMO_SUGGESTED_QUESTIONS,
        },
        turns: [
          { role: 'assistant', content: 'Hi!' },
          { role: 'user', content: question },
        ],
      });
      expect(answer.unansweredQuestion).toBeNull();
      expect(expected?.from).toContain(answer.passages[0]?.title);
      expect(answer.text).toContain(expected?.fact);
    },
  );
});
