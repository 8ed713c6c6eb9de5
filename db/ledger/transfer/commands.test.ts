// Import through the commands every host calls: real encrypted ledgers, files written by exceljs / iconv-lite.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { LedgerErrorShape } from '../../errors';
import { ledgerCodePrefix } from '../../domain/item-codes';
import { readKeyFile } from '../../store/keyring';
import { buildSheet } from '../sheets';
import { label } from '../sheets/labels';
import type { ImportIssue, ImportReport } from './import';
import { cellText } from './normalize';
import { readSpreadsheet } from './read';
import { csvOf, documentRow, documentSheet, DOCUMENT_HEADER, xlsxOf, type FixtureCell } from './fixture';
import { addUser, auditRows, dataSnapshot, login, makeLedger, ok, okAsync, refusedAsync, withRaw, type SetUpLedger } from '../../testing';
import type { ComputerView, DocumentDetail, DocumentListItem } from '../../views';

const prefixOf = (t: SetUpLedger) => ledgerCodePrefix(readKeyFile(t.keyPath).ledgerId);

function ledger(): SetUpLedger {
  const t = makeLedger();
  ok(t.service, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' });
  return t;
}

const b64 = (data: Buffer) => data.toString('base64');
const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const defaults = { location: 'BMG-01' };

function listDocs(t: SetUpLedger): DocumentListItem[] {
  return ok<{ rows: DocumentListItem[] }>(t.service, 'documents.list', { sort: 'receiptNo', order: 'asc', limit: 500 }).rows;
}

const brief = (issues: ImportIssue[]) => issues.map((i) => ({ row: i.row, column: i.column, reason: i.reason }));

describe('import of the documents register', () => {
  it('reads each quirk of a hand-kept register: merged title, header on row 2, dates in four forms, marking in one or two columns, full-width digits, trailing spaces, blank and subtotal rows', async () => {
    const t = ledger();
    const data = await xlsxOf({
      rows: [
        ['2026年收文登记簿'],
        ['收文日期', '来文机关', '文件字号', '文件标题', '密级', '保密期限', '份数', '份号', '承办人', '知悉范围 ', '状态', '销毁日期'],
        [
          46086,
          '省国家保密局  ',
          '鲁保发〔２０２６〕３号',
          '关于开展保密自查的通知 ',
          '机密★10年',
          null,
          '３',
          '0001-0003',
          '李明',
          '办公室、王芳',
          null,
          null,
        ],
        ['2026年3月6日', '市委办公室', '市委办〔2026〕5号', '会议纪要', '秘密', '5年', 1, '0001', '李明', '办公室', null, null],
        [],
        ['2026.3.7', '省国家保密局', '鲁保发〔2026〕8号', '工作要点', '机密', '长期', 2, '0001-0002', '李明', '办公室', null, null],
        ['2026/3/8', '省委办公厅', '', '内部通报', '内部', null, 1, null, '李明', '办公室', null, null],
        [
          new Date(Date.UTC(2026, 2, 9)),
          '省国家保密局',
          '鲁保发〔2026〕9号',
          '旧文件',
          '秘密★',
          null,
          2,
          '0001-0002',
          '李明',
          '办公室',
          '已销毁',
          '2026-06-01',
        ],
        ['合  计', null, null, null, null, null, 9],
      ],
      merges: ['A1:L1'],
      dateColumns: [1],
    });
    const input = { register: 'documents', fileName: '收文登记簿.xlsx', data: b64(data), defaults };
    const report = await okAsync<ImportReport>(t.service, 'import.dryRun', input);
    expect(report).toMatchObject({
      headerRow: 2,
      rows: 5,
      good: 5,
      bad: 0,
      historical: 1,
      skipped: [
        { row: 5, reason: 'blank' },
        { row: 9, reason: 'subtotal' },
      ],
      issues: [],
    });

    const out = await okAsync(t.service, 'import.apply', input);
    const docs = listDocs(t);
    // The new items' ids in the file's order: their labels print from them (打印导入项目的标签).
    expect(out).toEqual({ imported: 5, historical: 1, skipped: 2, sha256: sha(data), ids: docs.map((d) => d.id) });
    expect(docs.map((d) => [d.registeredAt.slice(0, 10), d.originUnit, d.docNumber, d.title, d.marking, d.issueDate, d.copies, d.copyNos])).toEqual([
      ['2026-03-05', '省国家保密局', '鲁保发〔2026〕3号', '关于开展保密自查的通知', '机密★10年', '2026-03-05', 3, '0001-0003'],
      ['2026-03-06', '市委办公室', '市委办〔2026〕5号', '会议纪要', '秘密★5年', '2026-03-06', 1, '0001'],
      ['2026-03-07', '省国家保密局', '鲁保发〔2026〕8号', '工作要点', '机密★长期', '2026-03-07', 2, '0001-0002'],
      ['2026-03-08', '省委办公厅', '', '内部通报', '内部', '2026-03-08', 1, '0001'],
      ['2026-03-09', '省国家保密局', '鲁保发〔2026〕9号', '旧文件', '秘密★', '2026-03-09', 2, '0001-0002'],
    ]);
    const first = ok<DocumentDetail>(t.service, 'documents.get', { id: docs[0]!.id });
    expect(first.scope).toEqual(['办公室', '王芳']);
    // The 已销毁 row: its copies are destroyed by an event marked as imported, after the receipt.
    const old = ok<DocumentDetail>(t.service, 'documents.get', { id: docs[4]!.id });
    expect(old.counts.destroyed).toBe(2);
    expect(old.events.map((e) => [e.kind, e.at, e.imported])).toEqual([
      ['receive', '2026-03-09', false],
      ['destroy', '2026-06-01', true],
    ]);
  });

  it('reports 7 bad rows among 500 by row, column and reason, writes nothing in the dry run, and refuses the whole apply', async () => {
    const t = ledger();
    const sheet = documentSheet(500);
    const rows = sheet.rows as FixtureCell[][];
    // Data row n is spreadsheet row n + 2 (title on 1, header on 2).
    const spoil = (n: number, col: number, value: FixtureCell) => {
      rows[n + 1]![col] = value;
    };
    spoil(10, 1, '2026-02-30'); // 收文日期 B12: no such day
    spoil(50, 4, null); // 标题 E52: required
    spoil(120, 5, '机密级'); // 密级 F122: not a level
    spoil(200, 3, '鲁保发〔2025〕199号'); // 文号 D202 + 份号: duplicates row 201
    spoil(333, 7, '两份'); // 份数 H335: not a number
    spoil(400, 6, '1.5年'); // 保密期限 → marking 机密★1.5年 (F402): fraction of a year
    spoil(499, 1, '2027-01-01'); // 收文日期 B501: in the future
    const data = await xlsxOf(sheet);
    const input = { register: 'documents', fileName: '2025收文.xlsx', data: b64(data), defaults };
    const before = dataSnapshot(t);
    const audit = auditRows(t);

    const report = await okAsync<ImportReport>(t.service, 'import.dryRun', input);
    expect({ rows: report.rows, good: report.good, bad: report.bad }).toEqual({ rows: 500, good: 493, bad: 7 });
    expect(brief(report.issues)).toEqual([
      { row: 12, column: 'B', reason: 'bad_date' },
      { row: 52, column: 'E', reason: 'required' },
      { row: 122, column: 'F', reason: 'bad_marking' },
      { row: 202, column: 'I', reason: 'duplicate_in_file' },
      { row: 335, column: 'H', reason: 'bad_count' },
      { row: 402, column: 'F', reason: 'bad_marking' },
      { row: 501, column: 'B', reason: 'future_date' },
    ]);
    expect(report.issues.map((i) => [i.header, i.message])).toEqual([
      ['收文日期', '收文日期“2026-02-30”不是有效日期（应如 2026-03-05、2026年3月5日、2026.3.5）'],
      ['标题', '缺少标题'],
      ['密级', '“机密级★10年”没有以密级开头：密级只能是 绝密、机密、秘密 或 内部'],
      ['份号', '与第 201 行重复（鲁保发〔2025〕199号 第0001份）'],
      ['份数', '份数“两份”不是正整数'],
      ['密级', '“机密★1.5年”：保密期限按整年计，不足一年的以“个月”计，如 半年 应写 6个月'],
      ['收文日期', '收文日期“2027-01-01”晚于今天'],
    ]);
    // The dry run wrote nothing, not even an audit entry.
    expect(dataSnapshot(t)).toEqual(before);
    expect(auditRows(t)).toEqual(audit);

    const error = await refusedAsync(t.service, 'import.apply', input);
    expect(error.code).toBe('E_IMPORT_HAS_ERRORS');
    expect(brief((error.details as { issues: ImportIssue[] }).issues)).toEqual(brief(report.issues));
    expect(dataSnapshot(t)).toEqual(before);
    expect(auditRows(t).slice(audit.length)).toMatchObject([{ action: 'import.apply', outcome: 'refused', error_code: 'E_IMPORT_HAS_ERRORS' }]);
  });

  it('imports the corrected file in one transaction with one audit entry naming the file, its SHA-256, the register and the row count', async () => {
    const t = ledger();
    const data = await xlsxOf(documentSheet(40));
    const audit = auditRows(t);
    await okAsync(t.service, 'import.apply', { register: 'documents', fileName: '2025收文.xlsx', data: b64(data), defaults });
    const added = auditRows(t).slice(audit.length);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ action: 'import.apply', outcome: 'ok', target: '2025收文.xlsx' });
    expect(JSON.parse(added[0]!.summary)).toEqual({
      fileName: '2025收文.xlsx',
      sha256: sha(data),
      register: 'documents',
      sheet: 'Sheet1',
      rows: 40,
      historical: 0,
      skipped: 0,
    });
    // The same file again: every copy is already in the ledger.
    const again = await okAsync<ImportReport>(t.service, 'import.dryRun', { register: 'documents', fileName: '2025收文.xlsx', data: b64(data), defaults });
    expect(again.bad).toBe(40);
    expect(again.issues[0]).toMatchObject({ row: 3, column: 'I', reason: 'duplicate_in_ledger', message: '台账中已登记（鲁保发〔2025〕1号 第0001份）' });
  });

  it('imports 5,000 good rows', async () => {
    const t = ledger();
    const data = await xlsxOf(documentSheet(5000));
    expect(await okAsync(t.service, 'import.apply', { register: 'documents', fileName: 'big.xlsx', data: b64(data), defaults })).toMatchObject({
      imported: 5000,
    });
    expect(withRaw(t, (db) => db.prepare('SELECT count(*) AS d, (SELECT count(*) FROM copies) AS c FROM documents').get())).toEqual({ d: 5000, c: 10000 });
  }, 120_000);

  it('imports a GBK CSV as Chinese Excel saves it', async () => {
    const t = ledger();
    const rows = [
      DOCUMENT_HEADER,
      ...[1, 2, 3].map((n) => documentRow(n).map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : (c as string | number | null)))),
    ];
    const data = csvOf(rows, 'gbk');
    const view = await okAsync<{ encoding: string; headerRow: number; dataRows: number }>(t.service, 'import.inspect', {
      register: 'documents',
      fileName: '收文.csv',
      data: b64(data),
    });
    expect(view).toMatchObject({ encoding: 'gb18030', headerRow: 1, dataRows: 3 });
    await okAsync(t.service, 'import.apply', { register: 'documents', fileName: '收文.csv', data: b64(data), defaults });
    expect(listDocs(t).map((d) => d.title)).toEqual(['关于第1项保密工作的通知', '关于第2项保密工作的通知', '关于第3项保密工作的通知']);
  });

  it('refuses what it cannot read with its own code, and the auditor may not import', async () => {
    const t = ledger();
    const unreadable = await refusedAsync(t.service, 'import.dryRun', { register: 'documents', fileName: 'x.xlsx', data: b64(Buffer.from('PK broken')) });
    expect(unreadable.code).toBe('E_IMPORT_FILE_UNREADABLE');
    expect((await refusedAsync(t.service, 'import.inspect', { register: 'documents', fileName: 'x.csv', data: '@@@' })).code).toBe('E_IMPORT_FILE_UNREADABLE');
    expect(
      (await refusedAsync(t.service, 'import.dryRun', { register: 'documents', fileName: 'x.xlsx', data: b64(await xlsxOf({ rows: [['只有一行']] })) })).code,
    ).toBe('E_IMPORT_NO_DATA');
    expect(
      (await refusedAsync(t.service, 'import.dryRun', { register: 'documents', fileName: 'x.xlsx', sheet: '没有', data: b64(await xlsxOf(documentSheet(1))) }))
        .code,
    ).toBe('E_IMPORT_NO_SHEET');
    // The synchronous path cannot run a file command.
    expect(t.service.invoke('import.inspect', { register: 'documents', fileName: 'x.csv', data: '' })).toMatchObject({
      ok: false,
      error: { code: 'E_INTERNAL' },
    });
    addUser(t, { username: 'auditor1', roles: ['auditor'], password: 'Auditor2026pass' });
    login(t.service, 'auditor1', 'Auditor2026pass');
    const forbidden: LedgerErrorShape = await refusedAsync(t.service, 'import.apply', {
      register: 'documents',
      fileName: 'a.xlsx',
      data: b64(await xlsxOf(documentSheet(1))),
    });
    expect(forbidden.code).toBe('E_FORBIDDEN');
  });
});

