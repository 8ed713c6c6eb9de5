// Reading real-world spreadsheets: the files are written by exceljs / iconv-lite here, read back through the import path.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../domain/errors';
import { LedgerError } from '../../errors';
import { csvOf, repeated, xlsxOf, zipOf } from './fixture';
import { detectHeader, inspect } from './import';
import { cellText, halfWidth, parseCopyNos, parseCount, parseDate } from './normalize';
import { columnLetter, firstBadGb18030Byte, IMPORT_LIMITS, MAX_IMPORT_BYTES, parseCsv, readSpreadsheet } from './read';
import { FIELDS } from './registers';

async function refusal(p: Promise<unknown>): Promise<{ code: string; details: Record<string, unknown> | undefined }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof LedgerError) return { code: e.code, details: e.details };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('reading .xlsx', () => {
  it('reads a merged title row, Date cells, serial numbers, rich text and formula results; the header is found under the title', async () => {
    const data = await xlsxOf({
      name: '收文',
      rows: [
        ['2026年收文登记簿'],
        ['收文日期', '来文单位', '标题', '密级', '份数'],
        [new Date(Date.UTC(2026, 2, 5)), { richText: [{ text: '省国家' }, { text: '保密局' }] }, '通知', '机密★10年', { formula: '1+2', result: 3 }],
        [46086, '市委办公室', '函', '秘密', 1],
      ],
      merges: ['A1:E1'],
    });
    const file = await readSpreadsheet('收文.xlsx', data);
    expect(file.format).toBe('xlsx');
    const rows = file.sheets[0]!.rows;
    // Every cell of the merged title reads as the title.
    expect(rows[0]!.map(cellText)).toEqual(Array(5).fill('2026年收文登记簿'));
    expect(rows[2]!.map(cellText)).toEqual(['2026-03-05', '省国家保密局', '通知', '机密★10年', '3']);
    expect(parseDate(rows[3]![0]!)).toBe('2026-03-05');
    expect(detectHeader(rows, FIELDS.documents)).toBe(2);
  });

  it('finds the header on row 3 under a title and a unit line, and suggests the columns from the headers people use', async () => {
    const data = await xlsxOf({
      rows: [
        ['涉密计算机登记备案表'],
        ['填报单位:某某厅办公室', null, null, '填报日期:2026-11-01'],
        [
          '保密编号',
          '设备名称',
          '品牌型号',
          '主机序列号',
          '硬盘序列号',
          'MAC 地址',
          '操作系统',
          '密  级',
          '联网情况',
          '用途',
          '部门',
          '责任人',
          '放置地点',
          '启用时间',
        ],
        ['BM-1'],
      ],
      merges: ['A1:N1'],
    });
    const view = inspect(await readSpreadsheet('pc.xlsx', data), 'secret-computers');
    expect(view.headerRow).toBe(3);
    expect(view.mapping).toEqual({
      code: 0,
      name: 1,
      model: 2,
      serial: 3,
      diskSerial: 4,
      mac: 5,
      os: 6,
      level: 7,
      network: 8,
      purpose: 9,
      department: 10,
      responsible: 11,
      location: 12,
      enabledAt: 13,
    });
    expect(view.columns[13]).toEqual({ index: 13, letter: 'N', header: '启用时间' });
  });

  it('refuses a damaged workbook, an old .xls, an empty file and one over the size limit, each with its code', async () => {
    const good = await xlsxOf({ rows: [['a']] });
    expect(await refusal(readSpreadsheet('x.xlsx', good.subarray(0, 200)))).toMatchObject({ code: 'E_IMPORT_FILE_UNREADABLE', details: { reason: 'corrupt' } });
    expect(await refusal(readSpreadsheet('x.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))).toMatchObject({
      code: 'E_IMPORT_FILE_UNREADABLE',
      details: { reason: 'xls' },
    });
    expect(await refusal(readSpreadsheet('x.csv', Buffer.alloc(0)))).toMatchObject({ code: 'E_IMPORT_FILE_UNREADABLE', details: { reason: 'empty' } });
    expect(await refusal(readSpreadsheet('x.xlsx', Buffer.from('not a zip')))).toMatchObject({
      code: 'E_IMPORT_FILE_UNREADABLE',
      details: { reason: 'not_xlsx' },
    });
    expect(await refusal(readSpreadsheet('x.csv', Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x41)))).toMatchObject({
      code: 'E_IMPORT_TOO_LARGE',
      details: { limit: 'bytes' },
    });
  });
});

