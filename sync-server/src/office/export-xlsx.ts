// XLSX export (exceljs): sheet 記録 for people (Japanese headers, choice labels, local times as real Excel dates), sheet コード値 (internal names, codes) and sheet 列の説明 mapping one to the other.
import ExcelJS from 'exceljs';
import type { FieldType } from '../../../src/engine/index.ts';
import type { Cell } from './answer-columns.ts';
import type { ExportColumn, ExportTable } from './export-rows.ts';

export const XLSX_SHEETS = { labels: '記録', codes: 'コード値', legend: '列の説明' } as const;

const TYPE_NAMES: Partial<Record<FieldType, string>> = {
  text: '文字', ocr_text: '文字（読み取り）', integer: '整数', decimal: '数値', date: '日付', time: '時刻', datetime: '日時',
  timestamp: '記録日時', select_one: '選択（1つ）', select_multiple: '選択（複数）', boolean: 'はい／いいえ', geopoint: '位置（緯度,経度）',
  geoshape: '範囲', photo: '写真', signature: '署名',
};

const LOCAL_DATETIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Excel has no time zones: a date cell holds wall-clock time. The label rows are already local, so the cell gets a Date
 * whose UTC fields are that wall clock (exceljs stores Dates by their UTC value) — Excel then shows 08:00, sorts and filters by it.
 */
function excelValue(column: ExportColumn, cell: Cell): Cell | Date {
  if (typeof cell !== 'string') return cell;
  const m = column.kind === 'datetime' ? LOCAL_DATETIME.exec(cell) : column.kind === 'date' ? LOCAL_DATE.exec(cell) : null;
  if (!m) return cell;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number?, number?];
  return new Date(Date.UTC(y, mo - 1, d, h ?? 0, mi ?? 0));
}

function addTable(workbook: ExcelJS.Workbook, name: string, header: string[], rows: (Cell | Date)[][]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  return sheet;
}

export async function toXlsx(table: ExportTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Genba';
  const labels = addTable(workbook, XLSX_SHEETS.labels, table.columns.map((c) => c.header), table.labelRows.map((row) => row.map((cell, i) => excelValue(table.columns[i]!, cell))));
  table.columns.forEach((column, i) => {
    const excelColumn = labels.getColumn(i + 1);
    if (column.kind === 'datetime') excelColumn.numFmt = 'yyyy-mm-dd hh:mm';
    if (column.kind === 'date') excelColumn.numFmt = 'yyyy-mm-dd';
    excelColumn.width = Math.min(40, Math.max(10, [...column.header].length * 2 + 2));
  });
  if (table.columns.length > 0) labels.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  addTable(workbook, XLSX_SHEETS.codes, table.columns.map((c) => c.key), table.codeRows);
  const legend = addTable(workbook, XLSX_SHEETS.legend, ['見出し（記録シート）', '内部名（コード値シート）', '種類', '選択肢（コード = 表示）'], table.columns.map((c) => [
    c.header, c.key, c.type ? TYPE_NAMES[c.type] ?? c.type : '記録の情報', c.choices ?? null,
  ]));
  [30, 30, 16, 80].forEach((width, i) => (legend.getColumn(i + 1).width = width));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
