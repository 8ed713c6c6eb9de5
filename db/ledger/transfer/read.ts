// Reading a spreadsheet someone kept by hand: .xlsx through exceljs, .csv in UTF-8 or GB18030/GBK (what Chinese
// Excel writes by default). Both become the same grid of cells, indexed as the spreadsheet shows them.
import type ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { LedgerError } from '../../errors';
import { restoreFormula } from './formula';

/** A cell's value as the spreadsheet shows it: text, a number, a date (xlsx date cells), or nothing. */
export type Cell = string | number | Date | null;

export interface Grid {
  name: string;
  /** rows[i] is spreadsheet row i + 1; cells[j] is column j (A = 0). */
  rows: Cell[][];
}

export interface ReadFile {
  format: 'xlsx' | 'csv';
  /** The text encoding a CSV file was read in. */
  encoding: 'utf-8' | 'gb18030' | null;
  sheets: Grid[];
}

/** Large enough for years of registers; the base64 input of 20 MB is about 27 MB. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const unreadable = (fileName: string, reason: string, cause?: string): LedgerError =>
  new LedgerError('E_IMPORT_FILE_UNREADABLE', cause ? { fileName, reason, cause } : { fileName, reason });

export async function readSpreadsheet(fileName: string, data: Buffer): Promise<ReadFile> {
  if (data.length > MAX_IMPORT_BYTES) {
    throw new LedgerError('E_IMPORT_TOO_LARGE', { fileName, size: data.length, max: MAX_IMPORT_BYTES });
  }
  if (data.length === 0) throw unreadable(fileName, 'empty');
  const zip = data[0] === 0x50 && data[1] === 0x4b; // PK: an Office Open XML package
  const ole = data.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])); // the old binary .xls
  if (ole) throw unreadable(fileName, 'xls');
  if (zip) return { format: 'xlsx', encoding: null, sheets: await readXlsx(fileName, data) };
  if (/\.xlsx$/i.test(fileName)) throw unreadable(fileName, 'not_xlsx');
  const { text, encoding } = decodeText(fileName, data);
  if (text.includes('\u0000')) throw unreadable(fileName, 'binary');
  return { format: 'csv', encoding, sheets: [{ name: fileName.replace(/\.[^.]*$/, ''), rows: parseCsv(text) }] };
}

async function readXlsx(fileName: string, data: Buffer): Promise<Grid[]> {
  // Loaded when a workbook is read: every process that starts the service (the CLI, each test) would pay for it.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (err) {
    throw unreadable(fileName, 'corrupt', (err as Error).message);
  }
  return workbook.worksheets
    .filter((ws) => ws.state === 'visible')
    .map((ws) => {
      const rows: Cell[][] = [];
      ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
        const cells: Cell[] = [];
        // A merged cell reads as its master's value: a merged 来文单位 over three rows names all three.
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          cells[col - 1] = cellValue(cell.value);
        });
        rows[rowNumber - 1] = Array.from(cells, (c) => c ?? null);
      });
      return { name: ws.name, rows: Array.from(rows, (r) => r ?? []) };
    });
}

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    return result === undefined || (typeof result === 'object' && !(result instanceof Date)) ? null : cellValue(result as ExcelJS.CellValue);
  }
  if ('hyperlink' in v) return cellValue((v as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
  if ('error' in v) return null;
  return null;
}

/** UTF-8 when it has a BOM or decodes strictly; otherwise GB18030 (a superset of GBK and GB2312) if it is valid
 * GB18030. Anything else is refused at its first bad byte: replacement characters would import silently. */
export function decodeText(fileName: string, data: Buffer): { text: string; encoding: 'utf-8' | 'gb18030' } {
  const bom = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(data), encoding: 'utf-8' };
  } catch {
    const offset = bom ? firstBadUtf8Byte(data) : firstBadGb18030Byte(data);
    if (offset !== null) throw new LedgerError('E_IMPORT_FILE_UNREADABLE', { fileName, reason: 'bad_bytes', offset, line: lineAt(data, offset) });
    return { text: iconv.decode(data, 'gb18030'), encoding: 'gb18030' };
  }
}

/** A UTF-8 lead byte: how many continuation bytes follow, and the range of the first (WHATWG's UTF-8 decoder). */
function utf8Lead(b: number): [count: number, lo: number, hi: number] | null {
  if (b >= 0xc2 && b <= 0xdf) return [1, 0x80, 0xbf];
  if (b === 0xe0) return [2, 0xa0, 0xbf];
  if (b === 0xed) return [2, 0x80, 0x9f];
  if (b >= 0xe1 && b <= 0xef) return [2, 0x80, 0xbf];
  if (b === 0xf0) return [3, 0x90, 0xbf];
  if (b >= 0xf1 && b <= 0xf3) return [3, 0x80, 0xbf];
  if (b === 0xf4) return [3, 0x80, 0x8f];
  return null;
}

const between = (b: number | undefined, lo: number, hi: number): boolean => b !== undefined && b >= lo && b <= hi;

/** The offset of the first byte that starts no valid UTF-8 sequence. */
function firstBadUtf8Byte(data: Buffer): number | null {
  let i = 0;
  while (i < data.length) {
    if (data[i]! < 0x80) {
      i += 1;
      continue;
    }
    const lead = utf8Lead(data[i]!);
    if (!lead) return i;
    const [count, lo, hi] = lead;
    if (!between(data[i + 1], lo, hi)) return i;
    for (let k = 2; k <= count; k += 1) if (!between(data[i + k], 0x80, 0xbf)) return i;
    i += count + 1;
  }
  return null;
}

/** The offset of the first byte that starts no valid GB18030 sequence, as the WHATWG gb18030 decoder reads it:
 * one byte 00-80, two bytes 81-FE + 40-7E/80-FE, four bytes 81-FE 30-39 81-FE 30-39 within the mapped ranges. */
export function firstBadGb18030Byte(data: Buffer): number | null {
  let i = 0;
  while (i < data.length) {
    const b = data[i]!;
    if (b <= 0x80) i += 1;
    else if (b === 0xff) return i;
    else if (between(data[i + 1], 0x40, 0x7e) || between(data[i + 1], 0x80, 0xfe)) i += 2;
    else if (between(data[i + 1], 0x30, 0x39) && between(data[i + 2], 0x81, 0xfe) && between(data[i + 3], 0x30, 0x39)) {
      const pointer = (b - 0x81) * 12600 + (data[i + 1]! - 0x30) * 1260 + (data[i + 2]! - 0x81) * 10 + (data[i + 3]! - 0x30);
      if ((pointer > 39419 && pointer < 189000) || pointer > 1237575) return i;
      i += 4;
    } else return i;
  }
  return null;
}

/** The line (1-based; CRLF, LF and a lone CR each end one) that holds the byte at offset. */
function lineAt(data: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i += 1) {
    if (data[i] === 0x0a || (data[i] === 0x0d && data[i + 1] !== 0x0a)) line += 1;
  }
  return line;
}

/** RFC 4180: fields in double quotes may hold commas, quotes ("") and line breaks; lines end in CRLF or LF. A cell
 * the export neutralized ('=...) reads as it was. */
export function parseCsv(text: string): Cell[][] {
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => {
    row.push(field === '' ? null : restoreFormula(field));
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row.every((c) => c === null) ? [] : row);
    row = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\r' && text[i + 1] === '\n') {
      endRow();
      i += 1;
    } else if (ch === '\n' || ch === '\r') endRow();
    else field += ch;
    i += 1;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** Column letters as Excel shows them: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
