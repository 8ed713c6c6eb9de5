// Printing through service.invoke on real ledgers: the forms list exactly what their batch or item recorded,
// print.prepare writes nothing, print.record makes exactly one audit entry, and only readers of the registers print.
import { describe, expect, it } from 'vitest';
import { addUser, ADMIN, auditRows, dataSnapshot, login, makeLedger, ok, refused, UNIT_NAME } from '../../testing';
import type { LabelsPayload, PrintPayload, PrintRequest } from './commands';
import { spotApproval } from '../approvals/fixture';

const RECEIVE = (locationId: number, over: Record<string, unknown> = {}) => ({
  docNumber: '鲁X发〔2026〕3号',
  title: '关于加强网络失泄密防范工作的通知',
  originUnit: '山东省XX厅办公室',
  marking: '机密★10年',
  issueDate: '2026-11-02',
  scope: ['办公室'],
  copies: 3,
  locationId,
  signedBy: '李明',
  receivedAt: '2026-11-20',
  ...over,
});

function ledger() {
  const t = makeLedger();
  const cab = ok<{ id: number }>(t.service, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' }).id;
  const notice = ok<{ id: number }>(t.service, 'documents.receive', RECEIVE(cab, { mustReturn: true, returnBy: '2026-12-31' })).id;
  const minutes = ok<{ id: number }>(
    t.service,
    'documents.receive',
    RECEIVE(cab, { docNumber: '办〔2026〕5号', title: '会议纪要', marking: '秘密★5年', copies: 2 }),
  ).id;
  const prepare = (request: PrintRequest) => ok<PrintPayload>(t.service, 'print.prepare', { request });
  return { t, cab, notice, minutes, prepare };
}

describe('the forms of the batches', () => {
  it('the 清退单 lists exactly the batch’s copies with their 份号, and the signature lines of the form', () => {
    const { t, notice, minutes, prepare } = ledger();
    const { batchNo } = ok<{ batchNo: string }>(t.service, 'documents.returnToIssuer', {
      items: [{ documentId: notice, copyNos: [1, 2] }],
      toUnit: '山东省XX厅办公室',
      returner: '李明',
      receiver: '赵强',
      at: '2026-11-25',
    });
    // Another return of another item: not on this slip.
    ok(t.service, 'documents.returnToIssuer', {
      items: [{ documentId: minutes, copyNos: [1] }],
      toUnit: '其他单位',
      returner: '李明',
      receiver: '钱五',
      at: '2026-11-25',
    });
    expect(batchNo).toBe('QT-2026-001');
    const { document, meta } = prepare({ kind: 'return-slip', batchNo });
    expect(document).toEqual({
      kind: 'return-slip',
      sheet: null,
      orientation: 'portrait',
      title: '涉密载体清退单',
      number: 'QT-2026-001',
      unitName: UNIT_NAME,
      fields: [
        { label: '清退单位', value: UNIT_NAME },
        { label: '接收单位', value: '山东省XX厅办公室' },
        { label: '清退日期', value: '2026年11月25日' },
      ],
      columns: expect.any(Array),
      rows: [['1', '鲁X发〔2026〕3号', '关于加强网络失泄密防范工作的通知', '机密', '0001-0002', '2', '']],
      totalText: '合计：1 种 2 份',
      signatures: [
        { label: '清退人', names: '李明' },
        { label: '接收人', names: '赵强' },
      ],
      highestLevel: 'secret',
      markingText: '机密',
    });
    expect(document.columns.map((c) => c.label)).toEqual(['序号', '文号', '标题', '密级', '份号', '份数', '备注']);
    expect(meta).toMatchObject({
      printedBy: { displayName: ADMIN.displayName, username: ADMIN.username },
      auditHead: { seq: auditRows(t).at(-1)!.seq, shortHash: auditRows(t).at(-1)!.hash.slice(0, 6) },
    });
  });

  it('the 销毁清单, the hand-over list and the inventory report carry their people and their copies', () => {
    const { t, minutes, notice, prepare } = ledger();
    const destroyed = ok<{ batchNo: string }>(t.service, 'documents.destroy', {
      items: [{ documentId: minutes, copyNos: [2] }],
      approval: spotApproval(t),
      method: 'shredder',
      place: '保密室',
      destroyers: ['李明'],
      witnesses: ['王芳', '赵强'],
      at: '2026-11-25',
    }).batchNo;
    const list = prepare({ kind: 'destruction-list', batchNo: destroyed }).document;
    expect(list).toMatchObject({ title: '涉密载体销毁清单', number: 'XH-2026-001', markingText: '秘密', totalText: '合计：1 种 1 份' });
    expect(list.rows).toEqual([['1', '2026-0002', '办〔2026〕5号', '会议纪要', '秘密', '0002', '1', '']]);
    expect(list.signatures).toEqual([
      { label: '销毁人', names: '李明' },
      { label: '监销人', names: '王芳、赵强' },
      { label: '批准人', names: '陈主任' },
    ]);
    expect(list.fields).toContainEqual({ label: '销毁方式', value: '符合保密标准的碎纸机' });

    ok(t.service, 'documents.lend', { documentId: notice, copyNos: [3], borrower: { name: '办公室' }, dueAt: '2026-12-10', at: '2026-11-24' });
    const inventory = ok<{ batchNo: string }>(t.service, 'documents.inventory', {
      missing: [{ documentId: notice, copyNos: [2] }],
      checkedBy: ['李明', '王芳'],
      at: '2026-11-25',
    }).batchNo;
    const report = prepare({ kind: 'inventory-report', batchNo: inventory, language: 'en' }).document;
    expect(report).toMatchObject({
      title: 'Inventory report of classified carriers 2026',
      totalText: 'Total: 2 items; 2 copies present, 1 on loan, 1 missing',
      signatures: [
        { label: 'Checked by', names: '李明' },
        { label: 'Checked by', names: '王芳' },
      ],
    });
    // A copy out on loan at the inventory is shown as on loan, with its borrower, not as present.
    expect(report.columns.map((c) => c.label)).toEqual(['No.', 'Receipt no.', 'Doc. no.', 'Title', 'Level', 'Present', 'On loan', 'Missing']);
    expect(report.rows.map((r) => [r[1], r[5], r[6], r[7]])).toEqual([
      ['2026-0001', '0001', '0003 办公室', '0002'],
      ['2026-0002', '0001', '', ''],
    ]);

    const handover = ok<{ batchNo: string }>(t.service, 'documents.handover', { from: '李明', to: '王芳', supervisor: '陈主任', at: '2026-11-25' }).batchNo;
    const hand = prepare({ kind: 'handover-list', batchNo: handover, language: 'zh-TW' }).document;
    expect(hand).toMatchObject({ title: '涉密載體移交清單', number: 'YJ-2026-001', totalText: '合計：2 種 3 份' });
    // Handed over: the copies in the cabinet, and those out on loan named with their borrower.
    expect(hand.columns.map((c) => c.label)).toEqual(['序號', '收文編號', '文號', '標題', '密級', '在管份號', '借出份號', '份數']);
    expect(hand.rows.map((r) => [r[1], r[5], r[6], r[7]])).toEqual([
      ['2026-0001', '0001', '0003 办公室', '2'],
      ['2026-0002', '0001', '', '1'],
    ]);
    expect(hand.signatures.map((s) => s.label)).toEqual(['交出人', '接收人', '監交人']);
  });

  it('an unknown batch number, or one of another kind of batch, is E_NO_SUCH_BATCH', () => {
    const { t, minutes, prepare } = ledger();
    const { batchNo } = ok<{ batchNo: string }>(t.service, 'documents.returnToIssuer', {
      items: [{ documentId: minutes, copyNos: [1] }],
      toUnit: '其他单位',
      returner: '李明',
      receiver: '钱五',
      at: '2026-11-25',
    });
    expect(prepare({ kind: 'return-slip', batchNo }).document.rows).toHaveLength(1);
    expect(refused(t.service, 'print.prepare', { request: { kind: 'destruction-list', batchNo } })).toMatchObject({
      code: 'E_NO_SUCH_BATCH',
      details: { batchNo, kind: 'destruction-list' },
    });
    expect(refused(t.service, 'print.prepare', { request: { kind: 'return-slip', batchNo: 'QT-2026-099' } }).code).toBe('E_NO_SUCH_BATCH');
    expect(refused(t.service, 'print.prepare', { request: { kind: 'history', documentId: 999 } }).code).toBe('E_NO_SUCH_DOCUMENT');
    expect(refused(t.service, 'print.prepare', { request: { kind: 'sheet', name: 'nothing' } }).code).toBe('E_VALIDATION');
    expect(refused(t.service, 'print.prepare', { request: { kind: 'sheet', name: 'documents', filters: { levels: ['x'] } } }).code).toBe('E_VALIDATION');
  });
});

describe('one item’s history', () => {
  it('lists every event of the item in order, with its copies and people', () => {
    const { t, notice, prepare } = ledger();
    ok(t.service, 'documents.lend', {
      documentId: notice,
      copyNos: [1],
      borrower: { name: '王芳', department: '办公室' },
      dueAt: '2026-12-10',
      at: '2026-11-21',
    });
    ok(t.service, 'documents.returnLoan', { documentId: notice, copyNos: [1], condition: 'damaged', receivedBy: '李明', at: '2026-11-22' });
    const h = prepare({ kind: 'history', documentId: notice }).document;
    expect(h).toMatchObject({ kind: 'history', title: '涉密载体流转记录', number: '2026-0001', orientation: 'landscape', markingText: '机密' });
    expect(h.fields).toContainEqual({ label: '份号', value: '0001-0003 在柜' });
    expect(h.rows.map((r) => [r[1], r[2], r[3], r[4]])).toEqual([
      ['2026-11-20', '收文', '0001-0003', '山东省XX厅办公室'],
      ['2026-11-21', '借阅', '0001', '王芳'],
      ['2026-11-22', '归还', '0001', '王芳'],
    ]);
    expect(h.rows[2]![6]).toContain('归还状况 损坏');
  });
});

describe('print.prepare and print.record', () => {
  it('preparing writes nothing; recording the prepared print makes exactly one audit entry, its rows from the backend', () => {
    const { t, prepare } = ledger();
    const before = { data: dataSnapshot(t), audit: auditRows(t) };
    const request: PrintRequest = { kind: 'sheet', name: 'documents', filters: { levels: ['secret'] } };
    const { document, meta } = prepare(request);
    expect(document).toMatchObject({
      title: '涉密文件登记台账',
      fields: [{ label: '筛选条件', value: '密级：机密' }],
      totalText: '共 1 条',
      orientation: 'landscape',
    });
    expect(meta.printId).toMatch(/^[0-9a-f-]{36}$/);
    expect(auditRows(t)).toEqual(before.audit);

    ok(t.service, 'print.record', { printId: meta.printId, pages: 1, copies: 2, destination: 'printer', printer: 'HP LaserJet' });
    expect(dataSnapshot(t)).toEqual(before.data);
    const added = auditRows(t).slice(before.audit.length);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ actor: ADMIN.username, kind: 'print', action: 'print.record', target: '涉密文件登记台账', outcome: 'ok' });
    expect(JSON.parse(added[0]!.summary)).toEqual({
      what: 'sheet',
      title: '涉密文件登记台账',
      request: { kind: 'sheet', name: 'documents', filters: { levels: ['secret'] }, language: 'zh-CN' },
      rows: 1,
      auditSeq: meta.auditHead.seq,
      copies: 2,
      destination: 'printer',
      // What only the host knows: the pages it counted and the printer it used.
      reported: { pages: 1, printer: 'HP LaserJet' },
    });
  });

  it('refuses invented figures: a print never prepared, one recorded twice, rows or a head from the caller, pages the rows cannot fill', () => {
    const { t, prepare } = ledger();
    const { meta } = prepare({ kind: 'sheet', name: 'documents' }); // 5 rows
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(refused(t.service, 'print.record', { printId: unknown, pages: 1, destination: 'pdf' })).toMatchObject({
      code: 'E_NO_SUCH_PRINT',
      details: { printId: unknown },
    });
    for (const extra of [{ rows: 9999 }, { title: 'x' }, { auditSeq: 1 }]) {
      expect(refused(t.service, 'print.record', { printId: meta.printId, pages: 1, destination: 'pdf', ...extra }).code).toBe('E_VALIDATION');
    }
    expect(refused(t.service, 'print.record', { printId: meta.printId, pages: 777, destination: 'pdf' })).toMatchObject({
      code: 'E_VALIDATION',
      details: { field: 'pages' },
    });
    expect(refused(t.service, 'print.record', { printId: meta.printId, pages: 0, destination: 'pdf' }).code).toBe('E_VALIDATION');
    ok(t.service, 'print.record', { printId: meta.printId, pages: 1, destination: 'pdf' });
    expect(refused(t.service, 'print.record', { printId: meta.printId, pages: 1, destination: 'pdf' }).code).toBe('E_NO_SUCH_PRINT');
  });

  it('a printer job stopped part way is recorded with the pages already sent and the reason the printer gave', () => {
    const { t, prepare } = ledger();
    const { meta } = prepare({ kind: 'sheet', name: 'documents' });
    const before = auditRows(t).length;
    // The first chunk of a long printout reached the printer, the second failed: that paper exists.
    ok(t.service, 'print.record', { printId: meta.printId, pages: 1, copies: 1, destination: 'printer', printer: 'HP LaserJet', interrupted: '缺纸' });
    const [entry] = auditRows(t).slice(before);
    expect(JSON.parse(entry!.summary).reported).toEqual({ pages: 1, printer: 'HP LaserJet', interrupted: '缺纸' });
    expect(refused(t.service, 'print.record', { printId: meta.printId, pages: 1, destination: 'pdf', interrupted: 'x' }).code).toBe('E_NO_SUCH_PRINT');
    // Stopped in the second of three copies: every sheet sent counts (a first copy whole and part of the second),
    // but never more than the copies asked for could fill.
    const copies = prepare({ kind: 'sheet', name: 'documents' }).meta;
    const sheet = (pages: number) => ({ printId: copies.printId, pages, copies: 3, destination: 'printer', interrupted: '卡纸' });
    const rows = 5; // the ledger's 5 items, a page at most each and one more
    expect(refused(t.service, 'print.record', sheet(3 * (rows + 1) + 1))).toMatchObject({ code: 'E_VALIDATION', details: { field: 'pages' } });
    ok(t.service, 'print.record', sheet(rows + 2));
    expect(JSON.parse(auditRows(t).at(-1)!.summary)).toMatchObject({ copies: 3, reported: { pages: rows + 2, interrupted: '卡纸' } });
    const again = prepare({ kind: 'sheet', name: 'documents' }).meta;
    // A PDF is written whole or not at all: only a printer job stops part way.
    expect(refused(t.service, 'print.record', { printId: again.printId, pages: 1, destination: 'pdf', interrupted: 'x' }).code).toBe('E_VALIDATION');
  });

  it('a label print is one audit entry naming how many labels and their codes; its pages are checked against the labels', () => {
    const { t, notice, prepare } = ledger();
    const request: PrintRequest = { kind: 'labels', items: { copies: [{ documentId: notice }] }, layout: { kind: 'single', widthMm: 60, heightMm: 40 } };
    const { document, meta } = prepare(request) as unknown as LabelsPayload;
    const codes = document.labels.map((l) => l.code);
    expect(codes).toHaveLength(3);
    const before = auditRows(t);
    // One label a page on a label printer: 3 labels are at most 4 pages (as a register's rows and its frame).
    expect(refused(t.service, 'print.record', { printId: meta.printId, pages: 5, destination: 'printer' })).toMatchObject({
      code: 'E_VALIDATION',
      details: { field: 'pages' },
    });
    ok(t.service, 'print.record', { printId: meta.printId, pages: 3, destination: 'printer', printer: '得力 DL-888T' });
    const added = auditRows(t)
      .slice(before.length)
      .filter((r) => r.outcome === 'ok');
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ kind: 'print', action: 'print.record', target: '标签' });
    expect(JSON.parse(added[0]!.summary)).toEqual({
      what: 'labels',
      title: '标签',
      request: { ...request, language: 'zh-CN' },
      rows: 3,
      auditSeq: meta.auditHead.seq,
      count: 3,
      codes,
      copies: 1,
      destination: 'printer',
      reported: { pages: 3, printer: '得力 DL-888T' },
    });
  });

  it('a print is recorded by whoever prepared it', () => {
    const { t, prepare } = ledger();
    addUser(t, { username: 'auditor1', roles: ['auditor'], password: 'Auditor2026pass' });
    const { meta } = prepare({ kind: 'sheet', name: 'documents' });
    login(t.service, 'auditor1', 'Auditor2026pass');
    expect(refused(t.service, 'print.record', { printId: meta.printId, pages: 1, destination: 'pdf' }).code).toBe('E_NO_SUCH_PRINT');
  });

  it('custodians, approvers and auditors print; an administrator alone does not', () => {
    const { t } = ledger();
    addUser(t, { username: 'auditor1', roles: ['auditor'], password: 'Auditor2026pass' });
    addUser(t, { username: 'admin2', roles: ['admin'], password: 'Admin2026pass2' });
    const request = { kind: 'sheet', name: 'documents' };
    login(t.service, 'auditor1', 'Auditor2026pass');
    expect(ok<PrintPayload>(t.service, 'print.prepare', { request }).meta.printedBy).toEqual({ displayName: 'auditor1', username: 'auditor1' });
    login(t.service, 'admin2', 'Admin2026pass2');
    expect(refused(t.service, 'print.prepare', { request }).code).toBe('E_FORBIDDEN');
    expect(refused(t.service, 'print.record', { printId: '00000000-0000-4000-8000-000000000000', pages: 1, destination: 'pdf' }).code).toBe('E_FORBIDDEN');
  });
});