describe('import of the device registers', () => {
  const HEADER = [
    '编号',
    '名称',
    '品牌型号',
    '序列号',
    '硬盘序列号',
    'MAC',
    '操作系统',
    '密级',
    '联网类型',
    '用途',
    '使用部门',
    '责任人',
    '放置地点',
    '启用日期',
    '状态',
    '报废日期',
  ];
  const pc = (n: number, over: Partial<Record<number, FixtureCell>> = {}): FixtureCell[] => {
    const row: FixtureCell[] = [
      `BM-JSJ-${n}`,
      `办公计算机${n}`,
      '联想 启天',
      `PC-SN-${n}`,
      `DISK-${n}`,
      '00-1a-2b-3c-4d-5e',
      'Windows 10',
      '机密',
      '单机',
      '文字处理',
      '办公室',
      '李明',
      '保密室',
      '2025-01-05',
      '在用',
      null,
    ];
    for (const [k, v] of Object.entries(over)) row[Number(k)] = v ?? null;
    return row;
  };

  it('checks the device rules row by row: network, register, duplicates in the file and in the ledger; 报废 rows become imported history', async () => {
    const t = ledger();
    ok(t.service, 'computers.register', {
      code: 'BM-OLD',
      name: '旧机',
      model: 'm',
      serial: 'PC-SN-OLD',
      os: 'os',
      level: 'secret',
      network: 'standalone',
      purpose: 'p',
      department: 'd',
      responsible: 'r',
      location: 'l',
      enabledAt: '2024-01-01',
    });
    const data = await xlsxOf({
      rows: [
        HEADER,
        pc(1),
        pc(2, { 8: '互联网' }),
        pc(3, { 7: '非涉密' }),
        pc(4, { 3: 'PC-SN-1' }),
        pc(5, { 3: 'pc-sn-old' }),
        pc(6, { 14: '已报废', 15: '2026年6月1日' }),
        pc(7, { 14: '报废' }),
        pc(8, { 8: '电话线' }),
      ],
    });
    const input = { register: 'secret-computers', fileName: '涉密计算机.xlsx', data: b64(data) };
    const report = await okAsync<ImportReport>(t.service, 'import.dryRun', input);
    expect(brief(report.issues)).toEqual([
      { row: 3, column: 'I', reason: 'network_forbidden' },
      { row: 4, column: 'H', reason: 'wrong_register' },
      { row: 5, column: 'D', reason: 'duplicate_in_file' },
      { row: 6, column: 'D', reason: 'duplicate_in_ledger' },
      { row: 8, column: 'P', reason: 'history_needs_date' },
      { row: 9, column: 'I', reason: 'unknown_value' },
    ]);
    expect(report.issues.map((i) => i.message).slice(0, 5)).toEqual([
      '机密计算机只能单机使用或接入涉密内网，不得接入互联网',
      '密级“非涉密”不属于涉密计算机登记备案表',
      '与第 2 行重复（序列号 PC-SN-1）',
      '台账中已登记（pc-sn-old）',
      '状态为“报废”，需填写清退、销毁或报废日期',
    ]);
    expect(report.issues[5]!.message).toMatch(/^联网类型“电话线”不是可选值（单机、.*涉密内网、.*电子政务外网、.*互联网/);
    const fixed = await xlsxOf({ rows: [HEADER, pc(1), pc(6, { 14: '已报废', 15: '2026年6月1日' })] });
    const applied = await okAsync<{ ids: number[] }>(t.service, 'import.apply', { ...input, data: b64(fixed) });
    const list = ok<{ rows: ComputerView[] }>(t.service, 'computers.list', { classified: true }).rows;
    expect(applied.ids).toEqual([list[0]!.id, list[1]!.id]);
    expect(list.map((c) => [c.code, c.status, c.mac])).toEqual([
      ['BM-JSJ-1', 'in_use', '00-1A-2B-3C-4D-5E'],
      ['BM-JSJ-6', 'scrapped', '00-1A-2B-3C-4D-5E'],
      ['BM-OLD', 'in_use', null],
    ]);
    const scrapped = ok<{ history: { kind: string; at: string; imported: boolean }[] }>(t.service, 'computers.get', { id: list[1]!.id });
    expect(scrapped.history.map((e) => [e.kind, e.at, e.imported])).toEqual([
      ['enable', '2025-01-05', false],
      ['scrap', '2026-06-01', true],
    ]);
  });

  it('imports plain media, and refuses a classified medium in the plain register', async () => {
    const t = ledger();
    const header = ['编号', '类型', '品牌型号', '序列号', '容量', '密级', '责任人', '部门', '使用范围', '启用日期'];
    const data = await xlsxOf({
      rows: [
        header,
        ['FM-U-1', 'U盘', '朗科', 'U-1', '32GB', '非涉密', '李明', '办公室', '办公室', '2025-02-01'],
        ['FM-U-2', '光盘', '索尼', 'U-2', '4.7GB', '秘密', '李明', '办公室', '办公室', '2025-02-01'],
      ],
    });
    const report = await okAsync<ImportReport>(t.service, 'import.dryRun', { register: 'plain-media', fileName: 'm.xlsx', data: b64(data) });
    expect(brief(report.issues)).toEqual([{ row: 3, column: 'F', reason: 'wrong_register' }]);
    expect(report.good).toBe(1);
  });
});

