// XLSX export (exceljs): one sheet, a bold frozen header row, one row per record with the flattened answers.
import ExcelJS from 'exceljs';
import type { ExportTable } from './export-rows.ts';

export const XLSX_SHEET = 'records';

export async function toXlsx(table: ExportTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Genba';
  const sheet = workbook.addWorksheet(XLSX_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.header).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
