// CSV export: UTF-8 with a byte order mark (so Excel reads Japanese correctly), RFC 4180 quoting, CRLF line ends, formula-like text defused.
import type { Cell } from './answer-columns.ts';

const BOM = '\uFEFF';
/** A text cell starting like a formula is prefixed with ' so a spreadsheet shows it instead of running it. */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(cell: Cell): string {
  if (cell === null) return '';
  let text = String(cell);
  if (typeof cell === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(table: { header: readonly string[]; rows: readonly (readonly Cell[])[] }): string {
  const lines = [table.header, ...table.rows].map((row) => row.map(csvCell).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
