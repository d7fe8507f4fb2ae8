import { describe, expect, it } from 'vitest';
import { MalformedPayloadError } from '../connector.js';
import { readEnvelope } from './envelope.js';

describe('Meta webhook envelope', () => {
  it('reads the object and its entries', () => {
    const envelope = readEnvelope({
      object: 'page',
      entry: [
        { id: '1', time: 1, messaging: [{}] },
        { id: '2', time: 2, changes: [] },
      ],
    });
    expect(envelope.object).toBe('page');
    expect(envelope.entry.map((entry) => entry.id)).toEqual(['1', '2']);
  });

  it('throws a MalformedPayloadError for anything else', () => {
    for (const body of [
      null,
      'page',
      {},
      { object: 'page' },
      { object: 'page', entry: [{ time: 1 }] },
    ]) {
      expect(() => readEnvelope(body)).toThrow(MalformedPayloadError);
    }
  });
});
