import { describe, expect, it } from 'vitest';
import { type HistoryMessage, pendingReply } from './turns.js';

const contact = (id: string, text = id): HistoryMessage => ({ id, author: 'contact', text });
const assistant = (id: string, answers?: string): HistoryMessage => ({
  id,
  author: 'assistant',
  text: `re ${answers}`,
  ...(answers ? { answers } : {}),
});

describe('pending reply', () => {
  it('answers the newest customer message', () => {
    expect(pendingReply([contact('c1')])).toEqual({
      turns: [{ role: 'user', content: 'c1' }],
      answering: 'c1',
    });
  });

  it('has nothing to do once the newest message is answered', () => {
    expect(pendingReply([contact('c1'), assistant('a1', 'c1')])).toBeNull();
  });

  it('puts a question asked while the previous reply was being written last', () => {
    const reply = pendingReply([contact('c1'), contact('c2'), assistant('a1', 'c1')]);
    expect(reply?.answering).toBe('c2');
    expect(reply?.turns.map((turn) => turn.content)).toEqual(['c1', 're c1', 'c2']);
  });

  it("treats an operator's reply as answering everything before it", () => {
    const operator: HistoryMessage = { id: 'o1', author: 'operator', text: 'On it' };
    expect(pendingReply([contact('c1'), contact('c2'), operator])).toBeNull();
    expect(pendingReply([contact('c1'), operator, contact('c3')])?.answering).toBe('c3');
  });
});
