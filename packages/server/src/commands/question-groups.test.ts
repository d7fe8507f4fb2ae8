import { ANALYSIS_VERSION, type ConversationAnalysis } from '@parley/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlineProvider } from '../ai/offline-provider.js';
import { SecretBox } from '../lib/secrets.js';
import { BACKENDS, type Backend, openTestStore, type TestStore } from '../test-support/db.js';
import { inboundMessage } from '../test-support/inbound.js';
import { ingest } from './ingest.js';
import {
  type QuestionDeps,
  recordConversationQuestions,
  regroupQuestions,
} from './question-groups.js';
import { createAssistant, createChannel, createWorkspace } from './workspaces.js';

const silent = { info: () => {}, warn: () => {}, error: () => {} };

describe.each(BACKENDS)('grouping unanswered questions in the store (%s)', (backend: Backend) => {
  let store: TestStore;
  let deps: QuestionDeps;
  let workspaceId: string;
  let channel: { id: string; workspaceId: string; kind: 'messenger'; assistantId: string };
  let thread = 0;

  beforeAll(async () => {
    store = await openTestStore(backend);
    deps = { db: store.db, provider: offlineProvider, log: silent };
    const { workspace } = await createWorkspace(store.db, {
      name: 'Questions',
      admin: { email: `questions-${backend}@test.local`, name: 'A', password: 'orbit-kettle-42' },
    });
    workspaceId = workspace.id;
    const assistant = await createAssistant(store.db, workspaceId, { name: 'Ava' });
    const row = await createChannel(store.db, new SecretBox('test-secret'), workspaceId, {
      kind: 'messenger',
      name: 'Page',
      assistantId: assistant.id,
      secrets: { accessToken: 'token-123' },
    });
    channel = { id: row.id, workspaceId, kind: 'messenger', assistantId: assistant.id };
  });

  afterAll(async () => {
    await store.dispose();
  });

  /** A conversation where the customer asks `questions`; the responder records the first one
   * as unanswered, the analysis quotes `quoted` of them. */
  async function conversation(questions: string[], quoted: number[]): Promise<string> {
    thread += 1;
    const ids: string[] = [];
    let conversationId = '';
    for (const text of questions) {
      const [outcome] = await ingest(store.db, channel, [
        inboundMessage({ threadKey: `t-${backend}-${thread}`, text }),
      ]);
      if (outcome?.status !== 'created') throw new Error('not stored');
      ids.push(outcome.messageId);
      conversationId = outcome.conversationId;
    }
    await store.db
      .insertInto('messages')
      .values({
        workspace_id: workspaceId,
        conversation_id: conversationId,
        channel_id: channel.id,
        author: 'assistant',
        direction: 'outbound',
        text: 'I passed your question on to the team.',
        status: 'sent',
        metadata: JSON.stringify({ answers: ids[0] }),
        unanswered_question: questions[0] ?? null,
        created_at: new Date(),
      })
      .execute();
    const analysis = {
      version: ANALYSIS_VERSION,
      unansweredQuestions: quoted.map((index) => ({
        messageId: ids[index],
        quote: questions[index],
      })),
    } as unknown as ConversationAnalysis;
    await store.db
      .updateTable('conversations')
      .set({ analysis: JSON.stringify(analysis), analysis_version: ANALYSIS_VERSION })
      .where('id', '=', conversationId)
      .execute();
    return conversationId;
  }

  const groups = () =>
    store.db
      .selectFrom('question_groups')
      .select(['id', 'label', 'member_count', 'status'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('member_count', 'desc')
      .orderBy('label')
      .execute();

  it('counts a question once when the responder and the analysis both recorded it', async () => {
    const first = await conversation(['Do you ship to Canada?', 'Can I pay with Bitcoin?'], [0, 1]);
    const second = await conversation(['Liefert ihr auch nach Kanada?'], [0]);
    await recordConversationQuestions(deps, first);
    await recordConversationQuestions(deps, second);
    // Running the job again (a retry, a later reply) adds nothing.
    await recordConversationQuestions(deps, first);
    expect(await groups()).toEqual([
      expect.objectContaining({ member_count: 2, status: 'open' }),
      expect.objectContaining({ label: 'Can I pay with Bitcoin?', member_count: 1 }),
    ]);
    const members = await store.db
      .selectFrom('question_group_members')
      .select(['question', 'language', 'reply_id'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('question')
      .execute();
    expect(members.map((row) => [row.question, row.language, row.reply_id !== null])).toEqual([
      ['Can I pay with Bitcoin?', 'en', false],
      ['Do you ship to Canada?', 'en', true],
      ['Liefert ihr auch nach Kanada?', 'de', true],
    ]);
  });

  it('regroups a window afresh, keeping the groups a teammate acted on', async () => {
    const [canada, bitcoin] = await groups();
    await store.db
      .insertInto('question_group_actions')
      .values({
        workspace_id: workspaceId,
        group_id: canada?.id ?? '',
        kind: 'suggested_question',
        user_name: 'A',
        detail: 'Do you ship to Canada?',
      })
      .execute();
    await store.db
      .updateTable('question_groups')
      .set({ first_action_at: new Date() })
      .where('id', '=', canada?.id ?? '')
      .execute();
    await conversation(['Est-ce que vous livrez au Canada ?'], []);
    await conversation(['Kann ich mit Bitcoin bezahlen?'], []);

    const window = { from: new Date(Date.now() - 60 * 60 * 1000), to: new Date() };
    const result = await regroupQuestions(deps, workspaceId, window);
    // The acted-on group kept its two; the bitcoin group was rebuilt with its new paraphrase,
    // and the French Canada question joined the kept group.
    expect(result).toEqual({ questions: 3, groups: 1 });
    const after = await groups();
    expect(after.map((group) => group.member_count)).toEqual([3, 2]);
    expect(after[0]?.id).toBe(canada?.id);
    expect(after[1]?.id).not.toBe(bitcoin?.id);
  });
});
