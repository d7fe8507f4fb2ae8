import { describe, expect, it } from 'vitest';
import { chunkDocument, sentences } from './chunk.js';

describe('chunkDocument', () => {
  it('starts a chunk at every heading and keeps the heading', () => {
    const chunks = chunkDocument(
      'Intro line.\n\n# Shipping\nWe ship **fast**.\n\nFree over 50 €.\n\n## Returns\n30 days, see [policy](https://x.test).',
    );
    expect(chunks).toEqual([
      { heading: null, text: 'Intro line.' },
      { heading: 'Shipping', text: 'We ship fast.\n\nFree over 50 €.' },
      { heading: 'Returns', text: '30 days, see policy.' },
    ]);
  });

  it('merges small paragraphs and caps the size at sentence boundaries', () => {
    const sentence = 'This sentence is exactly fifty characters long ok. ';
    const long = sentence.repeat(40).trim();
    const chunks = chunkDocument(`# Long\n${long}`, 300);
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) {
      expect(chunk.text.length).toBeLessThanOrEqual(300);
      expect(chunk.text.endsWith('ok.')).toBe(true);
      expect(chunk.heading).toBe('Long');
    }
    expect(chunks.map((chunk) => chunk.text).join(' ')).toBe(long);
  });

  it('cuts a single endless sentence between words', () => {
    const chunks = chunkDocument('word '.repeat(500), 100);
    for (const chunk of chunks) expect(chunk.text.length).toBeLessThanOrEqual(100);
  });

  it('keeps list items on their own lines and skips empty documents', () => {
    expect(chunkDocument('- one\n- two')[0]?.text).toBe('- one\n\n- two');
    expect(chunkDocument('   \n\n# Empty heading\n')).toEqual([]);
  });
});

describe('sentences', () => {
  it('splits after closing punctuation', () => {
    expect(sentences('One. Two?! Three')).toEqual(['One.', 'Two?!', 'Three']);
  });
});
