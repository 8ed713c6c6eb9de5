// Hostile imports: a zip bomb (a small .xlsx whose sheet XML or shared strings inflate to a gigabyte, honestly or
// with headers that lie), a million-row sheet, CSV bytes that are neither UTF-8 nor GB18030, and formula payloads.
// Each is a coded refusal (or, for formulas, text kept as text) while the importing process stays within its memory
// bound: the import runs in a worker process whose peak resident memory (maxRSS) is read as it ends.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_HEADER, csvOf, documentRow } from '../../db/ledger/transfer/fixture';
import { makeLedger, ok, okAsync, withRaw } from '../../db/testing';
import { IMPORT_DEFAULTS, IMPORT_RSS_LIMIT_MB, importInWorker, newFolder, scratch, sized, type Folder, type MeasuredImport } from './harness';
import { manyRowWorkbook, ROW_BYTES, sheetOf, STRING_BYTES, stringsOf, workbookOf } from './hostile-files';

const INFLATED = sized(2 ** 30, 2 ** 29);

let space: ReturnType<typeof scratch>;
let folder: Folder;

beforeAll(() => {
  space = scratch('imports');
  folder = newFolder(join(space.root, 'ledger'));
});
afterAll(() => space.remove());

async function writeBomb(name: string, data: Promise<Buffer>): Promise<string> {
  const path = join(space.root, name);
  writeFileSync(path, await data);
  return path;
}

function expectTooLarge(m: MeasuredImport): void {
  console.info(`peak RSS ${m.peakRssMb.toFixed(0)} MB: ${JSON.stringify(m.result).slice(0, 200)}`);
  expect(m.result, JSON.stringify(m.result)?.slice(0, 500)).toMatchObject({ ok: false, error: { code: 'E_IMPORT_TOO_LARGE' } });
  expect(Object.keys(m.result.error!.details ?? {}), 'the refusal does not name the limit').toContain('limit');
  expect(m.peakRssMb, 'peak resident memory, MB').toBeLessThanOrEqual(IMPORT_RSS_LIMIT_MB);
}

describe(`zip bombs and huge sheets (inflating to ${INFLATED / 2 ** 20} MB)`, () => {
  it('a control: the same hand-made package, small, reads as a register', { timeout: 60_000 }, async () => {
    const m = await importInWorker(folder.dir, await writeBomb('small.xlsx', workbookOf(sheetOf(50), stringsOf(1))));
    expect(m.result, JSON.stringify(m.result).slice(0, 500)).toMatchObject({ ok: true, value: { rows: 50 } });
    expect(m.peakRssMb, 'peak resident memory, MB').toBeLessThanOrEqual(IMPORT_RSS_LIMIT_MB);
  });

  it('sheet XML that inflates hugely: E_IMPORT_TOO_LARGE naming the limit, memory bounded', { timeout: 180_000 }, async () => {
    expectTooLarge(await importInWorker(folder.dir, await writeBomb('sheet-bomb.xlsx', workbookOf(sheetOf(Math.round(INFLATED / ROW_BYTES)), stringsOf(1)))));
  });

  it('shared strings that inflate hugely: E_IMPORT_TOO_LARGE naming the limit, memory bounded', { timeout: 180_000 }, async () => {
    expectTooLarge(
      await importInWorker(folder.dir, await writeBomb('strings-bomb.xlsx', workbookOf(sheetOf(10), stringsOf(Math.round(INFLATED / STRING_BYTES))))),
    );
  });

  it('a bomb whose zip headers claim 4 KB: refused with a code, memory bounded', { timeout: 180_000 }, async () => {
    const m = await importInWorker(
      folder.dir,
      await writeBomb('lying-bomb.xlsx', workbookOf(sheetOf(Math.round(INFLATED / ROW_BYTES)), stringsOf(1), { sheet: 4096 })),
    );
    expect(['E_IMPORT_TOO_LARGE', 'E_IMPORT_FILE_UNREADABLE'], JSON.stringify(m.result)?.slice(0, 500)).toContain(m.result.error?.code);
    expect(m.peakRssMb, 'peak resident memory, MB').toBeLessThanOrEqual(IMPORT_RSS_LIMIT_MB);
  });

  it('a million-row sheet: E_IMPORT_TOO_LARGE naming the limit, memory bounded', { timeout: 240_000 }, async () => {
    const path = join(space.root, 'million.xlsx');
    await manyRowWorkbook(path, 1_000_000);
    expectTooLarge(await importInWorker(folder.dir, path));
  });
});

