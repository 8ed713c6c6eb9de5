// 清查 by cabinet, what a scan can find (issue 16): a copy misplaced (moved here by a move event, or left flagged),
// copies not expected here (on loan, returned, destroyed, not in the stocktake, unknown), and copies on loan apart.
import { describe, expect, it } from 'vitest';
import { itemCode, parseItemCode } from '../../domain/item-codes';
import { spotApproval } from '../approvals/fixture';
import { stocktakeLedger, tallyOf } from './fixture';

const prefixOf = (code: string) => {
  const p = parseItemCode(code);
  if (!p.ok) throw new Error(code);
  return p.prefix;
};

describe('a misplaced copy', () => {
  it('is listed where it was found, with where it belongs, and is not missing there', () => {
    const l = stocktakeLedger();
    const st = l.start();
    const reply = l.scan(st.id, l.b, l.code(l.secret, 3));
    expect(reply).toMatchObject({ outcome: 'misplaced', line: { copyNo: 3, belongsTo: { id: l.a, name: '一号柜' }, resolution: null } });
    const view = l.get(st.id);
    expect(tallyOf(view, l.b).misplaced.map((m) => m.copyNo)).toEqual([3]);
    expect(tallyOf(view, l.a).missing.map((c) => c.copyNo)).toEqual([1, 2]);
    expect(tallyOf(view, l.a).foundElsewhere.map((c) => c.copyNo)).toEqual([3]);
  });

  it('one key moves it here: a real move event, after which the ledger has it here; the cabinet-level refusal holds', () => {
    const l = stocktakeLedger();
    const st = l.start();
    const copyId = l.copy(l.secret, 3).id;
    l.scan(st.id, l.b, l.code(l.secret, 3));
    const moved = l.t.service.invoke('stocktake.resolveMisplaced', { id: st.id, copyId, cabinetId: l.b, action: 'move' });
    expect(moved).toMatchObject({ ok: true, value: { copyNo: 3, resolution: 'moved', belongsTo: { id: l.a } } });
    const doc = l.doc(l.secret);
    expect(doc.copyList.find((c) => c.copyNo === 3)!.location).toBe('G-02');
    expect(doc.events.at(-1)).toMatchObject({ kind: 'move', counterpart: 'G-02', copyNos: [3] });
    const view = l.get(st.id);
    expect(tallyOf(view, l.b)).toMatchObject({ expected: 2, misplaced: [{ copyNo: 3, resolution: 'moved' }] });
    expect(tallyOf(view, l.a)).toMatchObject({ expected: 2, foundElsewhere: [] });
    expect(l.t.service.invoke('stocktake.resolveMisplaced', { id: st.id, copyId, cabinetId: l.b, action: 'flag' })).toMatchObject({
      ok: false,
      error: { code: 'E_VALIDATION', details: { field: 'copyId' } },
    });

    // A 绝密 copy found in a cabinet for 机密 only: it cannot be moved there, only flagged.
    const top = l.receive(l.top, { marking: '绝密★20年', copies: 1 });
    l.scan(st.id, l.a, l.code(top, 1));
    const topCopy = l.copy(top, 1).id;
    expect(l.t.service.invoke('stocktake.resolveMisplaced', { id: st.id, copyId: topCopy, cabinetId: l.a, action: 'move' })).toMatchObject({
      ok: false,
      error: { code: 'E_LOCATION_LEVEL' },
    });
    expect(l.t.service.invoke('stocktake.resolveMisplaced', { id: st.id, copyId: topCopy, cabinetId: l.a, action: 'flag' })).toMatchObject({
      ok: true,
      value: { resolution: 'flagged' },
    });
    expect(l.doc(top).copyList[0]!.location).toBe('G-03');
    expect(tallyOf(l.get(st.id), l.a).misplaced).toMatchObject([{ copyNo: 1, resolution: 'flagged', belongsTo: { id: l.top } }]);
  });
});

describe('not expected here', () => {
  it('a copy on loan, returned, destroyed, of a level not counted, or a code naming nothing: flagged with what the ledger says', () => {
    const l = stocktakeLedger();
    ok(l, 'documents.lend', { documentId: l.secret, copyNos: [1], borrower: { name: '王芳' }, dueAt: '2026-12-20' });
    const returned = l.receive(l.a, { copies: 1 });
    ok(l, 'documents.returnToIssuer', { items: [{ documentId: returned, copyNos: [1] }], toUnit: '省国家保密局', returner: '李明', receiver: '孙丽' });
    const destroyed = l.receive(l.a, { marking: '秘密★5年', copies: 1 });
    ok(l, 'documents.destroy', {
      items: [{ documentId: destroyed, copyNos: [1] }],
      approval: spotApproval(l.t),
      method: 'shredder',
      place: '机要室',
      destroyers: ['李明'],
      witnesses: ['赵强'],
    });
    const st = l.start({ levels: ['secret', 'top_secret'] });
    const prefix = prefixOf(l.code(l.secret, 1));
    const unknown = itemCode(prefix, 'copy', 999);
    const status = (code: string) => {
      const r = l.scan(st.id, l.a, code);
      return r.outcome === 'unexpected' ? [r.line.ledgerStatus, r.line.holder ?? null] : r.outcome;
    };
    expect(status(l.code(l.secret, 1))).toEqual(['on_loan', '王芳']);
    expect(status(l.code(returned, 1))).toEqual(['returned', null]);
    expect(status(l.code(destroyed, 1))).toEqual(['destroyed', null]);
    expect(status(l.code(l.minor, 1))).toEqual(['not_in_scope', null]);
    expect(status(unknown)).toEqual(['unknown', null]);
    const a = tallyOf(l.get(st.id), l.a);
    expect(a.unexpected.map((u) => u.ledgerStatus)).toEqual(['on_loan', 'returned', 'destroyed', 'not_in_scope', 'unknown']);
    expect(a.unexpected[4]).toMatchObject({ code: unknown, copy: null });
    expect(a.unexpected[0]!.copy).toMatchObject({ receiptNo: '2026-0001', copyNo: 1 });
  });

  it('copies out on loan are listed apart with their borrower, never missing', () => {
    const l = stocktakeLedger();
    ok(l, 'documents.lend', { documentId: l.secret, copyNos: [2], borrower: { name: '王芳' }, dueAt: '2026-12-20' });
    const st = l.start();
    const a = tallyOf(l.get(st.id), l.a);
    expect(a.expected).toBe(2);
    expect(a.missing.map((c) => c.copyNo)).toEqual([1, 3]);
    expect(a.onLoan).toMatchObject([{ copyNo: 2, holder: '王芳', dueAt: '2026-12-20' }]);
  });
});

function ok(l: ReturnType<typeof stocktakeLedger>, name: string, input: Record<string, unknown>): void {
  const r = l.t.service.invoke(name, input);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
}
