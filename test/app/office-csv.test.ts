// Office CSV downloads: BOM for Excel, CRLF lines, RFC 4180 quoting, no spreadsheet formulas from free text; file names from Content-Disposition.
import { describe, expect, it } from 'vitest';
import { buildCsv, csvCell, csvDateTime, CSV_BOM } from '../../src/app/office/shared/csv.ts';
import { fileNameOf } from '../../src/app/office/api/contentDisposition.ts';

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvCell('山田, 太郎')).toBe('"山田, 太郎"');
    expect(csvCell('「太朗」は"誤り"')).toBe('"「太朗」は""誤り"""');
    expect(csvCell('1行目\n2行目')).toBe('"1行目\n2行目"');
    expect(csvCell('plain')).toBe('plain');
  });
  it('writes empty cells for null and undefined, and numbers as numbers', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(3.25)).toBe('3.25');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(true)).toBe('true');
  });
  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://example.invalid")')).toBe(`"'=HYPERLINK(""http://example.invalid"")"`);
    expect(csvCell('+81 3')).toBe("'+81 3");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });
});

describe('csvDateTime', () => {
  it('writes an API time as this computer\'s wall clock, minutes only, not as UTC', () => {
    const iso = '2026-12-04T23:00:00.000Z';
    const local = new Date(iso);
    const two = (n: number) => String(n).padStart(2, '0');
    const expected = `${local.getFullYear()}-${two(local.getMonth() + 1)}-${two(local.getDate())} ${two(local.getHours())}:${two(local.getMinutes())}`;
    expect(csvDateTime(iso)).toBe(expected);
    expect(csvCell(iso)).toBe(expected);
    expect(csvCell('2026-12-05T08:00:00+09:00')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });
  it('leaves dates, wall-clock date-times and other text alone', () => {
    expect(csvDateTime('2026-12-05')).toBe('2026-12-05');
    expect(csvDateTime('2026-12-05T08:00')).toBe('2026-12-05T08:00');
    expect(csvDateTime('見本 2026-12-04T23:00:00Z')).toBe('見本 2026-12-04T23:00:00Z');
  });
});

describe('buildCsv', () => {
  it('starts with a BOM and ends every line with CRLF', () => {
    const text = buildCsv(['記録', '件数'], [['見本 太郎', 2], ['a,b', null]]);
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text.slice(1)).toBe('記録,件数\r\n見本 太郎,2\r\n"a,b",\r\n');
  });
  it('writes the header alone for an empty table', () => {
    expect(buildCsv(['a'], [])).toBe(`${CSV_BOM}a\r\n`);
  });
});

describe('fileNameOf', () => {
  it('prefers the UTF-8 name, then the plain one', () => {
    expect(fileNameOf("attachment; filename=\"export.csv\"; filename*=UTF-8''%E8%A8%98%E9%8C%B2.csv")).toBe('記録.csv');
    expect(fileNameOf('attachment; filename="records.xlsx"')).toBe('records.xlsx');
    expect(fileNameOf('attachment; filename=records.geojson')).toBe('records.geojson');
    expect(fileNameOf(null)).toBeNull();
    expect(fileNameOf('inline')).toBeNull();
  });
});
