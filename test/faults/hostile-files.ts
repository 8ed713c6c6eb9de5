// Hostile spreadsheets, made here byte by byte where exceljs would refuse to write them: a workbook package whose
// parts inflate to gigabytes (a zip bomb), one whose headers lie about the size, and a million-row sheet.
import { createWriteStream } from 'node:fs';
import { createDeflateRaw, crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** A part's bytes: given, or chunk(0) ... chunk(times - 1) between a head and a tail (never held whole in memory). */
export type Part = Buffer | { chunk: (i: number) => Buffer; times: number; head?: Buffer; tail?: Buffer };

interface Deflated {
  data: Buffer;
  crc: number;
  size: number;
}

function* pieces(part: Part): Generator<Buffer> {
  if (Buffer.isBuffer(part)) return yield part;
  if (part.head) yield part.head;
  // In pieces of about a megabyte: one deflate write per row would cost more than the deflating.
  let batch: Buffer[] = [];
  let bytes = 0;
  for (let i = 0; i < part.times; i += 1) {
    const chunk = part.chunk(i);
    batch.push(chunk);
    bytes += chunk.length;
    if (bytes >= 2 ** 20 || i === part.times - 1) {
      yield Buffer.concat(batch);
      batch = [];
      bytes = 0;
    }
  }
  if (part.tail) yield part.tail;
}

async function deflate(part: Part): Promise<Deflated> {
  const d = createDeflateRaw({ level: 1 }); // fast; a bomb needs no better ratio than this
  const out: Buffer[] = [];
  d.on('data', (b: Buffer) => out.push(b));
  const ended = new Promise((resolve) => d.on('end', resolve));
  let crc = 0;
  let size = 0;
  for (const p of pieces(part)) {
    crc = crc32(p, crc);
    size += p.length;
    if (!d.write(p)) await new Promise((resolve) => d.once('drain', resolve));
  }
  d.end();
  await ended;
  return { data: Buffer.concat(out), crc, size };
}

/**
 * A zip file (deflate, no zip64: every part under 4 GiB). `declaredSize` overrides what the headers say a part
 * inflates to: a bomb that lies, for a reader that trusts the directory.
 */
async function zipOf(parts: [name: string, part: Part, declaredSize?: number][]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, part, declared] of parts) {
    const { data, crc, size } = await deflate(part);
    const fileName = Buffer.from(name, 'utf8');
    const header = (signature: number, centralEntry: boolean) => {
      const h = Buffer.alloc(centralEntry ? 46 : 30);
      let at = 0;
      const u32 = (v: number) => (at = h.writeUInt32LE(v >>> 0, at));
      const u16 = (v: number) => (at = h.writeUInt16LE(v, at));
      u32(signature);
      if (centralEntry) u16(20); // made by
      u16(20); // version needed
      u16(0x0800); // UTF-8 names
      u16(8); // deflate
      u16(0);
      u16(0x21); // time, date: 1980-01-01
      u32(crc);
      u32(data.length);
      u32(declared ?? size);
      u16(fileName.length);
      u16(0); // extra
      if (centralEntry) {
        u16(0); // comment
        u16(0); // disk
        u16(0); // internal attributes
        u32(0); // external attributes
        u32(offset);
      }
      return Buffer.concat([h, fileName]);
    };
    const local = header(0x04034b50, false);
    locals.push(local, data);
    central.push(header(0x02014b50, true));
    offset += local.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const xml = (text: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${text}`, 'utf8');

/** An .xlsx package with one sheet and a shared-strings part: the smallest a spreadsheet reader accepts. */
export function workbookOf(sheetData: Part, sharedStrings: Part, sizes: { sheet?: number; strings?: number } = {}): Promise<Buffer> {
  return zipOf([
    [
      '[Content_Types].xml',
      xml(
        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/></Types>`,
      ),
    ],
    ['_rels/.rels', xml(`<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`)],
    ['xl/workbook.xml', xml(`<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="收文" sheetId="1" r:id="rId1"/></sheets></workbook>`)],
    [
      'xl/_rels/workbook.xml.rels',
      xml(
        `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ),
    ],
    ['xl/worksheets/sheet1.xml', sheetData, sizes.sheet],
    ['xl/sharedStrings.xml', sharedStrings, sizes.strings],
  ]);
}

const HEADINGS = ['标题', '备注'].map((h, i) => `<c r="${'AB'[i]}1" t="inlineStr"><is><t>${h}</t></is></c>`).join('');
const HEAD = Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData><row r="1">${HEADINGS}</row>`);
const TAIL = Buffer.from('</sheetData></worksheet>');
const TEXT = '关于加强保密工作的通知'.repeat(30);
const rowXml = (r: number) => Buffer.from(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${TEXT}</t></is></c><c r="B${r}" t="s"><v>0</v></c></row>`);
const STRING = Buffer.from(`<si><t>${TEXT}</t></si>`);

/** A sheet with a header row (标题, 备注) and `rows` rows, each a long inline string and a shared string: about ROW_BYTES each. */
export const sheetOf = (rows: number): Part => ({ head: HEAD, chunk: (i) => rowXml(i + 2), times: rows, tail: TAIL });
/** The shared-strings part with `count` long strings, about STRING_BYTES each. */
export const stringsOf = (count: number): Part => ({
  head: Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" count="${count}" uniqueCount="${count}">`),
  chunk: () => STRING,
  times: count,
  tail: Buffer.from('</sst>'),
});
export const ROW_BYTES = rowXml(1).length;
export const STRING_BYTES = STRING.length;
/** A real workbook of `rows` rows (序号, 标题) written by exceljs's streaming writer, as a big export would be. */
export async function manyRowWorkbook(path: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: createWriteStream(path), useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('收文');
  ws.addRow(['序号', '标题']).commit();
  for (let n = 1; n <= rows; n += 1) ws.addRow([n, `第${n}项`]).commit();
  ws.commit();
  await wb.commit();
}
