// Reading a spreadsheet someone kept by hand: .xlsx through exceljs, .csv in UTF-8 or GB18030/GBK (what Chinese
// Excel writes by default). Both become the same grid of cells, indexed as the spreadsheet shows them.
import type { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
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

/**
 * The most a file may hold; past any of them the import stops with E_IMPORT_TOO_LARGE naming the limit. They bound
 * the reader's memory whatever the file says of itself: a workbook of a few hundred KB can unpack to gigabytes.
 */
export interface ImportLimits {
  /** The file as given. */
  bytes: number;
  /** A workbook's parts unpacked, all together. */
  unpackedBytes: number;
  /** Rows in all sheets together (a CSV: its lines). */
  rows: number;
  /** Cells that hold something, merged areas counted as the cells they fill. */
  cells: number;
  /** Entries of a workbook's shared-string table. */
  sharedStrings: number;
}
export type ImportLimit = keyof ImportLimits;

export const IMPORT_LIMITS: Readonly<ImportLimits> = {
  bytes: MAX_IMPORT_BYTES,
  unpackedBytes: 256 * 1024 * 1024,
  rows: 100_000,
  cells: 2_000_000,
  sharedStrings: 1_000_000,
};

/** Past a limit while reading: size is max + 1 (reading stops there, so the file's true count is not known). */
const tooLarge = (fileName: string, limits: ImportLimits, limit: ImportLimit, size = limits[limit] + 1): LedgerError =>
  new LedgerError('E_IMPORT_TOO_LARGE', { fileName, limit, size, max: limits[limit] });

/** Rows and cells read so far, against their limits. */
class Tally {
  private rows = 0;
  private cells = 0;
  constructor(
    private readonly fileName: string,
    private readonly limits: ImportLimits,
  ) {}
  add(rows: number, cells: number): void {
    this.rows += rows;
    this.cells += cells;
    if (this.rows > this.limits.rows) throw tooLarge(this.fileName, this.limits, 'rows');
    if (this.cells > this.limits.cells) throw tooLarge(this.fileName, this.limits, 'cells');
  }
}

const unreadable = (fileName: string, reason: string, cause?: string): LedgerError =>
  new LedgerError('E_IMPORT_FILE_UNREADABLE', cause ? { fileName, reason, cause } : { fileName, reason });

export async function readSpreadsheet(fileName: string, data: Buffer, limits: ImportLimits = IMPORT_LIMITS): Promise<ReadFile> {
  if (data.length > limits.bytes) throw tooLarge(fileName, limits, 'bytes', data.length);
  if (data.length === 0) throw unreadable(fileName, 'empty');
  const zip = data[0] === 0x50 && data[1] === 0x4b; // PK: an Office Open XML package
  const ole = data.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])); // the old binary .xls
  if (ole) throw unreadable(fileName, 'xls');
  const tally = new Tally(fileName, limits);
  if (zip) return { format: 'xlsx', encoding: null, sheets: await readXlsx(fileName, data, limits, tally) };
  if (/\.xlsx$/i.test(fileName)) throw unreadable(fileName, 'not_xlsx');
  const { text, encoding } = decodeText(fileName, data);
  if (text.includes('\u0000')) throw unreadable(fileName, 'binary');
  const rows = parseCsv(text);
  tally.add(
    rows.length,
    rows.reduce((n, r) => n + r.filter((c) => c !== null).length, 0),
  );
  return { format: 'csv', encoding, sheets: [{ name: fileName.replace(/\.[^.]*$/, ''), rows }] };
}

/**
 * A workbook read as a stream (exceljs WorkbookReader), after a first pass over its zip that unpacks every part
 * without keeping it: the unpacked size and the shared strings are counted there, before exceljs caches anything,
 * and the merged areas are collected (the streaming reader skips them). Rows and cells are counted as they stream.
 */
async function readXlsx(fileName: string, data: Buffer, limits: ImportLimits, tally: Tally): Promise<Grid[]> {
  const merges = await scanPackage(fileName, data, limits);
  // Loaded when a workbook is read: every process that starts the service (the CLI, each test) would pay for it.
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(Readable.from([data]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  // The reader names each sheet's part just before it yields the sheet: the key of its merged areas. (It is an
  // EventEmitter; exceljs's types do not say so.)
  let part = '';
  (reader as unknown as EventEmitter).on('entry', (entry: { type: string; id?: string }) => {
    if (entry.type === 'worksheet') part = `xl/worksheets/sheet${entry.id}.xml`;
  });
  const sheets: Grid[] = [];
  try {
    for await (const ws of reader) {
      const rows: Cell[][] = [];
      for await (const row of ws) {
        const cells: Cell[] = [];
        let filled = 0;
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          cells[col - 1] = cellValue(cell.value);
          filled += 1;
        });
        // The grid is as tall as the last row's number (row r="900000" alone is 900,000 rows); a row without its
        // number (r may be left out) follows the one before.
        const at = Number.isInteger(row.number) && row.number > 0 ? row.number - 1 : rows.length;
        tally.add(Math.max(0, at + 1 - rows.length), filled);
        rows[at] = Array.from(cells, (c) => c ?? null);
      }
      fillMerges(rows, merges.get(part) ?? [], tally);
      const { name, state } = ws as unknown as { name: string; state?: string };
      if ((state ?? 'visible') === 'visible') sheets.push({ name, rows: Array.from(rows, (r) => r ?? []) });
    }
  } catch (err) {
    if (err instanceof LedgerError) throw err;
    throw unreadable(fileName, 'corrupt', (err as Error).message);
  }
  return sheets;
}

