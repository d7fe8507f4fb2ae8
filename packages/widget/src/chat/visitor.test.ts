import { describe, expect, it } from 'vitest';
import type { KeyValueStore } from './storage.js';
import { conversationStorageKey, loadVisitor, visitorStorageKey } from './visitor.js';

function memoryStore(): KeyValueStore & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return { values, getItem: (key) => values.get(key) ?? null, setItem: (k, v) => values.set(k, v) };
}

describe('loadVisitor', () => {
  it('stores nothing until the visitor starts a conversation', () => {
    const store = memoryStore();
    const visitor = loadVisitor(store, 'pk_1', () => 'new-id');
    expect(visitor).toMatchObject({ id: 'new-id', conversationId: null });
    expect(store.values.size).toBe(0);
    visitor.remember('conv-1');
    expect(store.getItem(visitorStorageKey('pk_1'))).toBe('new-id');
    expect(store.getItem(conversationStorageKey('pk_1'))).toBe('conv-1');
  });

  it('comes back as the same visitor with the same conversation', () => {
    const store = memoryStore();
    loadVisitor(store, 'pk_1', () => 'first').remember('conv-1');
    const again = loadVisitor(store, 'pk_1', () => 'second');
    expect(again).toMatchObject({ id: 'first', conversationId: 'conv-1' });
  });

  it('is separate per assistant key', () => {
    const store = memoryStore();
    loadVisitor(store, 'pk_1', () => 'first').remember('conv-1');
    expect(loadVisitor(store, 'pk_2', () => 'other')).toMatchObject({
      id: 'other',
      conversationId: null,
    });
  });
});
