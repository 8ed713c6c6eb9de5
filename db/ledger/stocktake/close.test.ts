// 清查 by cabinet, the close and what it leaves (issue 16): inventory events per copy in the batch of the stocktake's
// number, missing copies on the missing reminder, the 清查报告 per cabinet whose counts are the tallies, the devices
// part with device events, and the cadence reminder per cabinet.
import { describe, expect, it } from 'vitest';
import { auditRows, ok, withRaw } from '../../testing';
import type { PrintPayload } from '../print/commands';
import { stocktakeLedger, tallyOf, type StocktakeLedger } from './fixture';

const DAY = 86_400_000;

/** 一号柜: copy 1 present, 2 missing, 3 found in 二号柜 (misplaced, flagged); 二号柜: both 秘密 copies present, 1 lent. */
function counted(l: StocktakeLedger) {
  ok(l.t.service, 'documents.lend', { documentId: l.minor, copyNos: [2], borrower: { name: '王芳' }, dueAt: '2026-12-20' });
  const st = l.start({ cabinetIds: [l.a, l.b] });
  l.scan(st.id, l.a, l.code(l.secret, 1));
  l.scan(st.id, l.b, l.code(l.minor, 1));
  l.scan(st.id, l.b, l.code(l.secret, 3));
  ok(l.t.service, 'stocktake.resolveMisplaced', { id: st.id, copyId: l.copy(l.secret, 3).id, cabinetId: l.b, action: 'flag' });
  return st;
}

describe('closing a stocktake', () => {
  it('records the result per copy as inventory events in the batch of its number; missing copies go on the missing reminder', () => {
    const l = stocktakeLedger();
    const st = counted(l);
    const out = l.close(st.id);
    expect(out).toEqual({ batchNo: st.no, present: 2, missing: 1, misplaced: 1, onLoan: 1 });
    const events = l.doc(l.secret).events.filter((e) => e.kind === 'inventory');
    expect(events.map((e) => [e.batchNo, e.copyNos, e.details['cabinet']])).toEqual([
      [st.no, [1, 2], { id: l.a, code: 'G-01', name: '一号柜' }],
      [st.no, [3], { id: l.b, code: 'G-02', name: '二号柜' }],
    ]);
    expect(events[0]!.details).toMatchObject({ present: [1], missing: [2], onLoan: [] });
    expect(events[1]!.details).toMatchObject({
      present: [],
      missing: [],
      misplaced: [{ copyNo: 3, belongsTo: { id: l.a, name: '一号柜' }, resolution: 'flagged' }],
    });
    expect(l.doc(l.minor).events.filter((e) => e.kind === 'inventory')[0]!.details).toMatchObject({
      present: [1, 2],
      missing: [],
      onLoan: [{ copyNo: 2, holder: '王芳' }],
    });
    expect(l.doc(l.secret).copyList.map((c) => c.status)).toEqual(['in_custody', 'missing', 'in_custody']);
    expect(l.reminders().missingCopies).toBe(1);
    // Found again later: the reminder follows it off.
    ok(l.t.service, 'documents.found', { documentId: l.secret, copyNos: [2], locationId: l.a });
    expect(l.reminders().missingCopies).toBe(0);
    expect(auditRows(l.t).at(-2)).toMatchObject({ action: 'stocktake.close', target: st.no });
    expect(JSON.parse(auditRows(l.t).at(-2)!.summary)).toMatchObject({ batchNo: st.no, present: 2, missing: 1, misplaced: 1, onLoan: 1 });
  });

  it('after the close it reads as it closed, even when the copies move on; nothing more is done to it', () => {
    const l = stocktakeLedger();
    const st = counted(l);
    l.close(st.id);
    const closed = l.get(st.id);
    expect(closed).toMatchObject({ status: 'closed', batchNo: st.no });
    expect(tallyOf(closed, l.a).missing.map((c) => c.copyNo)).toEqual([2]);
    ok(l.t.service, 'documents.found', { documentId: l.secret, copyNos: [2], locationId: l.b });
    expect(l.get(st.id)).toEqual(closed);
    expect(l.list()[0]).toMatchObject({ status: 'closed', counts: { expected: 4, present: 2, missing: 1, misplaced: 1, onLoan: 1, unexpected: 0 } });
    for (const [name, input] of [
      ['stocktake.close', { id: st.id }],
      ['stocktake.undoScan', { id: st.id, copyId: l.copy(l.secret, 1).id }],
      ['stocktake.resolveMisplaced', { id: st.id, copyId: l.copy(l.secret, 3).id, cabinetId: l.b, action: 'move' }],
    ] as const)
      expect(l.t.service.invoke(name, input), name).toMatchObject({ ok: false, error: { code: 'E_STOCKTAKE_CLOSED' } });
  });

  it('a cabinet no one scanned in stops the close, unless its expected copies are taken as missing', () => {
    const l = stocktakeLedger();
    const st = l.start();
    l.scan(st.id, l.a, l.code(l.secret, 1));
    expect(l.t.service.invoke('stocktake.close', { id: st.id })).toMatchObject({
      ok: false,
      error: { code: 'E_STOCKTAKE_UNVISITED', details: { cabinets: ['二号柜', '绝密专柜'], devices: false } },
    });
    expect(l.get(st.id).status).toBe('open');
    const out = l.close(st.id, { unvisitedAreMissing: true });
    expect(out).toMatchObject({ present: 1, missing: 4 });
    expect(l.doc(l.minor).copyList.map((c) => c.status)).toEqual(['missing', 'missing']);
  });
});