/** A merged cell reads as its master's value: a merged 来文单位 over three rows names all three. */
function fillMerges(rows: Cell[][], ranges: string[], tally: Tally): void {
  for (const ref of ranges) {
    const [a, b = a] = ref.split(':').map(cellAddress);
    if (!a || !b) continue;
    const from = { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col) };
    const to = { row: Math.max(a.row, b.row), col: Math.max(a.col, b.col) };
    tally.add(Math.max(0, to.row + 1 - rows.length), (to.row - from.row + 1) * (to.col - from.col + 1) - 1);
    const master = rows[from.row]?.[from.col] ?? null;
    for (let r = from.row; r <= to.row; r += 1) {
      const row = (rows[r] ??= []);
      for (let c = from.col; c <= to.col; c += 1) row[c] = master;
      for (let c = 0; c < row.length; c += 1) row[c] ??= null;
    }
  }
}

/** 'B3' -> row 2, column 1 (0-based), or undefined when it is no cell address. */
function cellAddress(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return undefined;
  const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(m[2]) - 1, col };
}

interface ZipPart {
  name: string;
  method: number;
  body: Buffer;
}

/**
 * The parts of a zip as a streaming unzipper meets them: the central directory names them, and each local entry
 * must follow the one before it with nothing between (else a part hidden from the directory could still be read).
 */
function zipParts(fileName: string, data: Buffer): ZipPart[] {
  const corrupt = (why: string) => unreadable(fileName, 'corrupt', why);
  let end = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i -= 1) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw corrupt('no end of the central directory');
  const count = data.readUInt16LE(end + 10);
  const directory = data.readUInt32LE(end + 16);
  if (directory + data.readUInt32LE(end + 12) > end) throw corrupt('central directory out of the file');
  const parts: ZipPart[] = [];
  let at = directory;
  let next = 0;
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > end || data.readUInt32LE(at) !== 0x02014b50) throw corrupt('central directory entry');
    const [flags, method, size, nameLength] = [data.readUInt16LE(at + 8), data.readUInt16LE(at + 10), data.readUInt32LE(at + 20), data.readUInt16LE(at + 28)];
    const local = data.readUInt32LE(at + 42);
    const name = data.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
    if (local !== next || local + 30 > directory || data.readUInt32LE(local) !== 0x04034b50) throw corrupt(`local entry of ${name}`);
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    next = start + size;
    // A data descriptor after the data (flag bit 3): an optional signature, the CRC and both sizes.
    if (flags & 8) next += next + 4 <= directory && data.readUInt32LE(next) === 0x08074b50 ? 16 : 12;
    if (next > directory || (method !== 0 && method !== 8)) throw corrupt(`entry ${name}`);
    parts.push({ name, method, body: data.subarray(start, start + size) });
  }
  if (next !== directory) throw corrupt('data outside the central directory');
  return parts;
}

/** Counts the matches of pattern in a stream of text chunks; one split across two chunks is counted once. */
function matcher(pattern: RegExp, onMatch: (m: RegExpExecArray) => void): (chunk: Buffer) => void {
  let tail = '';
  return (chunk) => {
    const text = tail + chunk.toString('latin1');
    for (const m of text.matchAll(pattern)) if (m.index + m[0].length > tail.length) onMatch(m);
    tail = text.slice(-200);
  };
}

/** Unpacks every part once, keeping nothing: the unpacked size and the shared strings against their limits, and
 * the merged areas of each sheet part. */
async function scanPackage(fileName: string, data: Buffer, limits: ImportLimits): Promise<Map<string, string[]>> {
  const merges = new Map<string, string[]>();
  let unpacked = 0;
  let strings = 0;
  for (const part of zipParts(fileName, data)) {
    const scan =
      part.name === 'xl/sharedStrings.xml'
        ? matcher(/<(?:[\w.-]+:)?si[\s>/]/g, () => {
            strings += 1;
            if (strings > limits.sharedStrings) throw tooLarge(fileName, limits, 'sharedStrings');
          })
        : /^xl\/worksheets\/sheet\d+\.xml$/.test(part.name)
          ? matcher(/<(?:[\w.-]+:)?mergeCell\s[^>]*?ref="([A-Z$\d:]+)"/g, (m) => {
              const list = merges.get(part.name) ?? [];
              list.push(m[1]!);
              merges.set(part.name, list);
            })
          : undefined;
    await unpack(fileName, part, (chunk) => {
      unpacked += chunk.length;
      if (unpacked > limits.unpackedBytes) throw tooLarge(fileName, limits, 'unpackedBytes');
      scan?.(chunk);
    });
  }
  return merges;
}

/** Inflates one part chunk by chunk; an error thrown by onChunk stops it. */
function unpack(fileName: string, part: ZipPart, onChunk: (chunk: Buffer) => void): Promise<void> {
  if (part.method === 0) {
    onChunk(part.body);
    return Promise.resolve();
  }
  return new Promise((done, fail) => {
    const inflate = zlib.createInflateRaw();
    inflate.on('data', (chunk: Buffer) => {
      try {
        onChunk(chunk);
      } catch (err) {
        inflate.destroy();
        fail(err);
      }
    });
    inflate.on('end', done);
    inflate.on('error', (err) => fail(unreadable(fileName, 'corrupt', `${part.name}: ${err.message}`)));
    inflate.end(part.body);
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
function decodeText(fileName: string, data: Buffer): { text: string; encoding: 'utf-8' | 'gb18030' } {
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