describe('export', () => {
  interface Exported {
    fileName: string;
    data: string;
    rows: number;
    marking: string;
  }

  async function seeded(): Promise<SetUpLedger> {
    const t = ledger();
    const sheet = documentSheet(6);
    (sheet.rows as FixtureCell[][])[3]![4] = '关于"保密", 工作的通知';
    await okAsync(t.service, 'import.apply', {
      register: 'documents',
      fileName: 'a.xlsx',
      data: b64(await xlsxOf(sheet)),
      defaults: { ...defaults, scope: '办公室' },
    });
    ok(t.service, 'computers.register', {
      code: 'BM-1',
      name: '办公机',
      model: '联想',
      serial: 'SN-1',
      diskSerial: 'D-1',
      mac: '00-1A-2B-3C-4D-5E',
      os: '银河麒麟 V10',
      osInstalledAt: '2025-03-01',
      level: 'secret',
      network: 'classified_intranet',
      purpose: '文字处理',
      department: '办公室',
      responsible: '李明',
      location: '保密室',
      enabledAt: '2025-04-01',
      // The security fields go out and come back (BM-2 has none recorded: 未记录 both ways).
      monitoring: true,
      threeInOne: false,
      securityProducts: [
        { name: '三合一', version: 'V3.2' },
        { name: '奇安信天擎', version: '10.0' },
      ],
    });
    ok(t.service, 'computers.register', {
      code: 'BM-2',
      name: '绘图机',
      model: '华为',
      serial: 'SN-2',
      os: 'UOS',
      level: 'confidential',
      network: 'standalone',
      purpose: '制图',
      department: '规划处',
      responsible: '王芳',
      location: '二楼',
      enabledAt: '2025-05-01',
    });
    ok(t.service, 'media.register', {
      code: 'U-1',
      type: 'usb',
      model: '朗科',
      serial: 'USB-1',
      capacity: '32GB',
      level: 'secret',
      responsible: '李明',
      department: '办公室',
      usageScope: '办公室',
      enabledAt: '2025-02-01',
      remarks: '备用',
    });
    ok(t.service, 'media.register', {
      code: 'U-2',
      type: 'disc',
      model: '索尼',
      serial: 'CD-1',
      capacity: '700MB',
      level: 'confidential',
      responsible: '王芳',
      department: '规划处',
      usageScope: '规划处',
      enabledAt: '2025-02-03',
    });
    return t;
  }

  it('writes the printout’s sheet to .xlsx: the marking first, the title, the header, the rows; an audit entry each', async () => {
    const t = await seeded();
    const audit = auditRows(t);
    const out = await okAsync<Exported>(t.service, 'export.register', { register: 'documents', filters: { levels: ['secret'], order: 'asc' }, format: 'xlsx' });
    const sheet = withRaw(t, (db) => buildSheet(db, 'documents', { levels: ['secret'], order: 'asc' }, 'zh-CN', { now: t.clock.now, codePrefix: prefixOf(t) }));
    expect(out).toMatchObject({ fileName: '涉密文件登记台账-2026-11-25.xlsx', rows: 4, marking: '机密' });
    const grid = (await readSpreadsheet(out.fileName, Buffer.from(out.data, 'base64'))).sheets[0]!.rows.map((r) => r.map(cellText));
    expect(grid[0]).toEqual(['机密']);
    expect(grid[1]![0]).toBe('涉密文件登记台账');
    // The printout's columns, then the export's 标签编码: the codes of each item's copies still held.
    expect(grid[2]).toEqual(sheet.columns.map((c) => c.label));
    expect(grid[2]!.at(-1)).toBe('标签编码');
    const first = ok<DocumentDetail>(t.service, 'documents.get', { id: listDocs(t).find((d) => d.receiptNo === grid[3]![0])!.id });
    expect(grid[3]!.at(-1)).toBe(
      first.copyList
        .filter((c) => c.status === 'in_custody' || c.status === 'on_loan')
        .map((c) => c.labelCode)
        .join('、'),
    );
    expect(grid.slice(3).map((r) => sheet.columns.map((_, i) => r[i] ?? ''))).toEqual(sheet.rows);
    const added = auditRows(t).slice(audit.length);
    expect(added).toMatchObject([{ action: 'export.register', outcome: 'ok', target: 'documents' }]);
    expect(JSON.parse(added[0]!.summary)).toMatchObject({
      register: 'documents',
      filters: { levels: ['secret'], order: 'asc' },
      rows: 4,
      format: 'xlsx',
      marking: '机密',
    });
  });

  it('writes CSV that Excel opens: UTF-8 with BOM, CRLF, quoted fields, the marking on the first line; the auditor may export', async () => {
    const t = await seeded();
    addUser(t, { username: 'auditor1', roles: ['auditor'], password: 'Auditor2026pass' });
    login(t.service, 'auditor1', 'Auditor2026pass');
    const out = await okAsync<Exported>(t.service, 'export.register', { register: 'documents', filters: { order: 'asc' }, format: 'csv' });
    const text = Buffer.from(out.data, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF机密\r\n收文编号,登记日期,来文单位,文号,标题,密级及保密期限,份数,份号,状态,应清退日期,标签编码\r\n')).toBe(true);
    expect(text).toContain(',"关于""保密"", 工作的通知",');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(2 + 6 + 1);
    expect(auditRows(t).at(-1)).toMatchObject({ actor: 'auditor1', action: 'export.register', outcome: 'ok' });
    expect((await refusedAsync(t.service, 'export.register', { register: 'documents', filters: { levels: ['unknown'] } })).code).toBe('E_VALIDATION');
  });

  it('export → import gives the same register (the sheets compared row by row), in each language and format', async () => {
    const from = await seeded();
    const registers = [
      { register: 'documents', filters: { order: 'asc' } },
      { register: 'secret-computers', filters: {} },
      { register: 'secret-media', filters: {} },
    ] as const;
    for (const [language, format] of [
      ['zh-CN', 'xlsx'],
      ['zh-TW', 'csv'],
      ['en', 'xlsx'],
    ] as const) {
      const to = ledger();
      for (const { register, filters } of registers) {
        const out = await okAsync<Exported>(from.service, 'export.register', { register, filters, format, language });
        // The export's 标签编码 are this ledger's codes: a re-import reads the column as no field (the new rows get their own).
        const view = await okAsync<{ columns: { index: number; header: string }[]; mapping: Record<string, number> }>(to.service, 'import.inspect', {
          register,
          fileName: out.fileName,
          data: out.data,
        });
        const codes = view.columns.find((c) => c.header === label('labelCode', language));
        expect(codes, `${register} ${language}`).toBeDefined();
        expect(Object.values(view.mapping)).not.toContain(codes!.index);
        await okAsync(to.service, 'import.apply', { register, fileName: out.fileName, data: out.data, defaults: { ...defaults, scope: '办公室' } });
        const sheetOf = (t: SetUpLedger) => withRaw(t, (db) => buildSheet(db, register, filters, language, { now: t.clock.now }));
        expect({ language, format, register, rows: sheetOf(to).rows }).toEqual({ language, format, register, rows: sheetOf(from).rows });
      }
    }
  }, 60_000);
});
