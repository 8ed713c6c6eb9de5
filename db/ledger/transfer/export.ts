// Export of a register: the sheet the printout shows (db/ledger/sheets buildSheet: the same columns, rows and
// marking), written as .xlsx by exceljs or as CSV that Excel opens (UTF-8 with BOM, CRLF, RFC 4180 quoting, formula
// characters neutralized: see formula.ts).
import type { Sheet } from '../sheets';
import { neutralizeFormula } from './formula';

export type ExportFormat = 'xlsx' | 'csv';

/** Rows above the header in the workbook: the marking of the most sensitive row, then the title. */
const HEADER_ROW = 3;

export async function sheetToXlsx(sheet: Sheet): Promise<Buffer> {
  const { default: Excel } = await import('exceljs'); // loaded on the first export only
  const wb = new Excel.Workbook();
  const ws = wb.addWorksheet(sheet.title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '), {
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const total = sheet.columns.reduce((n, c) => n + c.width, 0);
  // Relative widths spread over about 200 characters, as on the landscape A4 printout.
  ws.columns = sheet.columns.map((c) => ({ key: c.key, width: Math.max(6, Math.round((c.width / total) * 200)) }));
  const marking = ws.getRow(1);
  marking.getCell(1).value = sheet.markingText;
  marking.getCell(1).font = { bold: true, size: 14 };
  const title = ws.getRow(2);
  title.getCell(1).value = sheet.title;
  title.getCell(1).font = { bold: true, size: 16 };
  title.getCell(1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, sheet.columns.length);
  const header = ws.getRow(HEADER_ROW);
  sheet.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.label;
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = { bottom: { style: 'thin' } };
  });
  // Every cell is text, as printed: 份号 0001 and 文号 stay as written.
  for (const row of sheet.rows) ws.addRow(row).alignment = { vertical: 'top', wrapText: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const quote = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const csvCell = (s: string): string => quote(neutralizeFormula(s));

export function sheetToCsv(sheet: Sheet): Buffer {
  const lines = [[sheet.markingText], sheet.columns.map((c) => c.label), ...sheet.rows];
  return Buffer.from(`\uFEFF${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`, 'utf8');
}

export function exportFileName(sheet: Sheet, format: ExportFormat, date: string): string {
  return `${sheet.title.replace(/[\\/:*?"<>|]/g, ' ')}-${date}.${format}`;
}
