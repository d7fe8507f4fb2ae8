import { describe, expect, it } from 'vitest';
import type { Assistant, KnowledgeSource } from '../api';
import { anyIndexing, base64OfDataUrl, ownerLabel, putSource, sourceAnchor } from './knowledge';

function source(id: string, changes: Partial<KnowledgeSource> = {}): KnowledgeSource {
  return {
    id,
    assistantId: null,
    kind: 'article',
    title: id,
    body: 'text',
    question: null,
    url: null,
    fileName: null,
    fileSize: null,
    status: 'ready',
    error: null,
    chunkCount: 1,
    indexedAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...changes,
  };
}

describe('knowledge page rules', () => {
  it('polls only while a source is indexing', () => {
    expect(anyIndexing([source('a'), source('b', { status: 'failed' })])).toBe(false);
    expect(anyIndexing([source('a'), source('b', { status: 'indexing' })])).toBe(true);
  });

  it('puts new sources first and replaces known ones in place', () => {
    const list = [source('a'), source('b')];
    expect(putSource(list, source('c')).map((item) => item.id)).toEqual(['c', 'a', 'b']);
    const replaced = putSource(list, source('b', { status: 'indexing' }));
    expect(replaced.map((item) => [item.id, item.status])).toEqual([
      ['a', 'ready'],
      ['b', 'indexing'],
    ]);
  });

  it('names the owner: shared or the assistant', () => {
    const assistants = [{ id: 'x', name: 'Shop helper' }] as Assistant[];
    expect(ownerLabel(source('a'), assistants)).toBe('Shared');
    expect(ownerLabel(source('a', { assistantId: 'x' }), assistants)).toBe('Shop helper');
  });

  it('anchors match the provenance links and strips data URL prefixes', () => {
    expect(sourceAnchor('42')).toBe('source-42');
    expect(base64OfDataUrl('data:application/pdf;base64,QUJD')).toBe('QUJD');
    expect(base64OfDataUrl('data:;base64,')).toBe('');
  });
});
