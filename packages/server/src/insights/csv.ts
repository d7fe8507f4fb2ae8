/**
 * CSV as RFC 4180 writes it (comma separated, CRLF line ends, fields with a comma, quote or
 * line break in double quotes, quotes doubled), with text cells that a spreadsheet would run
 * as a formula (starting with = + - @, or a tab or carriage return) led by an apostrophe.
 * Customer-written text ends up in these files, so no cell may become a formula.
 */

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  // Our own numbers are data, never formulas: "-0.4" stays a number.
  let text = typeof value === 'string' ? value : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** A byte order mark first, so spreadsheet programs read the file as UTF-8. */
export const CSV_START = '\uFEFF';
