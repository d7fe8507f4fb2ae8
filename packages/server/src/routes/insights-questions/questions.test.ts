import { randomUUID } from 'node:crypto';
import type {
  AuditEntryView,
  ConversationCard,
  MessageView,
  QuestionGroup,
  QuestionGroupList,
} from '@parley/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, startTestServer, type TestServer } from '../../test-support/app.js';
import { BACKENDS } from '../../test-support/db.js';

const ORIGIN = 'https://allowed.example';
const POLL = { timeout: 15_000, interval: 100 };

describe.each(BACKENDS)('Insights: customer questions (%s)', (backend) => {
  let app: TestServer;
  let api: ApiClient;

  beforeAll(async () => {
    app = await startTestServer(backend, { jobPollMs: 50 });
    api = await app.login();
  });

  afterAll(async () => {
    await app.close();
  });

  /** A visitor asks on the website widget; the offline responder answers at once. */
  const ask = async (text: string, visitorId: string = randomUUID()): Promise<string> => {
    const response = await fetch(`${app.url}/api/widget/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({
        key: app.assistant.publicKey,
        visitorId,
        text,
        clientMessageId: randomUUID(),
      }),
    });
    expect(response.status).toBeLessThan(300);
    return ((await response.json()) as { conversationId: string }).conversationId;
  };

  const messagesOf = async (conversationId: string) =>
    (await (await api(`/api/conversations/${conversationId}/messages`)).json()) as {
      items: MessageView[];
    };

  const groups = async (query = '') =>
    ((await (await api(`/api/insights/questions${query}`)).json()) as QuestionGroupList).groups;

  const groupWith = async (quote: string, query = ''): Promise<QuestionGroup | undefined> =>
    (await groups(query)).find((group) =>
      group.examples.some((example) => example.quote === quote),
    );

  it('groups the same unanswered question in two languages; a Q&A added from it answers it next time', async () => {
    const english = await ask('Do you ship to Canada?');
    const germanVisitor = randomUUID();
    const german = await ask('Liefert ihr auch nach Kanada?', germanVisitor);
    await ask('Can I pay with Bitcoin?');
    await expect.poll(async () => (await groupWith('Do you ship to Canada?'))?.count, POLL).toBe(2);
    const group = (await groupWith('Do you ship to Canada?')) as QuestionGroup;
    expect(group).toMatchObject({
      assistantId: app.assistant.id,
      conversations: 2,
      languages: ['de', 'en'],
      status: 'open',
      actions: [],
      sinceAction: null,
      teammateAnswer: null,
    });
    expect(group.examples.map((example) => example.conversationId).sort()).toEqual(
      [english, german].sort(),
    );
    const bitcoin = await groupWith('Can I pay with Bitcoin?');
    expect(bitcoin?.id).not.toBe(group.id);

    // A teammate answers in the thread: the answer is offered for the Q&A.
    const reply = await api(`/api/conversations/${english}/messages`, {
      body: { text: 'Yes, we ship to Canada in 5 to 8 business days.' },
    });
    expect(reply.status).toBeLessThan(300);
    expect((await groupWith('Do you ship to Canada?'))?.teammateAnswer).toBe(
      'Yes, we ship to Canada in 5 to 8 business days.',
    );
    // A teammate's reply to something else the customer wrote later is not an answer to it.
    await ask('Meine Adresse hat sich geändert.', germanVisitor);
    await api(`/api/conversations/${german}/messages`, {
      body: { text: 'Danke, die neue Adresse ist gespeichert.' },
    });
    expect((await groupWith('Do you ship to Canada?'))?.teammateAnswer).toBe(
      'Yes, we ship to Canada in 5 to 8 business days.',
    );

    const drilled = (await (await api(`/api/conversations?questionGroup=${group.id}`)).json()) as {
      items: ConversationCard[];
    };
    expect(drilled.items.map((card) => card.id).sort()).toEqual([english, german].sort());

    const acted = await api(`/api/insights/questions/${group.id}/actions`, {
      body: {
        kind: 'knowledge',
        assistantId: app.assistant.id,
        question: 'Do you ship to Canada?',
        answer: 'Yes, we ship to Canada in 5 to 8 business days.',
      },
    });
    expect(acted.status).toBe(201);
    const { action, knowledgeSourceId } = (await acted.json()) as {
      action: { kind: string; by: { name: string }; detail: string };
      knowledgeSourceId: string;
    };
    expect(action).toMatchObject({
      kind: 'knowledge',
      by: { name: 'Test Operator' },
      detail: 'Do you ship to Canada?',
    });
    await expect
      .poll(
        async () =>
          (
            (await (await api(`/api/knowledge/sources/${knowledgeSourceId}`)).json()) as {
              source: { status: string };
            }
          ).source.status,
        POLL,
      )
      .toBe('ready');

    const again = await ask('Do you ship to Canada?');
    await expect
      .poll(
        async () =>
          (await messagesOf(again)).items.find((message) => message.author === 'assistant')?.text,
        POLL,
      )
      .toContain('we ship to Canada in 5 to 8 business days');
    await expect
      .poll(async () => (await groupWith('Do you ship to Canada?'))?.sinceAction, POLL)
      .toEqual({ asked: 1, answered: 1 });
    const after = (await groupWith('Do you ship to Canada?')) as QuestionGroup;
    expect(after.count).toBe(2);
    expect(after.actions.map((item) => item.kind)).toEqual(['knowledge']);

    const log = (await (await api('/api/audit-log?action=question_group.acted')).json()) as {
      items: AuditEntryView[];
    };
    expect(log.items[0]).toMatchObject({
      action: 'question_group.acted',
      target: { type: 'question_group', id: group.id },
      details: { kind: 'knowledge' },
    });
  });

  it('adds a suggested question and an instruction line to the assistant', async () => {
    await ask('Do you offer gift wrapping?');
    await expect
      .poll(async () => (await groupWith('Do you offer gift wrapping?'))?.count, POLL)
      .toBe(1);
    const group = (await groupWith('Do you offer gift wrapping?')) as QuestionGroup;
    const suggested = await api(`/api/insights/questions/${group.id}/actions`, {
      body: {
        kind: 'suggested_question',
        assistantId: app.assistant.id,
        question: 'Do you offer gift wrapping?',
      },
    });
    expect(suggested.status).toBe(201);
    const line = 'Gift wrapping is free: offer it for every order.';
    const instructed = await api(`/api/insights/questions/${group.id}/actions`, {
      body: { kind: 'instructions', assistantId: app.assistant.id, line },
    });
    expect(instructed.status).toBe(201);
    const assistants = (await (await api('/api/assistants')).json()) as {
      items: { id: string; suggestedQuestions: string[]; instructions: string }[];
    };
    const tess = assistants.items.find((item) => item.id === app.assistant.id);
    expect(tess?.suggestedQuestions).toContain('Do you offer gift wrapping?');
    expect(tess?.instructions.split('\n').at(-1)).toBe(line);
    const after = (await groupWith('Do you offer gift wrapping?')) as QuestionGroup;
    expect(after.actions.map((item) => [item.kind, item.detail])).toEqual([
      ['suggested_question', 'Do you offer gift wrapping?'],
      ['instructions', line],
    ]);
    expect(after.sinceAction).toEqual({ asked: 0, answered: 0 });
    const log = (await (await api('/api/audit-log?action=assistant.updated')).json()) as {
      items: AuditEntryView[];
    };
    expect(log.items.map((item) => item.details.fields)).toEqual(
      expect.arrayContaining([['instructions'], ['suggestedQuestions']]),
    );
  });

  it('a resolved group leaves the list until it is reopened', async () => {
    await ask('Are you hiring at the moment?');
    await expect
      .poll(async () => (await groupWith('Are you hiring at the moment?'))?.count, POLL)
      .toBe(1);
    const group = (await groupWith('Are you hiring at the moment?')) as QuestionGroup;
    const resolved = await api(`/api/insights/questions/${group.id}/resolve`, { method: 'POST' });
    expect(await resolved.json()).toEqual({ id: group.id, status: 'resolved' });
    expect(await groupWith('Are you hiring at the moment?')).toBeUndefined();
    expect((await groupWith('Are you hiring at the moment?', '?status=resolved'))?.status).toBe(
      'resolved',
    );
    const all = await groups('?status=all');
    expect(all.at(-1)?.id).toBe(group.id);
    await api(`/api/insights/questions/${group.id}/reopen`, { method: 'POST' });
    expect((await groupWith('Are you hiring at the moment?'))?.status).toBe('open');
  });

  it('filters by channel and period, and refuses actions to agents', async () => {
    expect(await groups('?channel=gmail')).toEqual([]);
    expect(await groups('?from=2020-01-01&to=2020-01-31')).toEqual([]);
    expect((await api('/api/insights/questions?from=2026-13-01')).status).toBe(400);
    const [group] = await groups();
    await api('/api/users', {
      body: {
        email: `agent-${backend}@test.local`,
        name: 'Agent',
        password: 'orbit-kettle-42',
        role: 'agent',
      },
    });
    const agent = await app.login(`agent-${backend}@test.local`, 'orbit-kettle-42');
    const refused = await agent(`/api/insights/questions/${group?.id}/actions`, {
      body: { kind: 'suggested_question', assistantId: app.assistant.id, question: 'Hours?' },
    });
    expect(refused.status).toBe(403);
  });
});
