// Spreadsheets written the way people keep registers, for the import tests, the e2e spec and the benchmark.
// Written with exceljs (and iconv-lite for GBK), never by hand. Not used by the app.
import { once } from 'node:events';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export type FixtureCell = string | number | Date | null | { richText: { text: string }[] } | { formula: string; result: number | string };

export interface FixtureSheet {
  name?: string;
  rows: FixtureCell[][];
  /** Ranges to merge, e.g. 'A1:H1' for a title over the header. */
  merges?: string[];
  /** Columns (1-based) holding dates, written with a date format. */
  dateColumns?: number[];
}

export async function xlsxOf(...sheets: FixtureSheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  sheets.forEach((s, i) => {
    const ws = wb.addWorksheet(s.name ?? `Sheet${i + 1}`);
    s.rows.forEach((cells, r) => {
      cells.forEach((v, c) => {
        if (v === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = v as ExcelJS.CellValue;
        if (v instanceof Date || s.dateColumns?.includes(c + 1)) cell.numFmt = 'yyyy-mm-dd';
      });
    });
    for (const m of s.merges ?? []) ws.mergeCells(m);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** CSV as Excel writes it: CRLF, fields quoted when needed; 'gbk' is what Chinese Excel saves by default. */
export function csvOf(rows: (string | number | null)[][], encoding: 'utf-8-bom' | 'utf-8' | 'gbk'): Buffer {
  const q = (v: string | number | null) => {
    const t = v === null ? '' : String(v);
    return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  const text = `${rows.map((r) => r.map(q).join(',')).join('\r\n')}\r\n`;
  if (encoding === 'gbk') return iconv.encode(text, 'gbk');
  return Buffer.concat([encoding === 'utf-8-bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
}

export const DOCUMENT_HEADER = ['序号', '收文日期', '来文单位', '文号', '标题', '密级', '保密期限', '份数', '份号', '签收人', '知悉范围', '备注'];

/** One ordinary received document per n, all valid (in 一号保密柜 BMG-01). */
export function documentRow(n: number): FixtureCell[] {
  const day = new Date(Date.UTC(2025, 0, 1 + (n % 300)));
  return [
    n,
    day,
    '省国家保密局',
    `鲁保发〔2025〕${n}号`,
    `关于第${n}项保密工作的通知`,
    n % 3 === 0 ? '秘密' : '机密',
    n % 2 === 0 ? '10年' : '长期',
    2,
    `${'0001'}-${'0002'}`,
    '李明',
    '办公室',
    '',
  ];
}

export function documentSheet(count: number, title = '2025年收文登记簿'): FixtureSheet {
  return {
    rows: [[title], DOCUMENT_HEADER, ...Array.from({ length: count }, (_, i) => documentRow(i + 1))],
    merges: [`A1:L1`],
  };
}

/** Deflates text given as chunks without holding it whole: the compressed bytes and the unpacked size. */
async function deflateChunks(chunks: Iterable<string>): Promise<{ body: Buffer; size: number }> {
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  let size = 0;
  for (const chunk of chunks) {
    const bytes = Buffer.from(chunk, 'utf8');
    size += bytes.length;
    if (!deflate.write(bytes)) await once(deflate, 'drain');
  }
  deflate.end();
  await once(deflate, 'end');
  return { body: Buffer.concat(out), size };
}

/** A zip as a spreadsheet program would not write it: a zip bomb's sheet or shared strings, hundreds of MB unpacked,
 * made from chunks. Deflated entries, sizes in the local headers, no CRC (the limits are checked before it is). */
export async function zipOf(entries: { name: string; chunks: Iterable<string> }[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name, chunks } of entries) {
    const { body, size } = await deflateChunks(chunks);
    const nameBytes = Buffer.from(name, 'utf8');
    const header = (isCentral: boolean) => {
      const h = Buffer.alloc(isCentral ? 46 : 30);
      let p = h.writeUInt32LE(isCentral ? 0x02014b50 : 0x04034b50, 0);
      if (isCentral) p = h.writeUInt16LE(20, p); // version made by
      p = h.writeUInt16LE(20, p); // version needed
      p = h.writeUInt16LE(0, p); // flags
      p = h.writeUInt16LE(8, p); // deflate
      p = h.writeUInt32LE(0, p); // time, date
      p = h.writeUInt32LE(0, p); // crc
      p = h.writeUInt32LE(body.length, p);
      p = h.writeUInt32LE(size, p);
      p = h.writeUInt16LE(nameBytes.length, p);
      p = h.writeUInt16LE(0, p); // extra
      if (isCentral) h.writeUInt32LE(offset, p + 10); // after comment length, disk, attributes
      return h;
    };
    central.push(header(true), nameBytes);
    const local = Buffer.concat([header(false), nameBytes, body]);
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** n copies of text, as chunks of about 1 MB. */
export function* repeated(text: string, n: number): Generator<string> {
  const perChunk = Math.max(1, Math.floor(1_000_000 / text.length));
  for (let done = 0; done < n; done += perChunk) yield text.repeat(Math.min(perChunk, n - done));
}