describe('the 清查报告', () => {
  it('prints per cabinet the counts of the tally, 账物一致 or the exceptions, the lists and the signature lines', () => {
    const l = stocktakeLedger();
    const st = counted(l);
    const view = l.get(st.id);
    l.close(st.id);
    const { document: form } = ok<PrintPayload>(l.t.service, 'print.prepare', { request: { kind: 'inventory-report', batchNo: st.no } });
    expect(form).toMatchObject({ kind: 'inventory-report', number: st.no, title: '2026年度涉密载体清查报告', highestLevel: 'secret' });
    const field = (label: string) => form.fields.find((f) => f.label === label)?.value;
    expect(field('清查人')).toBe('李明、王芳');
    for (const t of view.cabinets) {
      const expected = `应在 ${t.expected} 份，在位 ${t.present.length} 份，缺失 ${t.missing.length} 份，错放 ${t.misplaced.length} 份，借出 ${t.onLoan.length} 份，账外 ${t.unexpected.length} 件`;
      expect(field(`${t.cabinet.name}（${t.cabinet.code}）`)).toBe(`${expected}；有异常`);
    }
    expect(form.columns.map((c) => c.label)).toEqual(['序号', '放置地点', '收文编号', '文号', '标题', '密级', '份号', '清查结果']);
    const results = form.rows.map((r) => [r[1], r[2], r[6], r[7]]);
    expect(results).toEqual([
      ['一号柜（G-01）', '2026-0001', '0001', '在位'],
      ['一号柜（G-01）', '2026-0001', '0002', '缺失'],
      ['二号柜（G-02）', '2026-0002', '0001', '在位'],
      ['二号柜（G-02）', '2026-0002', '0002', '借出 王芳'],
      ['二号柜（G-02）', '2026-0001', '0003', '错放（已标记），应在一号柜'],
    ]);
    expect(form.totalText).toBe('合计：应在 4 份，在位 2 份，缺失 1 份，错放 1 份，借出 1 份，账外 0 件。结论：有异常');
    expect(form.signatures).toEqual([
      // Each who checked signs on a line of their own.
      { label: '清查人', names: '李明' },
      { label: '清查人', names: '王芳' },
      { label: '保密工作负责人', names: '' },
    ]);
  });

  it('says 账物一致 where nothing is missing, misplaced or unexpected; an old whole-ledger inventory prints as before', () => {
    const l = stocktakeLedger();
    const st = l.start({ cabinetIds: [l.b] });
    l.scan(st.id, l.b, l.code(l.minor, 1));
    l.scan(st.id, l.b, l.code(l.minor, 2));
    l.close(st.id);
    const { document: form } = ok<PrintPayload>(l.t.service, 'print.prepare', { request: { kind: 'inventory-report', batchNo: st.no, language: 'zh-TW' } });
    expect(form.fields.find((f) => f.label === '二号柜（G-02）')?.value).toBe('應在 2 份，在位 2 份，缺失 0 份，錯放 0 份，借出 0 份，賬外 0 件；賬物一致');
    expect(form.totalText).toMatch(/結論：賬物一致$/);
    const old = ok<{ batchNo: string }>(l.t.service, 'documents.inventory', { checkedBy: ['李明', '赵强'] });
    const { document: report } = ok<PrintPayload>(l.t.service, 'print.prepare', { request: { kind: 'inventory-report', batchNo: old.batchNo } });
    expect(report.columns.map((c) => c.label)).toEqual(['序号', '收文编号', '文号', '标题', '密级', '在管份号', '借出份号', '缺失份号']);
    expect(report.rows).toHaveLength(2);
  });
});

