import { describe, expect, it } from 'vitest';
import { DATASET_PATH, datasetPath, datasetSetFrom, loadConversations } from './dataset.js';

describe('eval sets', () => {
  it('reads --set NAME, --set=NAME or PARLEY_EVAL_SET, the default set otherwise', () => {
    expect(datasetSetFrom([], {})).toBe('default');
    expect(datasetSetFrom(['--errors'], {})).toBe('default');
    expect(datasetSetFrom(['--set', 'heldout'], {})).toBe('heldout');
    expect(datasetSetFrom(['--set=heldout', '--errors'], {})).toBe('heldout');
    expect(datasetSetFrom([], { PARLEY_EVAL_SET: 'heldout' })).toBe('heldout');
    expect(() => datasetSetFrom(['--set', 'nope'], {})).toThrow(/unknown eval set/);
  });

  it('keeps the default set at conversations.jsonl and loads the held-out one', () => {
    expect(datasetPath()).toBe(DATASET_PATH);
    const heldout = loadConversations(datasetPath('heldout'));
    expect(heldout.length).toBeGreaterThanOrEqual(80);
    const nonEnglish = heldout.filter((conversation) => conversation.language !== 'en').length;
    expect(nonEnglish / heldout.length).toBeGreaterThanOrEqual(0.4);
  });
});