describe('import limits: a workbook is read as a stream and stops at the first limit it passes', () => {
  // A workbook's frame around a sheet: what the streaming reader needs to find the sheet.
  const frame = (sheet: Iterable<string>, sharedStrings?: Iterable<string>) => [
    { name: '[Content_Types].xml', chunks: ['<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'] },
    {
      name: 'xl/workbook.xml',
      chunks: [
        '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="收文" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ],
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      chunks: [
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ],
    },
    ...(sharedStrings ? [{ name: 'xl/sharedStrings.xml', chunks: sharedStrings }] : []),
    { name: 'xl/worksheets/sheet1.xml', chunks: sheet },
  ];
  const sheetXml = function* (rows: Iterable<string>, afterRows = '') {
    yield '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
    yield* rows;
    yield `</sheetData>${afterRows}</worksheet>`;
  };

  it('reads such a hand-made frame (the limits below are what refuse, not the frame)', async () => {
    const data = await zipOf(frame(sheetXml(['<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c></row>'])));
    expect((await readSpreadsheet('x.xlsx', data)).sheets).toEqual([{ name: '收文', rows: [['标题']] }]);
  });

  it('refuses a zip bomb (300 MB of sheet unpacked from a few hundred KB) at the unpacked-size limit, quickly', async () => {
    const data = await zipOf(
      frame(sheetXml(repeated('<row r="1"><c r="A1" t="inlineStr"><is><t>xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx</t></is></c></row>', 3_500_000))),
    );
    expect(data.length).toBeLessThan(2 * 1024 * 1024);
    const started = Date.now();
    expect(await refusal(readSpreadsheet('bomb.xlsx', data))).toEqual({
      code: 'E_IMPORT_TOO_LARGE',
      details: { fileName: 'bomb.xlsx', limit: 'unpackedBytes', size: IMPORT_LIMITS.unpackedBytes + 1, max: IMPORT_LIMITS.unpackedBytes },
    });
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 60_000);

  it('refuses too many shared strings before caching them', async () => {
    const strings = function* () {
      yield '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
      yield* repeated('<si><t>a</t></si>', IMPORT_LIMITS.sharedStrings + 1);
      yield '</sst>';
    };
    const data = await zipOf(frame(sheetXml([]), strings()));
    expect(await refusal(readSpreadsheet('strings.xlsx', data))).toMatchObject({
      code: 'E_IMPORT_TOO_LARGE',
      details: { limit: 'sharedStrings', max: IMPORT_LIMITS.sharedStrings },
    });
  }, 60_000);

  it('stops at the row and cell limits, merged areas counted as the cells they fill', async () => {
    const small = { ...IMPORT_LIMITS, rows: 50, cells: 500 };
    const rows = (n: number, cols = 1) => xlsxOf({ rows: Array.from({ length: n }, (_, i) => Array.from({ length: cols }, (__, j) => `r${i}c${j}`)) });
    expect((await readSpreadsheet('ok.xlsx', await rows(50), small)).sheets[0]!.rows).toHaveLength(50);
    expect(await refusal(readSpreadsheet('rows.xlsx', await rows(51), small))).toMatchObject({
      code: 'E_IMPORT_TOO_LARGE',
      details: { limit: 'rows', max: 50 },
    });
    expect(await refusal(readSpreadsheet('cells.xlsx', await rows(40, 13), small))).toMatchObject({
      code: 'E_IMPORT_TOO_LARGE',
      details: { limit: 'cells', max: 500 },
    });
    const merged = await xlsxOf({ rows: [['title']], merges: ['A1:BZ10'] });
    expect(await refusal(readSpreadsheet('merged.xlsx', merged, small))).toMatchObject({ code: 'E_IMPORT_TOO_LARGE', details: { limit: 'cells', max: 500 } });
    // A sheet is as tall as its last row's number, a merge as far down as it reaches.
    const cell = '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>';
    const far = await zipOf(frame(sheetXml([cell.replace(/1"/g, '51"')])));
    expect(await refusal(readSpreadsheet('far.xlsx', far, small))).toMatchObject({ code: 'E_IMPORT_TOO_LARGE', details: { limit: 'rows', max: 50 } });
    const tall = await zipOf(frame(sheetXml([cell], '<mergeCells count="1"><mergeCell ref="A60:A1"/></mergeCells>')));
    expect(await refusal(readSpreadsheet('tall.xlsx', tall, small))).toMatchObject({ code: 'E_IMPORT_TOO_LARGE', details: { limit: 'rows', max: 50 } });
    const fine = await zipOf(frame(sheetXml([cell], '<mergeCells count="1"><mergeCell ref="A3:A1"/></mergeCells>')));
    expect((await readSpreadsheet('fine.xlsx', fine, small)).sheets[0]!.rows).toEqual([['x'], ['x'], ['x']]);
    const csv = csvOf(
      Array.from({ length: 51 }, (_, i) => [`r${i}`]),
      'utf-8',
    );
    expect(await refusal(readSpreadsheet('rows.csv', csv, small))).toMatchObject({ code: 'E_IMPORT_TOO_LARGE', details: { limit: 'rows', max: 50 } });
  }, 60_000);

  it('names the limit in the message, in each language', () => {
    const rows = { code: 'E_IMPORT_TOO_LARGE', details: { fileName: 'x.xlsx', limit: 'rows', size: 100_001, max: 100_000 } };
    expect(errorMessage(rows, 'zh-CN')).toContain('100000 行');
    expect(errorMessage(rows, 'zh-TW')).toContain('100000 列');
    expect(errorMessage(rows, 'en')).toContain('100000 rows');
    const bytes = { code: 'E_IMPORT_TOO_LARGE', details: { fileName: 'x.csv', limit: 'bytes', size: MAX_IMPORT_BYTES + 1, max: MAX_IMPORT_BYTES } };
    expect(errorMessage(bytes, 'en')).toContain('20 MB');
  });
});

describe('reading .csv', () => {
  const rows = [
    ['标题', '文号', '备注'],
    ['关于“保密”工作, 的通知', '鲁发〔2026〕3号', '第一行\r\n第二行'],
    ['引号"内"', '', ''],
  ];

  it('reads GBK (what Chinese Excel saves), UTF-8 with and without BOM the same; quoted commas, quotes and line breaks', async () => {
    for (const encoding of ['gbk', 'utf-8-bom', 'utf-8'] as const) {
      const file = await readSpreadsheet('收文.csv', csvOf(rows, encoding));
      expect(file.encoding).toBe(encoding === 'gbk' ? 'gb18030' : 'utf-8');
      expect(file.sheets[0]!.rows.map((r) => r.map(cellText))).toEqual([
        ['标题', '文号', '备注'],
        ['关于“保密”工作, 的通知', '鲁发〔2026〕3号', '第一行\n第二行'],
        ['引号"内"', '', ''],
      ]);
    }
  });

  it('keeps row numbers as Excel shows them: a blank line is a row, a quoted line break is not', () => {
    const grid = parseCsv('a,b\r\n\r\n"x\r\ny",z\nlast,1');
    expect(grid).toEqual([['a', 'b'], [], ['x\r\ny', 'z'], ['last', '1']]);
  });
});

describe('text encodings of a CSV', () => {
  const gbk = (text: string) => iconv.encode(text, 'gbk');
  const header = gbk('标题,文号\r\n');

  it('refuses a file that is neither UTF-8 nor GB18030, naming the byte offset and line of the first bad byte', async () => {
    const cases: [Buffer, number, number][] = [
      // A lead byte followed by a space: what a cut or mixed GBK file holds.
      [Buffer.concat([header, gbk('关于'), Buffer.from([0x81, 0x20]), gbk(',1\r\n')]), header.length + 4, 2],
      [Buffer.concat([header, gbk('甲,1\r\n乙,'), Buffer.from([0xff]), gbk('\r\n')]), header.length + 9, 3],
      // A four-byte sequence outside GB18030's ranges, and a lead byte at the very end.
      [Buffer.concat([header, Buffer.from([0x84, 0x31, 0xa5, 0x30])]), header.length, 2],
      [Buffer.concat([header, gbk('甲'), Buffer.from([0xb1])]), header.length + 2, 2],
    ];
    for (const [data, offset, line] of cases) {
      const refused = await refusal(readSpreadsheet('收文.csv', data));
      expect(refused).toEqual({ code: 'E_IMPORT_FILE_UNREADABLE', details: { fileName: '收文.csv', reason: 'bad_bytes', offset, line } });
      expect(errorMessage(refused, 'zh-CN')).toContain(`第 ${line} 行`);
      expect(errorMessage(refused, 'en')).toContain(`line ${line}`);
      expect(errorMessage(refused, 'zh-TW')).toContain(`第 ${line} 行`);
    }
  });

  it('refuses a file with a UTF-8 BOM whose text is not UTF-8, at the first bad byte (the BOM counted)', async () => {
    const data = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('标题\n'), Buffer.from([0xe6, 0x41])]);
    expect(await refusal(readSpreadsheet('x.csv', data))).toMatchObject({
      code: 'E_IMPORT_FILE_UNREADABLE',
      details: { reason: 'bad_bytes', offset: 10, line: 2 },
    });
  });

  it('reads GB18030 four-byte characters and the euro byte', async () => {
    const text = '𠀀,€,·,鿿\r\n';
    const file = await readSpreadsheet('x.csv', iconv.encode(text, 'gb18030'));
    expect(file.encoding).toBe('gb18030');
    expect(file.sheets[0]!.rows).toEqual([['𠀀', '€', '·', '鿿']]);
  });

  it('finds a bad byte exactly where the strict WHATWG GB18030 decoder refuses (random bytes)', () => {
    let seed = 14;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const strict = new TextDecoder('gb18030', { fatal: true });
    for (let i = 0; i < 5000; i += 1) {
      const bytes = Buffer.from(
        Array.from({ length: 1 + Math.floor(random() * 6) }, () => (random() < 0.3 ? 0x30 + Math.floor(random() * 10) : Math.floor(random() * 256))),
      );
      let valid = true;
      try {
        strict.decode(bytes);
      } catch {
        valid = false;
      }
      expect({ bytes: [...bytes], valid: firstBadGb18030Byte(bytes) === null }).toEqual({ bytes: [...bytes], valid });
    }
  });
});

describe('normalising cells', () => {
  it('reads dates as Excel serials, Date cells and the text forms people type; refuses days that do not exist', () => {
    for (const v of [
      46086,
      '46086',
      new Date(Date.UTC(2026, 2, 5)),
      '2026年3月5日',
      '2026年03月05日',
      '2026.3.5',
      '2026-03-05',
      '2026/3/5',
      '２０２６－０３－０５',
      '2026-03-05 00:00:00',
      ' 2026.3.5 ',
      '20260305',
    ]) {
      expect({ v, d: parseDate(v) }).toEqual({ v, d: '2026-03-05' });
    }
    for (const v of ['2026-02-30', '2026.13.1', '3月5日', '去年', 12, '']) expect({ v, d: parseDate(v) }).toEqual({ v, d: null });
  });

  it('turns full-width digits, letters and spaces into ASCII and trims trailing spaces', () => {
    expect(halfWidth('ＢＭ－００１　')).toBe('BM-001');
    expect(cellText('鲁发〔２０２６〕３号  ')).toBe('鲁发〔2026〕3号');
    expect(cellText('ＡＢ１２　３')).toBe('AB12 3');
    expect(parseCount('３份')).toBe(3);
    expect(parseCount('三')).toBeNull();
    expect(parseCopyNos('０００１－０００３')).toEqual({ first: 1, count: 3 });
    expect(parseCopyNos('第5号')).toEqual({ first: 5, count: 1 });
    expect(parseCopyNos('3-1')).toBeNull();
  });

  it('names columns as Excel does', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
