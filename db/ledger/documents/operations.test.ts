// The rules of a document carrier's life (domain.md "Lifecycle of a document carrier"), each through
// service.invoke on a real encrypted ledger: a refusal has its code, changes nothing and leaves one refused audit entry.
import { describe, expect, it } from 'vitest';
import type { LedgerErrorShape } from '../../errors';
import { auditRows, makeLedger, ok, refused, withRaw, type SetUpLedger } from '../../testing';
import type { DocumentDetail } from '../../views';
import { receiveInput } from './fixture';
import type { ApprovalGrant } from '../approvals/fields';
import { createApprover, external, onTheSpot } from '../approvals/fixture';

const DAY = 86_400_000;

interface Fixture {
  t: SetUpLedger;
  /** 保密柜: up to 机密. */
  cab: number;
  /** 绝密专柜 with its keeper. */
  vault: number;
  receive(over?: Record<string, unknown>): number;
  get(id: number): DocumentDetail;
  status(id: number): Record<number, string>;
}

function fixture(): Fixture {
  const t = makeLedger();
  const approver = createApprover(t, '陈主任');
  UNIT_HEAD = onTheSpot(approver.id, approver.password);
  const cab = ok<{ id: number }>(t.service, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' }).id;
  const vault = ok<{ id: number }>(t.service, 'locations.create', { code: 'JM-01', name: '绝密专柜', maxLevel: 'top_secret', keeper: '刘专管' }).id;
  const get = (id: number) => ok<DocumentDetail>(t.service, 'documents.get', { id });
  return {
    t,
    cab,
    vault,
    receive: (over = {}) => ok<{ id: number }>(t.service, 'documents.receive', receiveInput(cab, over)).id,
    get,
    status: (id) => Object.fromEntries(get(id).copyList.map((c) => [c.copyNo, c.status])),
  };
}

/** Everything a document command can write, as one comparable value (event_copies has no rowid). */
function registerSnapshot(t: SetUpLedger): unknown {
  return withRaw(t, (db) =>
    Object.fromEntries(
      ['locations', 'documents', 'copies', 'events', 'event_copies', 'batches', 'settings'].map((name) => [name, db.prepare(`SELECT * FROM "${name}"`).all()]),
    ),
  );
}

/** A refusal with `code`: the register is unchanged, and the audit log has exactly one more entry, refused with that code. */
function expectRefused(t: SetUpLedger, name: string, input: unknown, code: string): LedgerErrorShape {
  const before = registerSnapshot(t);
  const audit = auditRows(t).length;
  const error = refused(t.service, name, input);
  expect({ name, code: error.code, message: error.message }).toMatchObject({ name, code });
  expect(registerSnapshot(t)).toEqual(before);
  const after = auditRows(t);
  expect(after.length).toBe(audit + 1);
  expect(after.at(-1)).toMatchObject({ action: name, outcome: 'refused', error_code: code });
  return error;
}

const lendInput = (documentId: number, copyNos: number[], over: Record<string, unknown> = {}) => ({
  documentId,
  copyNos,
  borrower: { name: '王芳', department: '办公室' },
  dueAt: '2026-12-10',
  ...over,
});
const destroyInput = (documentId: number, copyNos: number[], over: Record<string, unknown> = {}) => ({
  items: [{ documentId, copyNos }],
  approval: UNIT_HEAD,
  method: 'shredder',
  place: '保密室碎纸机',
  destroyers: ['李明'],
  witnesses: ['赵强'],
  ...over,
});
const transmitInput = (documentId: number, copyNos: number[], over: Record<string, unknown> = {}) => ({
  documentId,
  copyNos,
  toUnit: '市国家保密局',
  channel: '机要交通',
  handledBy: '李明',
  ...over,
});
const returnInput = (documentId: number, copyNos: number[]) => ({
  items: [{ documentId, copyNos }],
  toUnit: '省国家保密局',
  returner: '李明',
  receiver: '孙收文',
});
/** The unit head's approval, given on the spot by the fixture's approver account 陈主任 (set by fixture()). */
let UNIT_HEAD: ApprovalGrant;
/** The originator's and its superior's consent, from outside the unit. */
const ORIGINATOR = external('省局周处长', '鲁保函〔2026〕3号');
const SUPERIOR = external('国家局吴司长', '国保函〔2026〕1号');
const originatorDecision = (docNo: string) => external('省国家保密局', docNo);

describe('收 receive: register, number, sign', () => {
  it('numbers every copy from 0001 and gives a 收文编号 in the default format {year}-{seq:4}', () => {
    const f = fixture();
    const id = f.receive({ copies: 4 });
    const d = f.get(id);
    expect(d).toMatchObject({ receiptNo: '2026-0001', level: 'secret', marking: '机密★10年', secrecyEnd: '2036-11-02', copies: 4, copyNos: '0001-0004' });
    expect(d.copyList.map((c) => [c.copyNo, c.status, c.location, c.reproduction])).toEqual([1, 2, 3, 4].map((n) => [n, 'in_custody', 'BMG-01', false]));
    expect(d.events).toMatchObject([{ kind: 'receive', counterpart: '省国家保密局', copyNos: [1, 2, 3, 4], details: { handledBy: '李明', copies: 4 } }]);
  });

  it('收文编号 restart every year', () => {
    const f = fixture();
    const a = f.receive({ issueDate: '2025-12-01', receivedAt: '2025-12-30' });
    const b = f.receive({ issueDate: '2025-12-01', receivedAt: '2025-12-31' });
    const c = f.receive({ receivedAt: '2026-11-20' });
    const d = f.receive();
    expect([a, b, c, d].map((id) => f.get(id).receiptNo)).toEqual(['2025-0001', '2025-0002', '2026-0001', '2026-0002']);
  });

  it('收文编号 follow the receiptNoFormat setting', () => {
    const f = fixture();
    const a = f.receive();
    ok(f.t.service, 'settings.update', { receiptNoFormat: '收{year}第{seq:3}号' });
    const b = f.receive();
    const c = f.receive({ issueDate: '2025-01-01', receivedAt: '2025-03-01' });
    ok(f.t.service, 'settings.update', { receiptNoFormat: 'R{seq}/{year}' });
    const d = f.receive();
    expect([a, b, c, d].map((id) => f.get(id).receiptNo)).toEqual(['2026-0001', '收2026第002号', '收2025第001号', 'R3/2026']);
  });

  it('a format without {year} repeats its numbers every year (one register book per year)', () => {
    const f = fixture();
    ok(f.t.service, 'settings.update', { receiptNoFormat: '收{seq:3}' });
    const a = f.receive({ issueDate: '2025-01-01', receivedAt: '2025-02-01' });
    const b = f.receive();
    expect([a, b].map((id) => f.get(id).receiptNo)).toEqual(['收001', '收001']);
  });

  it('starts at firstCopyNo when the sender numbered the copies', () => {
    const f = fixture();
    expect(f.get(f.receive({ copies: 2, firstCopyNo: 17 })).copyNos).toBe('0017-0018');
  });

  it('绝密 only in a location that may hold it: E_LOCATION_LEVEL in a 保密柜, accepted in the 专柜', () => {
    const f = fixture();
    const e = expectRefused(
      f.t,
      'documents.receive',
      {
        title: '绝密文件',
        originUnit: '中央某部',
        marking: '绝密★长期',
        issueDate: '2026-11-01',
        scope: ['王芳'],
        copies: 1,
        locationId: f.cab,
        signedBy: '李明',
      },
      'E_LOCATION_LEVEL',
    );
    expect(e.details).toEqual({ location: 'BMG-01', maxLevel: 'secret', level: 'top_secret' });
    expect(f.get(f.receive({ marking: '绝密★长期', locationId: f.vault })).copyList[0]!.location).toBe('JM-01');
  });
});

describe('借阅 lend and return', () => {
  it('nothing is lent twice: a copy on loan is E_NOT_IN_CUSTODY, and a loan naming it lends none of the others', () => {
    const f = fixture();
    const id = f.receive();
    ok(f.t.service, 'documents.lend', lendInput(id, [1]));
    const e = expectRefused(f.t, 'documents.lend', lendInput(id, [2, 1]), 'E_NOT_IN_CUSTODY');
    expect(e.details).toEqual({ documentId: id, copyNo: 1, status: 'on_loan', action: 'lend' });
    expect(f.status(id)).toEqual({ 1: 'on_loan', 2: 'in_custody', 3: 'in_custody' });
  });

  it('records the borrower, department and due date; the return clears them and notes the condition', () => {
    const f = fixture();
    const id = f.receive();
    ok(f.t.service, 'documents.lend', lendInput(id, [1, 2]));
    expect(f.get(id).copyList[0]).toMatchObject({ status: 'on_loan', holder: '王芳', holderDepartment: '办公室', dueAt: '2026-12-10', location: 'BMG-01' });
    ok(f.t.service, 'documents.returnLoan', { documentId: id, copyNos: [1, 2], condition: 'missing_pages', receivedBy: '李明' });
    const d = f.get(id);
    expect(d.copyList[0]).toMatchObject({ status: 'in_custody', holder: null, holderDepartment: null, dueAt: null, location: 'BMG-01' });
    expect(d.events.at(-1)).toMatchObject({
      kind: 'return_loan',
      counterpart: '王芳',
      copyNos: [1, 2],
      details: { condition: 'missing_pages', receivedBy: '李明', overdue: [] },
    });
  });

  it('a copy that is not on loan cannot be returned from loan', () => {
    const f = fixture();
    const id = f.receive();
    expectRefused(f.t, 'documents.returnLoan', { documentId: id, copyNos: [1], receivedBy: '李明' }, 'E_NOT_IN_CUSTODY');
  });

  it('a borrower inside the 知悉范围 (by name or by department) needs no approver', () => {
    const f = fixture();
    const id = f.receive();
    ok(f.t.service, 'documents.lend', lendInput(id, [1], { borrower: { name: '王芳' } }));
    ok(f.t.service, 'documents.lend', lendInput(id, [2], { borrower: { name: '钱新', department: '办公室' } }));
    expect(
      f
        .get(id)
        .events.filter((e) => e.kind === 'lend')
        .map((e) => [e.approver, e.details.outsideScope]),
    ).toEqual([
      [null, false],
      [null, false],
    ]);
  });

  it('a borrower outside the 知悉范围 needs an approver: E_APPROVAL_REQUIRED rule outside_scope', () => {
    const f = fixture();
    const id = f.receive();
    const outsider = { name: '赵六', department: '财务处' };
    const e = expectRefused(f.t, 'documents.lend', lendInput(id, [1], { borrower: outsider }), 'E_APPROVAL_REQUIRED');
    expect(e.details).toEqual({ rule: 'outside_scope', borrower: '赵六' });
    ok(f.t.service, 'documents.lend', lendInput(id, [1], { borrower: outsider, approval: UNIT_HEAD }));
    expect(f.get(id).events.at(-1)).toMatchObject({
      kind: 'lend',
      approver: '陈主任',
      details: { outsideScope: true, approval: { approvalNo: 'SP-2026-0001', way: 'on_the_spot' } },
    });
  });

  it('taking a copy out of the office needs an approver: E_APPROVAL_REQUIRED rule taken_out', () => {
    const f = fixture();
    const id = f.receive();
    const e = expectRefused(f.t, 'documents.lend', lendInput(id, [1], { takenOut: true }), 'E_APPROVAL_REQUIRED');
    expect(e.details).toMatchObject({ rule: 'taken_out' });
    ok(f.t.service, 'documents.lend', lendInput(id, [1], { takenOut: true, approval: UNIT_HEAD }));
    expect(f.get(id).events.at(-1)).toMatchObject({ kind: 'lend', approver: '陈主任', details: { takenOut: true } });
  });

  it('the due date cannot be before the loan', () => {
    const f = fixture();
    const id = f.receive();
    expectRefused(f.t, 'documents.lend', lendInput(id, [1], { dueAt: '2026-11-24' }), 'E_VALIDATION');
  });
});

describe('nothing happens to a copy after destruction, return to the issuer, transmission or loss', () => {
  const ENDINGS: [string, (f: Fixture, id: number) => void][] = [
    ['destroyed', (f, id) => ok(f.t.service, 'documents.destroy', destroyInput(id, [1]))],
    ['returned', (f, id) => ok(f.t.service, 'documents.returnToIssuer', returnInput(id, [1]))],
    ['transmitted', (f, id) => ok(f.t.service, 'documents.transmit', transmitInput(id, [1]))],
    ['missing', (f, id) => ok(f.t.service, 'documents.inventory', { missing: [{ documentId: id, copyNos: [1] }], checkedBy: ['李明', '赵强'] })],
  ];
  const ACTIONS: [string, (id: number, f: Fixture) => unknown][] = [
    ['documents.lend', (id) => lendInput(id, [1])],
    ['documents.returnLoan', (id) => ({ documentId: id, copyNos: [1], receivedBy: '李明' })],
    ['documents.move', (id, f) => ({ documentId: id, copyNos: [1], locationId: f.vault })],
    ['documents.copy', (id) => ({ documentId: id, sourceCopyNo: 1, count: 1, approval: UNIT_HEAD })],
    ['documents.transmit', (id) => transmitInput(id, [1])],
    ['documents.returnToIssuer', (id) => returnInput(id, [1])],
    ['documents.destroy', (id) => destroyInput(id, [1])],
    ['documents.inventory', (id) => ({ missing: [{ documentId: id, copyNos: [1] }], checkedBy: ['李明'] })],
  ];
  for (const [state, end] of ENDINGS) {
    it(`a ${state} copy: every action on it is E_NOT_IN_CUSTODY and writes nothing`, () => {
      const f = fixture();
      const id = f.receive();
      end(f, id);
      expect(f.status(id)[1]).toBe(state);
      for (const [name, input] of ACTIONS) {
        const e = expectRefused(f.t, name, input(id, f), 'E_NOT_IN_CUSTODY');
        expect(e.details).toMatchObject({ documentId: id, copyNo: 1, status: state });
      }
      // The other copies are untouched and still usable.
      ok(f.t.service, 'documents.lend', lendInput(id, [2]));
    });
  }
});

describe('销毁 destroy', () => {
  it('needs two different people: E_WITNESS_REQUIRED without a witness, and when the destroyer is the witness', () => {
    const f = fixture();
    const id = f.receive();
    expectRefused(f.t, 'documents.destroy', destroyInput(id, [1], { witnesses: [] }), 'E_WITNESS_REQUIRED');
    expectRefused(f.t, 'documents.destroy', destroyInput(id, [1], { destroyers: [] }), 'E_WITNESS_REQUIRED');
    // Two destroyers are still no witness.
    expectRefused(f.t, 'documents.destroy', destroyInput(id, [1], { destroyers: ['李明', '钱新'], witnesses: [] }), 'E_WITNESS_REQUIRED');
    expectRefused(f.t, 'documents.destroy', destroyInput(id, [1], { destroyers: ['李明'], witnesses: ['李明'] }), 'E_WITNESS_REQUIRED');
    expectRefused(f.t, 'documents.destroy', destroyInput(id, [1], { destroyers: ['李明 '], witnesses: [' 李明', '李明'] }), 'E_WITNESS_REQUIRED');
    const out = ok<{ batchNo: string }>(f.t.service, 'documents.destroy', destroyInput(id, [1, 2]));
    expect(out.batchNo).toBe('XH-2026-001');
    const d = f.get(id);
    expect(d.counts).toMatchObject({ destroyed: 2, in_custody: 1 });
    expect(d.copyList[0]).toMatchObject({ status: 'destroyed', location: null });
    expect(d.events.at(-1)).toMatchObject({
      kind: 'destroy',
      approver: '陈主任',
      batchNo: 'XH-2026-001',
      copyNos: [1, 2],
      details: { method: 'shredder', place: '保密室碎纸机' },
    });
    expect(ok<{ batchNo: string }>(f.t.service, 'documents.destroy', destroyInput(id, [3])).batchNo).toBe('XH-2026-002');
  });

  it('销毁人 and 监销人 are different people and the approver is neither; the history carries both lists (E_WITNESS_REQUIRED)', () => {
    const f = fixture();
    const id = f.receive();
    const twice = expectRefused(f.t, 'documents.destroy', destroyInput(id, [1], { destroyers: ['李明', '赵强'], witnesses: ['赵强'] }), 'E_WITNESS_REQUIRED');
    expect(twice.details).toEqual({ people: 2, rule: 'both_lists', person: '赵强' });
    const approver = expectRefused(f.t, 'documents.destroy', destroyInput(id, [1], { witnesses: ['陈主任'] }), 'E_WITNESS_REQUIRED');
    expect(approver.details).toEqual({ people: 2, rule: 'approver', person: '陈主任' });
    expect(expectRefused(f.t, 'documents.destroy', destroyInput(id, [1], { approval: undefined }), 'E_APPROVAL_REQUIRED').details).toEqual({ rule: 'destroy' });
    ok(f.t.service, 'documents.destroy', destroyInput(id, [1], { witnesses: ['赵强', '钱新'] }));
    expect(f.get(id).events.at(-1)).toMatchObject({
      kind: 'destroy',
      approver: '陈主任',
      details: { destroyers: ['李明'], witnesses: ['赵强', '钱新'], approval: { way: 'on_the_spot' } },
    });
  });

  it('a must-return item’s original copies are never destroyed locally (E_MUST_RETURN); its local 复制件 may be', () => {
    const f = fixture();
    const id = f.receive({ mustReturn: true, returnBy: '2027-03-31', copies: 2 });
    const e = expectRefused(f.t, 'documents.destroy', destroyInput(id, [1]), 'E_MUST_RETURN');
    expect(e.details).toEqual({ documentId: id, receiptNo: '2026-0001' });
    const { copyNos } = ok<{ copyNos: number[] }>(f.t.service, 'documents.copy', { documentId: id, sourceCopyNo: 1, count: 2, approval: UNIT_HEAD });
    expect(copyNos).toEqual([3, 4]);
    // An original in the same batch spoils it.
    expectRefused(f.t, 'documents.destroy', destroyInput(id, [3, 2]), 'E_MUST_RETURN');
    ok(f.t.service, 'documents.destroy', destroyInput(id, [3, 4]));
    expect(f.status(id)).toEqual({ 1: 'in_custody', 2: 'in_custody', 3: 'destroyed', 4: 'destroyed' });
    // The originals go back instead.
    ok(f.t.service, 'documents.returnToIssuer', returnInput(id, [1, 2]));
    expect(f.status(id)).toMatchObject({ 1: 'returned', 2: 'returned' });
  });

  it('绝密 goes only to the destruction facility, never the unit’s shredder (E_DESTRUCTION_METHOD rule top_secret_facility)', () => {
    const f = fixture();
    const top = f.receive({ marking: '绝密★长期', locationId: f.vault, copies: 2 });
    const secret = f.receive({ copies: 1 });
    const e = expectRefused(
      f.t,
      'documents.destroy',
      {
        ...destroyInput(secret, [1]),
        items: [
          { documentId: secret, copyNos: [1] },
          { documentId: top, copyNos: [1] },
        ],
      },
      'E_DESTRUCTION_METHOD',
    );
    expect(e.details).toEqual({ rule: 'top_secret_facility', documentId: top, receiptNo: f.get(top).receiptNo });
    expect(e.message).toContain(f.get(top).receiptNo);
    ok(f.t.service, 'documents.destroy', destroyInput(top, [1, 2], { method: 'facility', place: '省保密局销毁中心' }));
    expect(f.status(top)).toEqual({ 1: 'destroyed', 2: 'destroyed' });
  });

  it('机密 and 秘密 go to the shredder only in small quantities: at most the setting shredderMaxCopies per batch (E_DESTRUCTION_METHOD rule shredder_quantity)', () => {
    const f = fixture();
    expect(ok<{ shredderMaxCopies: number }>(f.t.service, 'settings.get').shredderMaxCopies).toBe(10);
    ok(f.t.service, 'settings.update', { shredderMaxCopies: 3 });
    const a = f.receive({ copies: 3 });
    const b = f.receive({ marking: '秘密★5年', copies: 2 });
    const both = {
      items: [
        { documentId: a, copyNos: [1, 2, 3] },
        { documentId: b, copyNos: [1] },
      ],
    };
    expect(expectRefused(f.t, 'documents.destroy', { ...destroyInput(a, [1]), ...both }, 'E_DESTRUCTION_METHOD').details).toEqual({
      rule: 'shredder_quantity',
      copies: 4,
      max: 3,
    });
    // The facility takes any quantity; the shredder its limit.
    ok(f.t.service, 'documents.destroy', { ...destroyInput(a, [1]), ...both, method: 'facility', place: '市保密局销毁中心' });
    ok(f.t.service, 'documents.destroy', destroyInput(b, [2]));
    expect(f.get(b).counts.destroyed).toBe(2);
  });

  it('an item the issuer does not want back may be destroyed', () => {
    const f = fixture();
    const id = f.receive();
    ok(
      f.t.service,
      'documents.destroy',
      destroyInput(id, [1, 2, 3], { method: 'facility', place: '市保密局销毁中心', destroyers: ['李明', '钱新'], witnesses: ['赵强'] }),
    );
    expect(f.get(id).counts.destroyed).toBe(3);
  });
});

describe('复制 copy', () => {
  it('copying 绝密 needs the originator’s or its superior’s approval; the unit head is not enough', () => {
    const f = fixture();
    const id = f.receive({ marking: '绝密★长期', locationId: f.vault });
    const none = expectRefused(f.t, 'documents.copy', { documentId: id, sourceCopyNo: 1, count: 1 }, 'E_APPROVAL_REQUIRED');
    expect(none.details).toEqual({ rule: 'copy_top_secret' });
    expect(expectRefused(f.t, 'documents.copy', { documentId: id, sourceCopyNo: 1, count: 1, approval: UNIT_HEAD }, 'E_APPROVAL_AUTHORITY').details).toEqual({
      kind: 'copy',
      needs: 'external',
      way: 'on_the_spot',
    });
    expect(ok(f.t.service, 'documents.copy', { documentId: id, sourceCopyNo: 1, count: 1, approval: ORIGINATOR })).toEqual({ copyNos: [4] });
    expect(ok(f.t.service, 'documents.copy', { documentId: id, sourceCopyNo: 2, count: 1, approval: SUPERIOR })).toEqual({ copyNos: [5] });
    expect(
      f
        .get(id)
        .events.filter((e) => e.kind === 'copy')
        .map((e) => e.approver),
    ).toEqual(['省局周处长', '国家局吴司长']);
  });

  for (const marking of ['机密★10年', '秘密★5年']) {
    it(`copying ${marking.slice(0, 2)} needs an approver (the unit head is enough)`, () => {
      const f = fixture();
      const id = f.receive({ marking });
      expect(expectRefused(f.t, 'documents.copy', { documentId: id, sourceCopyNo: 1, count: 1 }, 'E_APPROVAL_REQUIRED').details).toEqual({
        rule: 'copy_unit_head',
      });
      ok(f.t.service, 'documents.copy', { documentId: id, sourceCopyNo: 1, count: 1, approval: UNIT_HEAD });
    });
  }

  it('内部 material is copied without approval', () => {
    const f = fixture();
    const id = f.receive({ marking: '内部' });
    expect(ok(f.t.service, 'documents.copy', { documentId: id, sourceCopyNo: 1, count: 1 })).toEqual({ copyNos: [4] });
  });

  it('copies continue the 份号 sequence, carry the 复制件 mark and keep level, period and scope', () => {
    const f = fixture();
    const id = f.receive({ marking: '秘密★5年', scope: ['办公室'] });
    ok(f.t.service, 'documents.lend', lendInput(id, [3]));
    expect(ok(f.t.service, 'documents.copy', { documentId: id, sourceCopyNo: 2, count: 2, approval: UNIT_HEAD })).toEqual({ copyNos: [4, 5] });
    // A copy of a copy continues after the highest number, including numbers on loan.
    expect(ok(f.t.service, 'documents.copy', { documentId: id, sourceCopyNo: 5, count: 1, approval: UNIT_HEAD })).toEqual({ copyNos: [6] });
    const d = f.get(id);
    expect(d).toMatchObject({ level: 'confidential', marking: '秘密★5年', secrecyEnd: '2031-11-02', scope: ['办公室'], copies: 6, copyNos: '0001-0006' });
    expect(d.copyList.slice(3).map((c) => [c.copyNo, c.reproduction, c.sourceCopyNo, c.status, c.location])).toEqual([
      [4, true, 2, 'in_custody', 'BMG-01'],
      [5, true, 2, 'in_custody', 'BMG-01'],
      [6, true, 5, 'in_custody', 'BMG-01'],
    ]);
    expect(d.events.filter((e) => e.kind === 'copy').map((e) => [e.copyNos, e.details.sourceCopyNo])).toEqual([
      [[2, 4, 5], 2],
      [[5, 6], 5],
    ]);
    // The 复制件 is used like an original: lent under the same scope rules.
    expect(expectRefused(f.t, 'documents.lend', lendInput(id, [4], { borrower: { name: '王芳' } }), 'E_APPROVAL_REQUIRED').details).toMatchObject({
      rule: 'outside_scope',
    });
    ok(f.t.service, 'documents.lend', lendInput(id, [4], { borrower: { name: '钱新', department: '办公室' } }));
  });

  it('copies continue after the sender’s own numbering', () => {
    const f = fixture();
    const id = f.receive({ copies: 2, firstCopyNo: 5, marking: '内部' });
    expect(ok(f.t.service, 'documents.copy', { documentId: id, sourceCopyNo: 6, count: 1 })).toEqual({ copyNos: [7] });
  });

  it('a copy only into a location that may hold it: E_LOCATION_LEVEL for 绝密 copied into a 保密柜', () => {
    const f = fixture();
    const id = f.receive({ marking: '绝密★长期', locationId: f.vault });
    expectRefused(f.t, 'documents.copy', { documentId: id, sourceCopyNo: 1, count: 1, approval: ORIGINATOR, locationId: f.cab }, 'E_LOCATION_LEVEL');
    ok(f.t.service, 'documents.copy', { documentId: id, sourceCopyNo: 1, count: 1, approval: ORIGINATOR, locationId: f.vault });
  });

  it('a copy that is on loan cannot be copied', () => {
    const f = fixture();
    const id = f.receive();
    ok(f.t.service, 'documents.lend', lendInput(id, [1]));
    expectRefused(f.t, 'documents.copy', { documentId: id, sourceCopyNo: 1, count: 1, approval: UNIT_HEAD }, 'E_NOT_IN_CUSTODY');
  });
});

describe('保存 move', () => {
  it('绝密 moves only into a location that may hold it', () => {
    const f = fixture();
    const top = f.receive({ marking: '绝密★长期', locationId: f.vault });
    expectRefused(f.t, 'documents.move', { documentId: top, copyNos: [1], locationId: f.cab }, 'E_LOCATION_LEVEL');
    const secret = f.receive();
    ok(f.t.service, 'documents.move', { documentId: secret, copyNos: [1, 2], locationId: f.vault });
    expect(f.get(secret).copyList.map((c) => c.location)).toEqual(['JM-01', 'JM-01', 'BMG-01']);
    expect(f.get(secret).events.at(-1)).toMatchObject({ kind: 'move', counterpart: 'JM-01', copyNos: [1, 2] });
  });

  it('an unknown location is E_NO_SUCH_LOCATION', () => {
    const f = fixture();
    const id = f.receive();
    expectRefused(f.t, 'documents.move', { documentId: id, copyNos: [1], locationId: 999 }, 'E_NO_SUCH_LOCATION');
  });
});

describe('传递 transmit', () => {
  for (const channel of ['普通邮政', '快递', 'EMS', '机要']) {
    it(`${channel} is not a lawful channel: E_FORBIDDEN_CHANNEL`, () => {
      const f = fixture();
      const id = f.receive({ marking: '秘密★5年' });
      expect(expectRefused(f.t, 'documents.transmit', transmitInput(id, [1], { channel }), 'E_FORBIDDEN_CHANNEL').details).toEqual({
        channel,
        rule: 'channel',
      });
    });
  }

  it('机要交通, 机要通信, 机要文件交换站 and 专人送达 are lawful for 机密', () => {
    const f = fixture();
    const id = f.receive({ copies: 4 });
    ['机要交通', '机要通信', '机要文件交换站', '专人送达'].forEach((channel, i) =>
      ok(f.t.service, 'documents.transmit', transmitInput(id, [i + 1], { channel })),
    );
    const d = f.get(id);
    expect(d.counts.transmitted).toBe(4);
    expect(d.copyList[0]).toMatchObject({ status: 'transmitted', holder: '市国家保密局' });
    expect(d.events.filter((e) => e.kind === 'transmit').map((e) => e.details.channel)).toEqual(['机要交通', '机要通信', '机要文件交换站', '专人送达']);
  });

  it('the exchange station does not carry 绝密', () => {
    const f = fixture();
    const id = f.receive({ marking: '绝密★长期', locationId: f.vault });
    expect(expectRefused(f.t, 'documents.transmit', transmitInput(id, [1], { channel: '机要文件交换站' }), 'E_FORBIDDEN_CHANNEL').details).toMatchObject({
      rule: 'exchange_station_level',
    });
    ok(f.t.service, 'documents.transmit', transmitInput(id, [1], { channel: '机要交通' }));
  });

  it('forwarding needs the originator’s (or its superior’s) consent', () => {
    const f = fixture();
    const id = f.receive();
    expect(expectRefused(f.t, 'documents.transmit', transmitInput(id, [1], { forward: true }), 'E_APPROVAL_REQUIRED').details).toEqual({
      rule: 'forward_originator',
    });
    expectRefused(f.t, 'documents.transmit', transmitInput(id, [1], { forward: true, approval: UNIT_HEAD }), 'E_APPROVAL_AUTHORITY');
    ok(f.t.service, 'documents.transmit', transmitInput(id, [1], { forward: true, approval: ORIGINATOR }));
    ok(f.t.service, 'documents.transmit', transmitInput(id, [2], { forward: true, approval: SUPERIOR }));
    expect(
      f
        .get(id)
        .events.filter((e) => e.kind === 'forward')
        .map((e) => e.approver),
    ).toEqual(['省局周处长', '国家局吴司长']);
  });

  it('a receipt confirms a transmission once', () => {
    const f = fixture();
    const id = f.receive();
    ok(f.t.service, 'documents.transmit', transmitInput(id, [1, 2]));
    const sent = f.get(id).events.at(-1)!;
    ok(f.t.service, 'documents.confirmReceipt', { documentId: id, eventId: sent.id, receiptRef: '回执001' });
    expect(f.get(id).events.at(-1)).toMatchObject({ kind: 'receipt_confirmed', copyNos: [1, 2], details: { eventId: sent.id, receiptRef: '回执001' } });
    expectRefused(f.t, 'documents.confirmReceipt', { documentId: id, eventId: sent.id }, 'E_DUPLICATE');
    expectRefused(f.t, 'documents.confirmReceipt', { documentId: id, eventId: f.get(id).events[0]!.id }, 'E_VALIDATION');
  });
});

describe('清退 return to the issuer', () => {
  it('one batch over several documents: a 清退单 number and one event per document', () => {
    const f = fixture();
    const a = f.receive({ mustReturn: true, returnBy: '2026-12-31' });
    const b = f.receive({ mustReturn: true, returnBy: '2027-01-31', copies: 1 });
    const out = ok<{ batchNo: string }>(f.t.service, 'documents.returnToIssuer', {
      items: [
        { documentId: a, copyNos: [1, 2, 3] },
        { documentId: b, copyNos: [1] },
      ],
      toUnit: '省国家保密局',
      returner: '李明',
      receiver: '孙收文',
    });
    expect(out.batchNo).toBe('QT-2026-001');
    expect(f.get(a).counts.returned).toBe(3);
    expect(f.get(b).events.at(-1)).toMatchObject({ kind: 'return_to_issuer', counterpart: '省国家保密局', batchNo: 'QT-2026-001', copyNos: [1] });
  });

  it('a document named twice in one batch is refused', () => {
    const f = fixture();
    const a = f.receive();
    expectRefused(
      f.t,
      'documents.returnToIssuer',
      {
        items: [
          { documentId: a, copyNos: [1] },
          { documentId: a, copyNos: [2] },
        ],
        toUnit: '省国家保密局',
        returner: '李明',
        receiver: '孙收文',
      },
      'E_VALIDATION',
    );
  });
});

describe('变更 change of marking', () => {
  it('records the marking before and after, who decided and the decision document', () => {
    const f = fixture();
    const id = f.receive({ marking: '秘密★5年', scope: ['办公室'] });
    ok(f.t.service, 'documents.changeMarking', {
      documentId: id,
      marking: '机密★10年',
      scope: ['办公室', '综合处'],
      approval: originatorDecision('鲁保函〔2026〕9号'),
    });
    const d = f.get(id);
    expect(d).toMatchObject({ level: 'secret', marking: '机密★10年', secrecyEnd: '2036-11-02', scope: ['办公室', '综合处'] });
    expect(d.events.at(-1)).toMatchObject({
      kind: 'change_marking',
      approver: '省国家保密局',
      details: {
        decisionDocNo: '鲁保函〔2026〕9号',
        before: { marking: '秘密★5年', scope: ['办公室'], secrecyEnd: '2031-11-02' },
        after: { marking: '机密★10年', scope: ['办公室', '综合处'], secrecyEnd: '2036-11-02' },
      },
    });
  });

  it('upward to 绝密 only when every held copy is in a location that may hold it', () => {
    const f = fixture();
    const id = f.receive();
    const up = { documentId: id, marking: '绝密★长期', approval: originatorDecision('鲁保函〔2026〕10号') };
    expect(expectRefused(f.t, 'documents.changeMarking', up, 'E_LOCATION_LEVEL').details).toMatchObject({ location: 'BMG-01', level: 'top_secret' });
    ok(f.t.service, 'documents.move', { documentId: id, copyNos: [1, 2, 3], locationId: f.vault });
    ok(f.t.service, 'documents.changeMarking', up);
    expect(f.get(id)).toMatchObject({ level: 'top_secret', marking: '绝密★长期', secrecyEnd: null });
  });

  it('upward to 绝密 is refused while a copy on loan would come back into a 保密柜', () => {
    const f = fixture();
    const id = f.receive({ copies: 2 });
    ok(f.t.service, 'documents.move', { documentId: id, copyNos: [2], locationId: f.vault });
    ok(f.t.service, 'documents.lend', lendInput(id, [1]));
    expectRefused(
      f.t,
      'documents.changeMarking',
      { documentId: id, marking: '绝密★长期', approval: originatorDecision('鲁保函〔2026〕11号') },
      'E_LOCATION_LEVEL',
    );
  });

  it('declassification records the date and closes further changes', () => {
    const f = fixture();
    const id = f.receive();
    ok(f.t.service, 'documents.changeMarking', { documentId: id, declassify: true, approval: originatorDecision('鲁保解〔2026〕1号') });
    expect(f.get(id)).toMatchObject({ declassified: true, secrecyEnd: '2026-11-25' });
    expect(f.get(id).events.at(-1)).toMatchObject({
      kind: 'declassify',
      details: { before: { secrecyEnd: '2036-11-02' }, after: { secrecyEnd: '2026-11-25' } },
    });
    expectRefused(f.t, 'documents.changeMarking', { documentId: id, declassify: true, approval: originatorDecision('鲁保解〔2026〕2号') }, 'E_VALIDATION');
  });
});

describe('清查 yearly inventory', () => {
  it('marks reported copies missing and records the present ones, loans included', () => {
    const f = fixture();
    const a = f.receive();
    const b = f.receive({ copies: 2 });
    ok(f.t.service, 'documents.lend', lendInput(a, [2]));
    ok(f.t.service, 'documents.destroy', destroyInput(b, [2]));
    const out = ok(f.t.service, 'documents.inventory', { missing: [{ documentId: a, copyNos: [3] }], checkedBy: ['李明', '赵强'] });
    expect(out).toEqual({ batchId: expect.any(Number), batchNo: 'QC-2026-001', present: 3, missing: 1 });
    expect(f.status(a)).toEqual({ 1: 'in_custody', 2: 'on_loan', 3: 'missing' });
    expect(f.get(a).copyList[2]).toMatchObject({ location: null });
    expect(f.get(a).events.at(-1)).toMatchObject({ kind: 'inventory', batchNo: 'QC-2026-001', copyNos: [1, 2, 3], details: { present: [1, 2], missing: [3] } });
    expect(f.get(b).events.at(-1)).toMatchObject({ kind: 'inventory', copyNos: [1], details: { present: [1], missing: [] } });
  });
});

describe('移交 hand-over', () => {
  it('lists every held copy (in the cabinet or on loan), none of the closed ones', () => {
    const f = fixture();
    const a = f.receive();
    const b = f.receive({ copies: 2 });
    const c = f.receive({ copies: 1 });
    ok(f.t.service, 'documents.lend', lendInput(a, [1]));
    ok(f.t.service, 'documents.transmit', transmitInput(a, [3]));
    ok(f.t.service, 'documents.destroy', destroyInput(c, [1]));
    const out = ok(f.t.service, 'documents.handover', { from: '李明', to: '钱新', supervisor: '陈主任' });
    expect(out).toEqual({ batchId: expect.any(Number), batchNo: 'YJ-2026-001', copies: 4 });
    expect(f.get(a).events.at(-1)).toMatchObject({ kind: 'handover', counterpart: '钱新', batchNo: 'YJ-2026-001', details: { from: '李明', copyNos: [1, 2] } });
    expect(f.get(b).events.at(-1)).toMatchObject({ kind: 'handover', details: { copyNos: [1, 2] } });
    expect(f.get(c).events.at(-1)!.kind).toBe('destroy');
    expectRefused(f.t, 'documents.handover', { from: '李明', to: '李明', supervisor: '陈主任' }, 'E_VALIDATION');
  });
});

describe('unknown copies and documents', () => {
  it('unknown 份号 are E_NO_SUCH_COPY naming each of them', () => {
    const f = fixture();
    const id = f.receive();
    const e = expectRefused(f.t, 'documents.lend', lendInput(id, [2, 9, 7]), 'E_NO_SUCH_COPY');
    expect(e.details).toEqual({ documentId: id, copyNos: [7, 9] });
    expect(e.message).toContain('0007, 0009');
    expect(expectRefused(f.t, 'documents.destroy', destroyInput(id, [4]), 'E_NO_SUCH_COPY').details).toEqual({ documentId: id, copyNos: [4] });
    expect(expectRefused(f.t, 'documents.copy', { documentId: id, sourceCopyNo: 5, count: 1, approval: UNIT_HEAD }, 'E_NO_SUCH_COPY').details).toEqual({
      documentId: id,
      copyNos: [5],
    });
    expectRefused(f.t, 'documents.inventory', { missing: [{ documentId: id, copyNos: [8] }], checkedBy: ['李明'] }, 'E_NO_SUCH_COPY');
  });

  it('an unknown document is E_NO_SUCH_DOCUMENT', () => {
    const f = fixture();
    expectRefused(f.t, 'documents.lend', lendInput(42, [1]), 'E_NO_SUCH_DOCUMENT');
    expect(refused(f.t.service, 'documents.get', { id: 42 }).code).toBe('E_NO_SUCH_DOCUMENT');
  });
});

describe('time', () => {
  it('a loan past its due date shows as overdue and the return records it', () => {
    const f = fixture();
    const id = f.receive();
    ok(f.t.service, 'documents.lend', lendInput(id, [1], { dueAt: '2026-11-28' }));
    expect(f.get(id).overdue).toBe(false);
    f.t.clock.advance(4 * DAY);
    expect(f.get(id)).toMatchObject({ overdue: true, copyList: [{ overdue: true }, { overdue: false }, { overdue: false }] });
    ok(f.t.service, 'documents.returnLoan', { documentId: id, copyNos: [1], receivedBy: '李明' });
    expect(f.get(id).events.at(-1)!.details.overdue).toEqual([1]);
  });
});