describe('devices are stocktaken the same way', () => {
  it('by their codes: present, missing, lent apart; the close writes a device event each', () => {
    const l = stocktakeLedger();
    const computer = (code: string, serial: string) =>
      ok<{ id: number }>(l.t.service, 'computers.register', {
        code,
        name: '办公计算机',
        model: 'ThinkCentre M920',
        serial,
        os: '统信 UOS',
        level: 'secret',
        network: 'standalone',
        purpose: '公文处理',
        department: '办公室',
        responsible: '李明',
        location: '机要室',
        enabledAt: '2026-11-01',
      }).id;
    const pc1 = computer('JSJ-01', 'SN-001');
    computer('JSJ-02', 'SN-002');
    const st = l.start({ cabinetIds: [l.a], devices: true });
    expect(l.t.service.invoke('stocktake.close', { id: st.id })).toMatchObject({
      ok: false,
      error: { code: 'E_STOCKTAKE_UNVISITED', details: { cabinets: ['一号柜'], devices: true } },
    });
    const pcCode = ok<{ labelCode: string }>(l.t.service, 'computers.get', { id: pc1 }).labelCode;
    expect(l.scan(st.id, null, pcCode)).toMatchObject({ outcome: 'present', line: { device: 'computer', deviceCode: 'JSJ-01' } });
    expect(l.scan(st.id, l.a, pcCode)).toMatchObject({ outcome: 'again' });
    expect(l.scan(st.id, null, l.code(l.secret, 1))).toMatchObject({ outcome: 'unexpected', line: { ledgerStatus: 'not_in_scope' } });
    const tally = l.get(st.id).deviceTally!;
    expect(tally).toMatchObject({ visited: true, expected: 2, present: [{ deviceCode: 'JSJ-01' }], missing: [{ deviceCode: 'JSJ-02' }] });
    l.scan(st.id, l.a, l.cabinetCode(l.a));
    l.close(st.id);
    const kinds = withRaw(l.t, (db) => db.prepare(`SELECT device_id, details FROM device_events WHERE kind = 'inventory' ORDER BY device_id`).all());
    expect(kinds).toEqual([
      { device_id: pc1, details: JSON.stringify({ batchNo: st.no, result: 'present' }) },
      { device_id: pc1 + 1, details: JSON.stringify({ batchNo: st.no, result: 'missing' }) },
    ]);
    const { document: form } = ok<PrintPayload>(l.t.service, 'print.prepare', { request: { kind: 'inventory-report', batchNo: st.no } });
    expect(form.fields.find((f) => f.label === '计算机和介质')?.value).toBe('应在 2 件，在位 1 件，缺失 1 件，错放 0 件，借出 0 件，账外 1 件；有异常');
    expect(form.rows.filter((r) => r[1] === '计算机和介质').map((r) => [r[2], r[7]])).toEqual([
      ['JSJ-01', '在位'],
      ['JSJ-02', '缺失'],
      ['2026-0001', '账外：不在本次清查范围'],
    ]);
  });
});

describe('the cadence reminder', () => {
  it('a cabinet holding 绝密 with a 1-month cadence is due a month after its stocktake; one holding only 秘密 is not', () => {
    const l = stocktakeLedger();
    l.receive(l.top, { marking: '绝密★20年', copies: 1 });
    ok(l.t.service, 'settings.update', { stocktakeCadenceMonths: { top_secret: 1, secret: 3, confidential: 12 } });
    expect(l.reminders().stocktakeDue.map((d) => d.name)).toEqual(['一号柜', '二号柜', '绝密专柜']);
    const st = l.start();
    l.close(st.id, { unvisitedAreMissing: true });
    // Nothing held is due; the copies went missing, but the cabinets are counted just now.
    const top = l.receive(l.top, { marking: '绝密★20年', copies: 1 });
    l.receive(l.b, { marking: '秘密★5年', copies: 1 });
    expect(top).toBeGreaterThan(0);
    expect(l.reminders().stocktakeDue).toEqual([]);
    l.t.clock.advance(31 * DAY); // 2026-12-26: a month and a day
    expect(l.reminders().stocktakeDue).toEqual([{ cabinetId: l.top, name: '绝密专柜', level: 'top_secret', lastAt: '2026-11-25', dueAt: '2026-12-25' }]);
    expect(l.t.service.invoke('settings.update', { stocktakeCadenceMonths: { top_secret: 0, secret: 3, confidential: 12 } })).toMatchObject({ ok: false });
  });
});
