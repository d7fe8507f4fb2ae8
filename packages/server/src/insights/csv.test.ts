import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from './csv.js';

describe('CSV cells', () => {
  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    expect(csvRow(['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\r\nlf'])).toBe(
      'plain,"a,b","say ""hi""","two\nlines","cr\r\nlf"\r\n',
    );
  });

  it('keeps text a spreadsheet would run as a formula inert', () => {
    for (const text of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      expect(csvCell(text).replace(/^"/, '').startsWith("'")).toBe(true);
    }
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
    expect(csvCell('a=1')).toBe('a=1');
  });

  it('writes numbers, booleans and empty values as they are', () => {
    expect(csvRow([-0.25, 3, true, null, undefined, ''])).toBe('-0.25,3,true,,,\r\n');
  });
});
