// Builds CSV text for the "CSV" buttons of the office tables: RFC 4180 quoting, CRLF, a UTF-8 BOM so Excel reads Japanese.

export const CSV_BOM = '\uFEFF';

export type CsvValue = string | number | boolean | null | undefined;

/** A full ISO instant (what the API gives for every time): shown as wall-clock time, never as UTC. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** "2026-12-05 08:00" in this computer's zone (as the screen shows it): Excel reads it as a date, and a clerk reads 08:00, not 23:00. */
export function csvDateTime(iso: string): string {
  const date = new Date(iso);
  if (!ISO_INSTANT.test(iso) || Number.isNaN(date.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

/**
 * One cell. Times from the API (ISO instants) become local wall-clock time. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) gets a leading
 * apostrophe: a surveyor's free text must never become a formula on the office PC. Numbers stay numbers.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : typeof value === 'string' ? csvDateTime(value) : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole file: BOM, header row, data rows, each line ended by CRLF. */
export function buildCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `${CSV_BOM}${lines.map((line) => `${line}\r\n`).join('')}`;
}
