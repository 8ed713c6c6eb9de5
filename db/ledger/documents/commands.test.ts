// The documents register's commands as every host calls them: roles, one audit entry per command,
// no event dated in the future, and the checks made at the boundary.
import { describe, expect, it } from 'vitest';
import { documentCommands } from './commands';
import type { LedgerErrorShape } from '../../errors';
import { receiveInput } from './fixture';
import { ADMIN, addUser, auditRows, login, makeLedger, ok, refused, withRaw, type SetUpLedger } from '../../testing';
import { external, spotApproval } from '../approvals/fixture';
import type { ApprovalGrant } from '../approvals/fields';
import type { DocumentDetail } from '../../views';

const APPROVER = { username: 'approver1', roles: ['approver' as const], password: 'Approver2026pass' };
const AUDITOR = { username: 'auditor1', roles: ['auditor' as const], password: 'Auditor2026pass' };

const entries = Object.entries(documentCommands);
const writers = entries.filter(([, c]) => c.mutates).map(([n]) => n);
const readers = entries.filter(([, c]) => !c.mutates).map(([n]) => n);

interface Ids {
  cab: number;
  vault: number;
  doc: number;
}

/** The unit head's approval, on the spot by the ledger's approver 陈主任 (set with each new ledger). */
let SPOT: ApprovalGrant;

function registerSnapshot(t: SetUpLedger): unknown {
  return withRaw(t, (db) =>
    Object.fromEntries(
      ['locations', 'documents', 'copies', 'events', 'event_copies', 'batches', 'settings', 'accounts'].map((name) => [
        name,
        db.prepare(`SELECT * FROM "${name}"`).all(),
      ]),
    ),
  );
}

function expectRefused(t: SetUpLedger, actor: string, name: string, input: unknown, code: string): LedgerErrorShape {
  const before = registerSnapshot(t);
  const audit = auditRows(t);
  const error = refused(t.service, name, input);
  expect({ name, code: error.code }).toEqual({ name, code });
  expect(registerSnapshot(t)).toEqual(before);
  const after = auditRows(t);
  expect(after.slice(0, audit.length)).toEqual(audit);
  expect(after.slice(audit.length)).toMatchObject([{ actor, action: name, outcome: 'refused', error_code: code }]);
  return error;
}

