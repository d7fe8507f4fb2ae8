import { randomUUID } from 'node:crypto';
import type { MessageView, ReviewQueue } from '@parley/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewReasons } from '../../commands/answer-review.js';
import { type ApiClient, startTestServer, type TestServer } from '../../test-support/app.js';
import { BACKENDS } from '../../test-support/db.js';

const ORIGIN = 'https://allowed.example';
const POLL = { timeout: 15_000, interval: 100 };

describe('review reasons', () => {
  it('flags a weak answer, a complaint after it and the same question again', () => {
    const base = { confidence: 0.9, unanswered: false, question: 'Do you ship abroad?' };
    expect(reviewReasons({ ...base, next: 'Great, thanks!' })).toEqual([]);
    expect(reviewReasons({ ...base, confidence: 0.4, next: null })).toEqual(['low_confidence']);
    // A pass-on message is not an answer to judge for confidence.
    expect(reviewReasons({ ...base, confidence: 0.1, unanswered: true, next: null })).toEqual([]);
    expect(
      reviewReasons({ ...base, next: 'This is useless, you never answer properly!!' }),
    ).toEqual(['complaint_after']);
    expect(reviewReasons({ ...base, next: 'Versendet ihr auch ins Ausland?' })).toContain(
      'repeated_question',
    );
  });
});

describe.each(BACKENDS)('Insights: quality review (%s)', (backend) => {
  let app: TestServer;
  let api: ApiClient;

  beforeAll(async () => {
    app = await startTestServer(backend, { jobPollMs: 50 });
    api = await app.login();
  });

  afterAll(async () => {
    await app.close();
  });

  const say = async (visitorId: string, text: string): Promise<string> => {
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

  const replies = async (conversationId: string) =>
    (
      (await (await api(`/api/conversations/${conversationId}/messages`)).json()) as {
        items: MessageView[];
      }
    ).items.filter((message) => message.author === 'assistant');

  /** A visitor writes and waits for the assistant's answer. */
  const exchange = async (visitorId: string, text: string, answersBefore: number) => {
    const conversationId = await say(visitorId, text);
    await expect
      .poll(async () => (await replies(conversationId)).length, POLL)
      .toBe(answersBefore + 1);
    return conversationId;
  };

  const queue = async () => (await (await api('/api/insights/review')).json()) as ReviewQueue;

  it('queues answers followed by a complaint or the same question, and scores the ratings', async () => {
    const created = await api('/api/knowledge/sources', {
      body: {
        kind: 'qa',
        assistantId: app.assistant.id,
        question: 'Do you ship abroad?',
        answer: 'Yes, we ship to all of Europe.',
      },
    });
    const { source } = (await created.json()) as { source: { id: string } };
    await expect
      .poll(
        async () =>
          (
            (await (await api(`/api/knowledge/sources/${source.id}`)).json()) as {
              source: { status: string };
            }
          ).source.status,
        POLL,
      )
      .toBe('ready');

    const unhappy = randomUUID();
    const complained = await exchange(unhappy, 'Do you ship abroad?', 0);
    const [answer] = await replies(complained);
    expect(answer?.text).toContain('we ship to all of Europe');
    const { db } = app.server.context;
    const stored = await db
      .selectFrom('messages')
      .select('answer_confidence')
      .where('id', '=', answer?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(stored.answer_confidence).toBeGreaterThan(0.35);
    // The safety net pauses the assistant here: no answer follows.
    await say(unhappy, 'This is useless, you never answer properly!!');

    const repeating = randomUUID();
    const repeated = await exchange(repeating, 'Can I pay with Bitcoin?', 0);
    await exchange(repeating, 'Can I pay with Bitcoin?', 1);
    const [passOn] = await replies(repeated);

    await expect.poll(async () => (await queue()).items.length, POLL).toBe(2);
    const first = await queue();
    const reasonsOf = (id: string | undefined) =>
      first.items.find((item) => item.messageId === id)?.reasons;
    expect(reasonsOf(answer?.id)).toEqual(['complaint_after']);
    expect(reasonsOf(passOn?.id)).toEqual(['repeated_question']);
    expect(first.items.find((item) => item.messageId === answer?.id)).toMatchObject({
      conversationId: complained,
      assistantId: app.assistant.id,
      channel: 'website_widget',
      question: 'Do you ship abroad?',
      rating: null,
    });
    expect(first.scores).toEqual([]);
    // An answer that does not name the message it answers shows the customer's message before it.
    await sql`UPDATE messages SET metadata = '{}'::jsonb WHERE id = ${answer?.id}`.execute(db);
    expect((await queue()).items.find((item) => item.messageId === answer?.id)?.question).toBe(
      'Do you ship abroad?',
    );

    const rated = await api(`/api/insights/review/${answer?.id}`, {
      method: 'PUT',
      body: { verdict: 'good', note: 'Right answer; the customer was upset about something else.' },
    });
    expect(await rated.json()).toMatchObject({ verdict: 'good', by: 'Test Operator' });
    await api(`/api/insights/review/${passOn?.id}`, {
      method: 'PUT',
      body: { verdict: 'bad', note: '' },
    });
    const second = await queue();
    // Unrated answers first, then the rated ones, most recently rated first.
    expect(second.items.map((item) => item.rating?.verdict ?? null).slice(-2)).toEqual([
      'bad',
      'good',
    ]);
    expect(second.items.every((item, index, all) => !item.rating || index >= all.length - 2)).toBe(
      true,
    );
    const monday = new Date();
    monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
    expect(second.scores).toEqual([
      {
        assistantId: app.assistant.id,
        week: monday.toISOString().slice(0, 10),
        good: 1,
        bad: 1,
        score: 0.5,
      },
    ]);

    // Changing one's mind replaces the rating.
    await api(`/api/insights/review/${passOn?.id}`, {
      method: 'PUT',
      body: { verdict: 'good', note: 'Fine after all.' },
    });
    expect((await queue()).scores[0]).toMatchObject({ good: 2, bad: 0, score: 1 });
  });

  it('rates assistant answers only', async () => {
    const visitor = randomUUID();
    const conversationId = await exchange(visitor, 'Hello there', 0);
    const messages = (
      (await (await api(`/api/conversations/${conversationId}/messages`)).json()) as {
        items: MessageView[];
      }
    ).items;
    const customer = messages.find((message) => message.author === 'contact');
    const response = await api(`/api/insights/review/${customer?.id}`, {
      method: 'PUT',
      body: { verdict: 'bad', note: '' },
    });
    expect(response.status).toBe(404);
    expect(
      (await api(`/api/insights/review/${customer?.id}`, { method: 'PUT', body: {} })).status,
    ).toBe(400);
  });
});
