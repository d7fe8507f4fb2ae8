import { describe, expect, it } from 'vitest';
import type { Passage } from '../../knowledge/passages.js';
import { OfflineResponder } from './offline-responder.js';
import type { ResponderRequest, Retrieve } from './responder.js';

function passage(id: string, fields: Partial<Passage>): Passage {
  return {
    id,
    sourceId: `source-${id}`,
    title: 'Policies',
    heading: null,
    text: '',
    question: null,
    url: null,
    score: 1,
    ...fields,
  };
}

const returns = passage('returns-2', {
  title: 'Returns policy',
  heading: 'Refunds',
  text: 'We are a small team. Refunds reach your account within 5 working days after we receive the parcel. Store credit is instant.',
  score: 0.9,
});
const hours = passage('hours-qa', {
  title: 'FAQ',
  question: 'When is the shop open?',
  text: 'Monday to Friday, 9:00 to 18:00.',
  score: 0.5,
});

/** The passages the knowledge base would return, ranked in the order given. */
const fixedRetrieve =
  (passages: Passage[]): Retrieve =>
  async () =>
    passages;

function ask(text: string, suggestedQuestions: string[] = []): ResponderRequest {
  return {
    assistant: {
      id: 'assistant-1',
      workspaceId: 'workspace-1',
      name: 'Ada',
      instructions: '',
      greeting: 'Hi, I am Ada from Acme.',
      suggestedQuestions,
    },
    turns: [{ role: 'user', content: text }],
  };
}

describe('offline responder', () => {
  it('greets a first hello with the assistant greeting, without looking anything up', async () => {
    const responder = new OfflineResponder(async () => {
      throw new Error('no retrieval for a greeting');
    });
    expect(await responder.respond(ask('hello!'))).toEqual({
      text: 'Hi, I am Ada from Acme.',
      passages: [],
      unansweredQuestion: null,
    });
  });

  it('answers with the passage sentences that share words with the question, citing it', async () => {
    const responder = new OfflineResponder(fixedRetrieve([returns, hours]));
    const answer = await responder.respond(ask('How long does a refund take?'));
    // A first reply opens with the greeting.
    expect(answer.text).toBe(
      'Hi, I am Ada from Acme. Refunds reach your account within 5 working days after we receive the parcel.',
    );
    expect(answer.passages.map((cited) => cited.id)).toEqual(['returns-2']);
    expect(answer.unansweredQuestion).toBeNull();
  });

  it("answers with a Q&A pair's answer when its question matches", async () => {
    const responder = new OfflineResponder(fixedRetrieve([returns, hours]));
    const later = ask('when is your shop open?');
    later.turns = [
      { role: 'user', content: 'Hello' },
      { role: 'assistant', content: 'Hi, I am Ada from Acme.' },
      ...later.turns,
    ];
    const answer = await responder.respond(later);
    // Not the first reply: no second greeting.
    expect(answer.text).toBe('Monday to Friday, 9:00 to 18:00.');
    expect(answer.passages.map((cited) => cited.id)).toEqual(['hours-qa']);
  });

  it('passes a question it cannot answer on, in the customer language, marked unanswered', async () => {
    const responder = new OfflineResponder(fixedRetrieve([returns]));
    const question = 'Kann ich mit Bitcoin bezahlen?';
    const answer = await responder.respond(ask(question));
    expect(answer.text).toMatch(/an das Team weitergegeben/);
    expect(answer).toMatchObject({ passages: [], unansweredQuestion: question });
  });

  it('passes on when the knowledge base is empty', async () => {
    const answer = await new OfflineResponder(fixedRetrieve([])).respond(
      ask('Do you ship to Canada?'),
    );
    expect(answer.text).toMatch(/passed your question on to the team/);
    expect(answer.unansweredQuestion).toBe('Do you ship to Canada?');
  });

  it('accepts a weaker match for one of the suggested questions', async () => {
    const responder = new OfflineResponder(fixedRetrieve([returns]));
    const question = 'Do you track my bank statement for a parcel?';
    expect((await responder.respond(ask(question))).unansweredQuestion).toBe(question);
    const suggested = await responder.respond(ask(question, [question]));
    expect(suggested.passages.map((cited) => cited.id)).toEqual(['returns-2']);
    expect(suggested.unansweredQuestion).toBeNull();
  });
});
