// 清查 by cabinet, the scanning (issue 16): start, scan copies cabinet by cabinet, resume after a restart, and what a
// scan is refused for. Through service.invoke on real encrypted ledgers in temporary folders.
import { describe, expect, it } from 'vitest';
import { ADMIN, auditRows, login, ok, withRaw } from '../../testing';
import { itemCode, parseItemCode } from '../../domain/item-codes';
import { stocktakeLedger, tallyOf } from './fixture';

describe('starting a stocktake', () => {
  it('takes the next 清查 number, covers every cabinet in use by default, and names two different checkers', () => {
    const l = stocktakeLedger();
    const st = l.start();
    expect(st.no).toBe('QC-2026-001');
    const view = l.get(st.id);
    expect(view).toMatchObject({ no: 'QC-2026-001', status: 'open', closedAt: null, checkers: ['李明', '王芳'], devices: false, batchNo: null });
    expect(view.levels).toEqual(['top_secret', 'secret', 'confidential', 'internal']);
    expect(view.cabinets.map((c) => c.cabinet.code)).toEqual(['G-01', 'G-02', 'G-03']);
    expect(tallyOf(view, l.a)).toMatchObject({ visited: false, expected: 3, present: [], misplaced: [], unexpected: [], onLoan: [] });
    expect(tallyOf(view, l.a).missing.map((c) => c.copyNo)).toEqual([1, 2, 3]);
    expect(tallyOf(view, l.a).cabinet.labelCode).toBe(l.cabinetCode(l.a));
    expect(auditRows(l.t).find((r) => r.action === 'stocktake.start')).toMatchObject({ target: 'QC-2026-001' });
    expect(JSON.parse(auditRows(l.t).find((r) => r.action === 'stocktake.start')!.summary)).toEqual({
      no: 'QC-2026-001',
      cabinets: ['一号柜 G-01', '二号柜 G-02', '绝密专柜 G-03'],
      levels: ['top_secret', 'secret', 'confidential', 'internal'],
      devices: false,
      checkers: ['李明', '王芳'],
    });
    expect(l.t.service.invoke('stocktake.start', { checkers: ['李明', '李明'] })).toMatchObject({ ok: false });
  });

  it('one stocktake at a time; the old whole-ledger inventory waits for it too, and its numbers are one sequence', () => {
    const l = stocktakeLedger();
    const first = l.start({ cabinetIds: [l.a] });
    expect(l.t.service.invoke('stocktake.start', { checkers: ['李明', '王芳'] })).toMatchObject({
      ok: false,
      error: { code: 'E_STOCKTAKE_OPEN', details: { no: first.no } },
    });
    expect(l.t.service.invoke('documents.inventory', { checkedBy: ['李明'] })).toMatchObject({ ok: false, error: { code: 'E_STOCKTAKE_OPEN' } });
    l.scan(first.id, l.a, l.cabinetCode(l.a));
    expect(l.close(first.id, { unvisitedAreMissing: true }).batchNo).toBe('QC-2026-001');
    const old = l.t.service.invoke('documents.inventory', { checkedBy: ['李明'] });
    expect(old).toMatchObject({ ok: true, value: { batchNo: 'QC-2026-002' } });
    expect(l.start().no).toBe('QC-2026-003');
  });

  it('a chosen cabinet and level: only those copies are expected', () => {
    const l = stocktakeLedger();
    const st = l.start({ cabinetIds: [l.b, l.a], levels: ['confidential'] });
    const view = l.get(st.id);
    expect(view.cabinets.map((c) => c.cabinet.id)).toEqual([l.a, l.b]);
    expect(tallyOf(view, l.a).expected).toBe(0);
    expect(tallyOf(view, l.b).expected).toBe(2);
  });
});

