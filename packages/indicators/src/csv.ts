/**
 * CSV as RFC 4180 writes it (fields separated by commas, quoted when they hold a comma, a quote or a line break,
 * quotes doubled, lines ended by CRLF), with a byte order mark so that Excel reads UTF-8 accents. A cell that a
 * spreadsheet would take for a formula (starting with =, +, -, @, a tab or a carriage return) is prefixed with an
 * apostrophe (OWASP « CSV injection »).
 */

/** The UTF-8 byte order mark. */
export const BOM = '\uFEFF';

const FORMULA = /^[=+\-@\t\r]/;

/** One cell, guarded and quoted as needed. Numbers are written as they are (a negative number is not a formula). */
export function csvCell(value: string | number): string {
  let s = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string' && FORMULA.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole file: the header line then the rows, CRLF after each line, the BOM first. */
export function toCsv(headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return BOM + [headers, ...rows].map((r) => r.map(csvCell).join(',') + '\r\n').join('');
}
