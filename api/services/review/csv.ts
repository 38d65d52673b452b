/**
 * RFC 4180 CSV with spreadsheet formula injection neutralised: a cell starting with = + - @,
 * tab or carriage return gets a leading single quote, so a spreadsheet shows it as text.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, neutralised and quoted when it contains a comma, quote or line break. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document (CRLF line ends, header first). */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