describe('CSV bytes that are neither UTF-8 nor GB18030', () => {
  it('are refused with the byte offset and line of the first bad byte; good GBK still reads', { timeout: 60_000 }, async () => {
    const good = csvOf([DOCUMENT_HEADER, documentRow(1).map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : (c as string | number | null)))], 'gbk');
    const goodPath = join(space.root, 'good-gbk.csv');
    writeFileSync(goodPath, good);
    const fine = await importInWorker(folder.dir, goodPath);
    expect(fine.result, JSON.stringify(fine.result)).toMatchObject({ ok: true });

    // 0xFF never starts a GB18030 sequence; put it inside the second line, after a valid GBK title.
    const lineBreak = good.indexOf(0x0a);
    const bad = Buffer.concat([good.subarray(0, lineBreak + 5), Buffer.from([0xff, 0x30]), good.subarray(lineBreak + 5)]);
    const badPath = join(space.root, 'bad-gbk.csv');
    writeFileSync(badPath, bad);
    const m = await importInWorker(folder.dir, badPath);
    expect(m.result).toMatchObject({
      ok: false,
      error: { code: 'E_IMPORT_FILE_UNREADABLE', details: { reason: 'bad_bytes', offset: lineBreak + 5, line: 2 } },
    });
    expect(m.peakRssMb, 'peak resident memory, MB').toBeLessThanOrEqual(IMPORT_RSS_LIMIT_MB);
  });
});

/** The cells of a CSV exactly as written (RFC 4180 quoting only): the app's own reader would undo the neutralizing. */
function rawCells(text: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') cell += text[(i += 1)];
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',' || c === '\n') {
      cells.push(cell.replace(/\r$/, ''));
      cell = '';
    } else cell += c;
  }
  return cell ? [...cells, cell] : cells;
}

/** OWASP's CSV injection examples, and the leading characters its advice names. */
const PAYLOADS = ["=cmd|' /C calc'!A0", '+1+1', '-2+3', '@SUM(1,1)', '=HYPERLINK("http://example.invalid","点击")', '=1+1 关于', '@关于通知'];

describe('formula payloads in cells', () => {
  it('CSV export writes no cell that a spreadsheet would run, and the import reads the neutralized cell back as the text', async () => {
    const t = makeLedger();
    ok(t.service, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' });
    const day = new Date(t.clock.now).toISOString().slice(0, 10);
    const input = (title: string, n: number) => ({
      receivedAt: day,
      issueDate: day,
      originUnit: '省国家保密局',
      docNumber: `鲁保发〔2026〕${n}号`,
      title,
      marking: '机密★10年',
      copies: 1,
      scope: ['办公室'],
      locationId: 1,
      signedBy: '李明',
    });
    PAYLOADS.forEach((p, i) => ok(t.service, 'documents.receive', input(p, i + 1)));
    const out = await okAsync<{ data: string }>(t.service, 'export.register', { register: 'received', format: 'csv' });
    const cells = rawCells(
      Buffer.from(out.data, 'base64')
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
    );
    expect(
      cells.filter((c) => typeof c === 'string' && /^[=+\-@\t\r]/.test(c)),
      'cells a spreadsheet runs',
    ).toEqual([]);
    for (const p of PAYLOADS) expect(cells).toContain(`'${p}`);

    // The neutralized form, as the export wrote it, imported: the titles are the original text.
    const rows = PAYLOADS.map((p, i) => {
      const row = documentRow(100 + i).map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : (c as string | number | null)));
      row[4] = `'${p}`;
      return row;
    });
    const data = csvOf([DOCUMENT_HEADER, ...rows], 'utf-8-bom').toString('base64');
    await okAsync(t.service, 'import.apply', { register: 'documents', fileName: 'payloads.csv', data, defaults: IMPORT_DEFAULTS });
    const titles = withRaw(t, (db) => (db.prepare('SELECT title FROM documents WHERE id > ?').all(PAYLOADS.length) as { title: string }[]).map((r) => r.title));
    expect(titles.sort()).toEqual([...PAYLOADS].sort());
  });
});