function ledger(): SetUpLedger & Ids {
  const t = makeLedger();
  SPOT = spotApproval(t);
  const cab = ok<{ id: number }>(t.service, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' }).id;
  const vault = ok<{ id: number }>(t.service, 'locations.create', { code: 'JM-01', name: '绝密专柜', maxLevel: 'top_secret', keeper: '刘专管' }).id;
  const doc = ok<{ id: number }>(t.service, 'documents.receive', RECEIVE(cab)).id;
  return Object.assign(t, { cab, vault, doc });
}

const RECEIVE = (locationId: number, over: Record<string, unknown> = {}) => receiveInput(locationId, { copies: 5, ...over });

/** A valid input for every command of the register, on a ledger made by `ledger()`. */
const SAMPLE: Record<string, (ids: Ids) => Record<string, unknown>> = {
  'locations.create': () => ({ code: 'BMG-02', name: '二号保密柜', maxLevel: 'confidential' }),
  'documents.receive': (ids) => RECEIVE(ids.cab, { title: '第二份来文', copies: 2 }),
  'documents.produce': (ids) => ({
    title: '本单位保密工作方案',
    originUnit: '本单位办公室',
    marking: '秘密★5年',
    issueDate: '2026-11-20',
    scope: ['办公室'],
    copies: 2,
    locationId: ids.cab,
    producedBy: '李明',
    classifiedBy: '陈主任',
    classificationBasis: '保密事项范围第3条',
  }),
  'documents.lend': (ids) => ({ documentId: ids.doc, copyNos: [1], borrower: { name: '王芳', department: '办公室' }, dueAt: '2026-12-10' }),
  'documents.returnLoan': (ids) => ({ documentId: ids.doc, copyNos: [1], receivedBy: '李明' }),
  'documents.transmit': (ids) => ({ documentId: ids.doc, copyNos: [2], toUnit: '市国家保密局', channel: '机要交通', handledBy: '李明' }),
  'documents.confirmReceipt': (ids) => ({ documentId: ids.doc, eventId: 999, receiptRef: '回执001' }),
  'documents.move': (ids) => ({ documentId: ids.doc, copyNos: [3], locationId: ids.vault }),
  'documents.copy': (ids) => ({ documentId: ids.doc, sourceCopyNo: 3, count: 1, approval: SPOT }),
  'documents.returnToIssuer': (ids) => ({ items: [{ documentId: ids.doc, copyNos: [4] }], toUnit: '省国家保密局', returner: '李明', receiver: '孙收文' }),
  'documents.destroy': (ids) => ({
    items: [{ documentId: ids.doc, copyNos: [5] }],
    approval: SPOT,
    method: 'shredder',
    place: '保密室',
    destroyers: ['李明'],
    witnesses: ['赵强'],
  }),
  'documents.changeMarking': (ids) => ({
    documentId: ids.doc,
    scope: ['办公室', '王芳', '综合处'],
    approval: external('省国家保密局', '鲁保函〔2026〕9号'),
  }),
  'documents.review': (ids) => ({ documentIds: [ids.doc], reviewedBy: '陈主任', conclusion: '维持原密级' }),
  'documents.inventory': (ids) => ({ missing: [{ documentId: ids.doc, copyNos: [1, 6] }], checkedBy: ['李明', '赵强'] }),
  'documents.found': (ids) => ({ documentId: ids.doc, copyNos: [1], locationId: ids.cab }),
  'documents.reportLost': (ids) => ({ documentId: ids.doc, copyNos: [6], reportRef: '保密局备案〔2026〕3号' }),
  'documents.handover': () => ({ from: '李明', to: '钱新', supervisor: '陈主任' }),
  'documents.handoverPreview': () => ({ from: '李明', to: '钱新', supervisor: '陈主任' }),
  'locations.list': () => ({}),
  'documents.list': () => ({ query: '保密自查', levels: ['secret'] }),
  'documents.get': (ids) => ({ id: ids.doc }),
  'documents.suggest': () => ({ field: 'unit', prefix: '省' }),
  'documents.lookup': () => ({ query: '2026-0001' }),
  'reminders.get': () => ({}),
};

/** The field that dates the event, per command. */
const DATE_FIELD: Record<string, string> = { 'documents.receive': 'receivedAt', 'documents.produce': 'producedAt' };

describe('the register’s command table', () => {
  it('has a sample input for every command, writers only for the custodian, readers for custodian, approver and auditor', () => {
    expect(Object.keys(SAMPLE).sort()).toEqual(entries.map(([n]) => n).sort());
    for (const [name, c] of entries) {
      expect({ name, roles: c.roles }).toEqual({ name, roles: c.mutates ? ['custodian'] : ['custodian', 'approver', 'auditor'] });
    }
  });
});

describe('roles', () => {
  it('an approver or an auditor cannot write: every writing command is E_FORBIDDEN, nothing changes, one refused entry each', () => {
    const t = ledger();
    addUser(t, APPROVER);
    addUser(t, AUDITOR);
    for (const user of [APPROVER, AUDITOR]) {
      login(t.service, user.username, user.password);
      for (const name of writers) {
        const e = expectRefused(t, user.username, name, SAMPLE[name]!(t), 'E_FORBIDDEN');
        expect(e.details).toEqual({ command: name, needs: ['custodian'] });
      }
    }
  });

  it('an approver and an auditor can read the register', () => {
    const t = ledger();
    addUser(t, APPROVER);
    addUser(t, AUDITOR);
    for (const user of [APPROVER, AUDITOR]) {
      login(t.service, user.username, user.password);
      for (const name of readers) ok(t.service, name, SAMPLE[name]!(t));
      expect(ok<{ total: number }>(t.service, 'documents.list', SAMPLE['documents.list']!(t)).total).toBe(1);
      expect(ok<DocumentDetail>(t.service, 'documents.get', { id: t.doc }).copies).toBe(5);
      expect(ok(t.service, 'documents.suggest', { field: 'unit', prefix: '省' })).toEqual(['省国家保密局']);
    }
  });

  it('an administrator without the custodian role cannot write either', () => {
    const t = ledger();
    addUser(t, { username: 'admin2', roles: ['admin'], password: 'Admin2026pass2' });
    login(t.service, 'admin2', 'Admin2026pass2');
    expectRefused(t, 'admin2', 'documents.lend', SAMPLE['documents.lend']!(t), 'E_FORBIDDEN');
  });

  it('signed out, nothing is read or written', () => {
    const t = ledger();
    ok(t.service, 'session.logout');
    expect(refused(t.service, 'documents.list', {}).code).toBe('E_NOT_LOGGED_IN');
    expect(refused(t.service, 'documents.lend', SAMPLE['documents.lend']!(t)).code).toBe('E_NOT_LOGGED_IN');
  });
});

describe('audit', () => {
  it('every accepted command adds exactly one ok entry by its actor, naming the 收文编号 or the batch', () => {
    const t = ledger();
    const targets: Record<string, string> = {
      'locations.create': 'BMG-02',
      'documents.receive': '2026-0002',
      'documents.produce': '2026-0003',
      'documents.returnToIssuer': 'QT-2026-001',
      'documents.destroy': 'XH-2026-001',
      'documents.inventory': 'QC-2026-001',
      'documents.handover': 'YJ-2026-001',
    };
    for (const name of writers) {
      const input = SAMPLE[name]!(t);
      if (name === 'documents.confirmReceipt')
        input.eventId = ok<DocumentDetail>(t.service, 'documents.get', { id: t.doc }).events.find((e) => e.kind === 'transmit')!.id;
      const before = auditRows(t);
      ok(t.service, name, input);
      const after = auditRows(t);
      expect(after.slice(0, before.length)).toEqual(before);
      expect(after.slice(before.length)).toMatchObject([
        {
          actor: ADMIN.username,
          action: name,
          kind: name.split('.')[0],
          outcome: 'ok',
          error_code: null,
          target: targets[name] ?? (name === 'documents.review' ? null : '2026-0001'),
        },
      ]);
    }
    // Reads are not audited.
    const before = auditRows(t).length;
    for (const name of readers) ok(t.service, name, SAMPLE[name]!(t));
    expect(auditRows(t).length).toBe(before);
  });
});

describe('events are never dated in the future', () => {
  it('every writing command with a date refuses tomorrow (E_VALIDATION field at) and accepts today', () => {
    const t = ledger();
    const dated = writers.filter((n) => n !== 'locations.create');
    for (const name of dated) {
      const field = DATE_FIELD[name] ?? 'at';
      for (const tomorrow of ['2026-11-26', '2026-11-26T08:00:00+08:00', '2027-01-01T00:00:00Z']) {
        const e = expectRefused(t, ADMIN.username, name, { ...SAMPLE[name]!(t), [field]: tomorrow }, 'E_VALIDATION');
        expect(e.details).toEqual({ field: 'at' });
      }
    }
    const at = ok<DocumentDetail>(t.service, 'documents.get', { id: t.doc });
    expect(at.events).toHaveLength(1);
    ok(t.service, 'documents.lend', { ...SAMPLE['documents.lend']!(t), at: '2026-11-25' });
    ok(t.service, 'documents.returnLoan', { ...SAMPLE['documents.returnLoan']!(t), at: '2026-11-25T09:00:00+08:00' });
    expect(
      ok<DocumentDetail>(t.service, 'documents.get', { id: t.doc })
        .events.slice(1)
        .map((e) => [e.kind, e.at]),
    ).toEqual([
      ['lend', '2026-11-25'],
      ['return_loan', '2026-11-25T09:00:00+08:00'],
    ]);
  });

  it('the registration date cannot precede the issue date', () => {
    const t = ledger();
    expectRefused(t, ADMIN.username, 'documents.receive', RECEIVE(t.cab, { issueDate: '2026-11-20', receivedAt: '2026-11-19' }), 'E_VALIDATION');
  });
});

describe('boundary checks', () => {
  it('a document the unit produces needs its 定密责任人 and 定密依据 unless it is 内部', () => {
    const t = ledger();
    const { classifiedBy: _a, classificationBasis: _b, ...bare } = SAMPLE['documents.produce']!(t);
    expectRefused(t, ADMIN.username, 'documents.produce', bare, 'E_VALIDATION');
    ok(t.service, 'documents.produce', { ...bare, marking: '内部' });
    const id = ok<{ id: number }>(t.service, 'documents.produce', SAMPLE['documents.produce']!(t)).id;
    expect(ok<DocumentDetail>(t.service, 'documents.get', { id })).toMatchObject({
      origin: 'produced',
      classifiedBy: '陈主任',
      events: [{ kind: 'produce', counterpart: '本单位办公室' }],
    });
  });

  it('a location for 绝密 needs its keeper; codes are unique regardless of case', () => {
    const t = ledger();
    expectRefused(t, ADMIN.username, 'locations.create', { code: 'JM-02', name: '绝密专柜二', maxLevel: 'top_secret' }, 'E_VALIDATION');
    expectRefused(t, ADMIN.username, 'locations.create', { code: 'bmg-01', name: '重复', maxLevel: 'secret' }, 'E_DUPLICATE');
  });

  it('a malformed marking is E_BAD_MARKING; a malformed input is E_VALIDATION; both change nothing', () => {
    const t = ledger();
    expectRefused(t, ADMIN.username, 'documents.receive', RECEIVE(t.cab, { marking: '机密10年' }), 'E_BAD_MARKING');
    expectRefused(t, ADMIN.username, 'documents.receive', RECEIVE(t.cab, { copies: 0 }), 'E_VALIDATION');
    expectRefused(t, ADMIN.username, 'documents.lend', { ...SAMPLE['documents.lend']!(t), copyNos: [] }, 'E_VALIDATION');
    expectRefused(t, ADMIN.username, 'documents.lend', { ...SAMPLE['documents.lend']!(t), extra: 1 }, 'E_VALIDATION');
  });

  it('suggestions offer units and people typed before', () => {
    const t = ledger();
    ok(t.service, 'documents.lend', { ...SAMPLE['documents.lend']!(t), borrower: { name: '王芳' } });
    ok(t.service, 'documents.transmit', SAMPLE['documents.transmit']!(t));
    expect(ok(t.service, 'documents.suggest', { field: 'unit', prefix: '' })).toEqual(['市国家保密局', '省国家保密局'].sort());
    expect(ok(t.service, 'documents.suggest', { field: 'person', prefix: '王' })).toEqual(['王芳']);
    expect(ok(t.service, 'documents.suggest', { field: 'unit', prefix: '%' })).toEqual([]);
  });
});

describe('one action, one round trip', () => {
  it('receive and produce return the document as registered, with its 收文编号; lend and returnLoan return it as it now is', () => {
    const t = ledger();
    const received = ok<DocumentDetail>(t.service, 'documents.receive', RECEIVE(t.cab, { title: '第二份来文', copies: 2 }));
    expect(received).toEqual(ok<DocumentDetail>(t.service, 'documents.get', { id: received.id }));
    expect(received.receiptNo).toMatch(/^\d{4}-\d{4}$/);
    const produced = ok<DocumentDetail>(t.service, 'documents.produce', SAMPLE['documents.produce']!(t));
    expect(produced).toEqual(ok<DocumentDetail>(t.service, 'documents.get', { id: produced.id }));
    const lent = ok<DocumentDetail>(t.service, 'documents.lend', SAMPLE['documents.lend']!(t));
    expect(lent.copyList.find((c) => c.copyNo === 1)).toMatchObject({ status: 'on_loan', holder: '王芳' });
    expect(lent).toEqual(ok<DocumentDetail>(t.service, 'documents.get', { id: t.doc }));
    const back = ok<DocumentDetail>(t.service, 'documents.returnLoan', SAMPLE['documents.returnLoan']!(t));
    expect(back.copyList.find((c) => c.copyNo === 1)).toMatchObject({ status: 'in_custody', holder: null });
    expect(back).toEqual(ok<DocumentDetail>(t.service, 'documents.get', { id: t.doc }));
  });
});
