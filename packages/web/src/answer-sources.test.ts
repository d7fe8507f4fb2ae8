import { describe, expect, it } from 'vitest';
import { sourceHref, sourceLabel } from './answer-sources';

const source = {
  id: 'chunk-1',
  sourceId: 'source-1',
  title: 'Returns policy',
  heading: 'Refunds',
  url: null,
};

describe('answer sources', () => {
  it('names the source and the heading the passage sits under', () => {
    expect(sourceLabel(source)).toBe('Returns policy § Refunds');
    expect(sourceLabel({ ...source, heading: null })).toBe('Returns policy');
  });

  it('links web pages to themselves and everything else to the knowledge settings', () => {
    expect(sourceHref({ ...source, url: 'https://shop.example/returns' })).toBe(
      'https://shop.example/returns',
    );
    expect(sourceHref(source)).toBe('/settings/knowledge#source-source-1');
  });
});
