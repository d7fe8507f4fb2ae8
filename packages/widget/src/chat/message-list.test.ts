import { describe, expect, it } from 'vitest';
import { messageView } from '../testing/message-view.js';
import {
  addPending,
  type ChatEntry,
  mergeMessages,
  setDelivery,
  upsertMessage,
} from './message-list.js';

const draft = { clientMessageId: 'cm-1', text: 'Where is my order?', createdAt: 'local' };
const echo = messageView({
  id: 'm-1',
  author: 'contact',
  text: 'Where is my order?',
  createdAt: '2025-01-01T10:01:00.000Z',
});

function summary(entries: readonly ChatEntry[]) {
  return entries.map(({ key, id, text, delivery }) => ({ key, id, text, delivery }));
}

describe('optimistic sends', () => {
  it('adds the visitor message as sending, keyed by its client id', () => {
    expect(summary(addPending([], draft))).toEqual([
      { key: 'cm-1', id: null, text: 'Where is my order?', delivery: 'sending' },
    ]);
  });

  it('replaces the optimistic entry with the send response, keeping its key', () => {
    const entries = upsertMessage(addPending([], draft), echo, 'cm-1');
    expect(summary(entries)).toEqual([
      { key: 'cm-1', id: 'm-1', text: 'Where is my order?', delivery: 'sent' },
    ]);
    expect(entries[0]?.clientMessageId).toBe('cm-1');
  });

  it('marks a failed send and back to sending on retry', () => {
    const failed = setDelivery(addPending([], draft), 'cm-1', 'failed');
    expect(failed[0]?.delivery).toBe('failed');
    expect(setDelivery(failed, 'cm-1', 'sending')[0]?.delivery).toBe('sending');
  });

  it('does not touch confirmed messages when setting delivery', () => {
    const confirmed = upsertMessage(addPending([], draft), echo, 'cm-1');
    expect(setDelivery(confirmed, 'cm-1', 'failed')).toEqual(confirmed);
  });
});

describe('the same message from the stream and the send response', () => {
  it('shows once when the stream echo (with clientMessageId metadata) comes first', () => {
    const streamed = { ...echo, metadata: { clientMessageId: 'cm-1' } };
    let entries = upsertMessage(addPending([], draft), streamed);
    entries = upsertMessage(entries, echo, 'cm-1');
    expect(summary(entries)).toEqual([
      { key: 'cm-1', id: 'm-1', text: 'Where is my order?', delivery: 'sent' },
    ]);
  });

  it('matches an echo without metadata to the oldest unconfirmed send with that text', () => {
    const other = { clientMessageId: 'cm-2', text: 'Thanks', createdAt: 'local' };
    let entries = addPending(addPending([], draft), other);
    entries = upsertMessage(entries, echo);
    expect(summary(entries).map((entry) => entry.key)).toEqual(['cm-1', 'cm-2']);
    expect(entries[0]?.id).toBe('m-1');
    expect(entries[1]?.id).toBeNull();
    entries = upsertMessage(entries, echo, 'cm-1');
    expect(entries).toHaveLength(2);
  });

  it('drops the optimistic entry when the response names a message already listed', () => {
    const unrelatedText = { ...echo, text: 'Where is my order??' };
    let entries = upsertMessage(addPending([], draft), unrelatedText);
    entries = upsertMessage(entries, unrelatedText, 'cm-1');
    expect(summary(entries)).toEqual([
      { key: 'm-1', id: 'm-1', text: 'Where is my order??', delivery: 'sent' },
    ]);
  });

  it('never matches an assistant reply to a pending send', () => {
    const reply = messageView({ id: 'm-2', text: 'Where is my order?' });
    const entries = upsertMessage(addPending([], draft), reply);
    expect(summary(entries).map((entry) => entry.id)).toEqual(['m-2', null]);
  });
});

describe('server messages', () => {
  it('dedupes by id and applies updates', () => {
    const original = messageView({ id: 'm-1', text: 'Hi' });
    const edited = { ...original, text: 'Hi there', edited: true };
    const entries = mergeMessages([], [original, original, edited]);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ text: 'Hi there', edited: true });
  });

  it('orders confirmed messages by server time and keeps unconfirmed sends last', () => {
    const later = messageView({ id: 'late', createdAt: '2025-01-01T10:05:00.000Z' });
    const earlier = messageView({ id: 'early', createdAt: '2025-01-01T10:00:00.000Z' });
    const entries = mergeMessages(addPending([], draft), [later, earlier]);
    expect(entries.map((entry) => entry.key)).toEqual(['early', 'late', 'cm-1']);
  });

  it('tolerates a message without attachments', () => {
    const bare = { ...messageView({ id: 'm-1' }), attachments: undefined } as never;
    expect(upsertMessage([], bare)[0]?.attachments).toEqual([]);
  });
});