describe('scanning a cabinet', () => {
  it('a copy where the ledger has it is present at once; a second scan says again; the cabinet label marks it visited', () => {
    const l = stocktakeLedger();
    const st = l.start();
    expect(l.scan(st.id, l.b, l.cabinetCode(l.a))).toMatchObject({ outcome: 'cabinet', cabinetId: l.a });
    const code = l.code(l.secret, 2);
    const reply = l.scan(st.id, l.a, code);
    expect(reply).toMatchObject({ outcome: 'present', line: { copyNo: 2, receiptNo: '2026-0001', level: 'secret', labelCode: code } });
    // Typed by hand in lower case with a space: the same code.
    expect(l.scan(st.id, l.a, ` ${code.toLowerCase()}`)).toMatchObject({ outcome: 'again', line: { copyNo: 2, scanId: reply.scanId } });
    const a = tallyOf(l.get(st.id), l.a);
    expect(a).toMatchObject({ visited: true, expected: 3 });
    expect(a.present.map((c) => c.copyNo)).toEqual([2]);
    expect(a.missing.map((c) => c.copyNo)).toEqual([1, 3]);
    expect(tallyOf(l.get(st.id), l.b).visited).toBe(false);
  });

  it('a mistyped code is refused and not recorded; another ledger’s label too; a closed stocktake takes no scan', () => {
    const l = stocktakeLedger();
    const st = l.start();
    const code = l.code(l.secret, 1);
    const typo = code.slice(0, 5) + (code[5] === '0' ? '1' : '0') + code.slice(6);
    expect(l.refusedScan(st.id, l.a, typo)).toMatchObject({ code: 'E_CODE_INVALID', details: { reason: 'check' } });
    expect(l.refusedScan(st.id, l.a, '鲁保发〔2026〕1号')).toMatchObject({ code: 'E_CODE_INVALID', details: { reason: 'format' } });
    const parsed = parseItemCode(code);
    const foreign = itemCode(parsed.ok && parsed.prefix === 'ZZ' ? 'YY' : 'ZZ', 'copy', 1);
    expect(l.refusedScan(st.id, l.a, foreign)).toMatchObject({ code: 'E_CODE_FOREIGN' });
    expect(withRaw(l.t, (db) => db.prepare('SELECT count(*) AS n FROM stocktake_scans').get())).toEqual({ n: 0 });
    expect(l.refusedScan(st.id, 99, code)).toMatchObject({ code: 'E_VALIDATION', details: { field: 'cabinetId' } });
    expect(l.refusedScan(st.id, null, code)).toMatchObject({ code: 'E_VALIDATION' });
    l.close(st.id, { unvisitedAreMissing: true });
    expect(l.refusedScan(st.id, l.a, code)).toMatchObject({ code: 'E_STOCKTAKE_CLOSED', details: { no: st.no } });
    expect(l.refusedScan(99, l.a, code)).toMatchObject({ code: 'E_NO_SUCH_STOCKTAKE' });
  });

  it('each scan is an audit entry naming the stocktake, the cabinet, the code and what it was', () => {
    const l = stocktakeLedger();
    const st = l.start();
    const code = l.code(l.secret, 1);
    l.scan(st.id, l.a, code);
    const row = auditRows(l.t).at(-1)!;
    expect(row).toMatchObject({ action: 'stocktake.scan', outcome: 'ok', target: st.no });
    expect(JSON.parse(row.summary)).toEqual({ cabinet: '一号柜 G-01', code, result: 'present', receiptNo: '2026-0001', copyNo: 1 });
    // A refused scan names the stocktake too, and keeps what was typed.
    l.refusedScan(st.id, l.a, 'SL00X');
    expect(auditRows(l.t).at(-1)).toMatchObject({ action: 'stocktake.scan', outcome: 'refused', error_code: 'E_CODE_INVALID', target: st.no });
    ok(l.t.service, 'stocktake.undoScan', { id: st.id, copyId: l.copy(l.secret, 1).id });
    expect(JSON.parse(auditRows(l.t).at(-1)!.summary)).toEqual({ retracted: code, cabinet: '一号柜 G-01' });
  });

  it('scans are history: a scan made by mistake is retracted by a row, never deleted, and the copy is missing again', () => {
    const l = stocktakeLedger();
    const st = l.start();
    const reply = l.scan(st.id, l.a, l.code(l.secret, 1));
    l.scan(st.id, l.a, l.code(l.secret, 3));
    expect(l.t.service.invoke('stocktake.undoScan', { id: st.id, scanId: reply.scanId })).toMatchObject({ ok: true });
    expect(l.t.service.invoke('stocktake.undoScan', { id: st.id, scanId: reply.scanId })).toMatchObject({ ok: false, error: { code: 'E_VALIDATION' } });
    expect(l.t.service.invoke('stocktake.undoScan', { id: st.id, copyId: l.copy(l.secret, 3).id, cabinetId: l.a })).toMatchObject({ ok: true });
    const a = tallyOf(l.get(st.id), l.a);
    expect(a.present).toEqual([]);
    expect(a.missing.map((c) => c.copyNo)).toEqual([1, 2, 3]);
    expect(a.visited).toBe(true);
    withRaw(l.t, (db) => {
      expect(db.prepare('SELECT count(*) AS n FROM stocktake_scans').get()).toEqual({ n: 2 });
      expect(() => db.prepare('DELETE FROM stocktake_scans').run()).toThrow(/append-only/);
    });
  });
});

describe('pause and resume', () => {
  it('a stocktake reopened after the app restarts has everything scanned before, and goes on', () => {
    const l = stocktakeLedger();
    const st = l.start();
    l.scan(st.id, l.a, l.code(l.secret, 1));
    l.scan(st.id, l.a, l.code(l.minor, 2));
    const before = l.get(st.id);
    l.t.restart();
    login(l.t.service, ADMIN.username, ADMIN.password);
    l.t.clock.advance(86_400_000);
    expect(l.get(st.id)).toEqual(before);
    expect(l.list()[0]).toMatchObject({ id: st.id, status: 'open', counts: { expected: 5, present: 1, missing: 3, misplaced: 1 } });
    expect(l.scan(st.id, l.a, l.code(l.secret, 2)).outcome).toBe('present');
    expect(tallyOf(l.get(st.id), l.a).present.map((c) => c.copyNo)).toEqual([1, 2]);
  });
});
