// 更正 / 作废 as every host calls them: a correction event with before, after, reason and who, the register's columns
// changed only with it, the registration kept verbatim, key fields and voiding only with an approval.
import { describe, expect, it } from 'vitest';
import { addUser, auditRows, login, makeLedger, ok, refused, withRaw, ADMIN, type SetUpLedger } from '../../testing';
import type { DocumentDetail, DocumentListItem } from '../../views';
import { receiveInput } from '../documents/fixture';
import { computerInput, mediumInput } from '../devices/fixture';
import { createApprover, onTheSpot } from '../approvals/fixture';
import type { LocationEventView } from './locations';

const CUSTODIAN = { username: 'liming', displayName: '李明', roles: ['custodian' as const], password: 'Custodian2026pass' };

function ledger(): SetUpLedger & { cab: number; doc: number } {
  const t = makeLedger();
  // The setup account is the administrator; the registers are a custodian's.
  addUser(t, CUSTODIAN);
  login(t.service, CUSTODIAN.username, CUSTODIAN.password);
  const cab = ok<{ id: number }>(t.service, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' }).id;
  const doc = ok<{ id: number }>(t.service, 'documents.receive', receiveInput(cab, { title: '关于开展年度保密自査工作的通知', receivedAt: '2026-11-20' })).id;
  return Object.assign(t, { cab, doc });
}

const get = (t: SetUpLedger, id: number) => ok<DocumentDetail>(t.service, 'documents.get', { id });
const rawDocument = (t: SetUpLedger, id: number) => withRaw(t, (db) => db.prepare('SELECT * FROM documents WHERE id = ?').get(id) as Record<string, unknown>);
const search = (t: SetUpLedger, query: string) => ok<{ rows: DocumentListItem[] }>(t.service, 'documents.list', { query }).rows.map((r) => r.id);

/** An approval given on the spot by an approver account (signs the custodian back in). */
function approvalOf(t: SetUpLedger) {
  const approver = createApprover(t);
  login(t.service, CUSTODIAN.username, CUSTODIAN.password);
  return onTheSpot(approver.id, approver.password);
}

describe('correcting a document (更正)', () => {
  it('corrects a 标题 typo by a correction event; the register shows the new title, search finds it, the registration stays as entered', () => {
    const t = ledger();
    const registeredEvent = get(t, t.doc).events[0]!;
    const before = rawDocument(t, t.doc);

    const after = ok<DocumentDetail>(t.service, 'documents.correct', {
      documentId: t.doc,
      field: 'title',
      value: '关于开展年度保密自查工作的通知',
      reason: '登记时错字',
    });
    expect(after.title).toBe('关于开展年度保密自查工作的通知');
    const correction = after.events.at(-1)!;
    expect(correction).toMatchObject({
      kind: 'correct',
      recordedBy: CUSTODIAN.displayName,
      approver: null,
      details: { field: 'title', before: '关于开展年度保密自査工作的通知', after: '关于开展年度保密自查工作的通知', reason: '登记时错字' },
    });
    // The first correction keeps the registration as it was entered, every column verbatim.
    const { held_copies: _h, held_originals: _o, ...registered } = before;
    expect(correction.details['registered']).toEqual({ ...registered, copyNos: [1, 2, 3] });
    expect(after.events[0]).toEqual(registeredEvent);

    expect(search(t, '自查工作')).toEqual([t.doc]);
    expect(search(t, '自査工作')).toEqual([]);
    expect(auditRows(t).at(-1)).toMatchObject({ action: 'documents.correct', outcome: 'ok', target: after.receiptNo });

    // A second correction does not take the snapshot again.
    const again = ok<DocumentDetail>(t.service, 'documents.correct', { documentId: t.doc, field: 'remarks', value: '附件另存', reason: '漏填备注' });
    expect(again.remarks).toBe('附件另存');
    expect(again.events.at(-1)!.details['registered']).toBeUndefined();
  });

  it('corrects 来文单位, 成文日期 and 附件 without an approval; 成文日期 moves the secrecy end; refuses no change and a date after registration', () => {
    const t = ledger();
    const unit = ok<DocumentDetail>(t.service, 'documents.correct', { documentId: t.doc, field: 'originUnit', value: '省保密局', reason: '简称有误' });
    expect(unit.originUnit).toBe('省保密局');
    expect(rawDocument(t, t.doc)['doc_key']).toContain('省保密局');
    const dated = ok<DocumentDetail>(t.service, 'documents.correct', { documentId: t.doc, field: 'issueDate', value: '2026-11-01', reason: '日期看错' });
    expect(dated).toMatchObject({ issueDate: '2026-11-01', secrecyEnd: '2036-11-01' });
    expect(ok<DocumentDetail>(t.service, 'documents.correct', { documentId: t.doc, field: 'attachments', value: '附件1份', reason: '漏填' }).attachments).toBe(
      '附件1份',
    );
    expect(refused(t.service, 'documents.correct', { documentId: t.doc, field: 'attachments', value: '附件1份', reason: '再改' })).toMatchObject({
      code: 'E_VALIDATION',
      details: { field: 'change' },
    });
    expect(refused(t.service, 'documents.correct', { documentId: t.doc, field: 'issueDate', value: '2026-11-21', reason: '晚于收文' }).code).toBe(
      'E_VALIDATION',
    );
  });

  it('needs an approval for the key fields (文号, 密级标志, 份数), and records who approved it and how', () => {
    const t = ledger();
    const before = rawDocument(t, t.doc);
    for (const change of [
      { field: 'docNumber', value: '鲁保发〔2026〕99号' },
      { field: 'marking', value: '秘密★10年' },
      { field: 'copies', value: 4 },
    ]) {
      expect(refused(t.service, 'documents.correct', { documentId: t.doc, ...change, reason: '登记有误' }).code).toBe('E_APPROVAL_REQUIRED');
    }
    expect(rawDocument(t, t.doc)).toEqual(before);

    const fixed = ok<DocumentDetail>(t.service, 'documents.correct', {
      documentId: t.doc,
      field: 'docNumber',
      value: '鲁保发〔2026〕99号',
      reason: '文号抄错',
      approval: approvalOf(t),
    });
    expect(fixed.docNumber).toBe('鲁保发〔2026〕99号');
    const event = fixed.events.at(-1)!;
    expect(event).toMatchObject({ kind: 'correct', approver: '王局长', details: { field: 'docNumber', approval: { way: 'on_the_spot' } } });
    const approvalId = withRaw(
      t,
      (db) => (db.prepare(`SELECT approval_id FROM events WHERE id = ?`).get(event.id) as { approval_id: number | null }).approval_id,
    );
    expect(approvalId).toBe((event.details['approval'] as { approvalId: number }).approvalId);
  });

  it('re-reads a corrected marking as registration does: a bad one is refused, one the cabinet cannot hold too, the level follows', () => {
    const t = ledger();
    const grant = approvalOf(t);
    expect(refused(t.service, 'documents.correct', { documentId: t.doc, field: 'marking', value: '机密★100年', reason: '误', approval: grant }).code).toBe(
      'E_BAD_MARKING',
    );
    expect(refused(t.service, 'documents.correct', { documentId: t.doc, field: 'marking', value: '绝密★长期', reason: '误', approval: grant }).code).toBe(
      'E_LOCATION_LEVEL',
    );
    const lower = ok<DocumentDetail>(t.service, 'documents.correct', {
      documentId: t.doc,
      field: 'marking',
      value: '秘密★',
      reason: '密级登记错',
      approval: grant,
    });
    // A bare 秘密★ is the default period, as at registration.
    expect(lower).toMatchObject({ level: 'confidential', marking: '秘密★', secrecyEnd: '2036-11-02' });
    expect(lower.events.at(-1)!.details).toMatchObject({ field: 'marking', before: '机密★10年', after: '秘密★' });
  });

  it('raises 份数 with new copies, and lowers it only by copies nothing has happened to', () => {
    const t = ledger();
    const up = ok<DocumentDetail>(t.service, 'documents.correct', {
      documentId: t.doc,
      field: 'copies',
      value: 5,
      reason: '少登两份',
      approval: approvalOf(t),
    });
    expect(up).toMatchObject({ copies: 5, copyNos: '0001-0005' });
    expect(up.events.at(-1)).toMatchObject({ details: { field: 'copies', before: 3, after: 5 }, copyNos: [4, 5] });
    expect(up.copyList.at(-1)).toMatchObject({ copyNo: 5, status: 'in_custody', location: 'BMG-01' });

    ok(t.service, 'documents.lend', { documentId: t.doc, copyNos: [5], borrower: { name: '王芳' }, dueAt: '2026-11-30' });
    expect(
      refused(t.service, 'documents.correct', { documentId: t.doc, field: 'copies', value: 4, reason: '多登一份', approval: approvalOf(t) }),
    ).toMatchObject({ code: 'E_COPIES_IN_USE', details: { copyNos: [5] } });
    ok(t.service, 'documents.returnLoan', { documentId: t.doc, copyNos: [5], receivedBy: '李明' });
    // Copy 5 was lent (and returned): it stays. Lowering to 4 would have to take it off.
    expect(refused(t.service, 'documents.correct', { documentId: t.doc, field: 'copies', value: 4, reason: '多登一份', approval: approvalOf(t) }).code).toBe(
      'E_COPIES_IN_USE',
    );
  });

  it('takes off the highest untouched copies when 份数 is lowered: they are voided, held no more', () => {
    const t = ledger();
    const down = ok<DocumentDetail>(t.service, 'documents.correct', {
      documentId: t.doc,
      field: 'copies',
      value: 2,
      reason: '实收两份',
      approval: approvalOf(t),
    });
    expect(down).toMatchObject({ copies: 2, copyNos: '0001-0002', counts: { in_custody: 2, voided: 1 } });
    expect(down.copyList.find((c) => c.copyNo === 3)).toMatchObject({ status: 'voided', location: null });
    expect(rawDocument(t, t.doc)['held_copies']).toBe(2);
  });

  it('is the custodian’s: an approver or an auditor cannot correct', () => {
    const t = ledger();
    const approver = createApprover(t);
    login(t.service, approver.username, approver.password);
    expect(refused(t.service, 'documents.correct', { documentId: t.doc, field: 'title', value: '新标题', reason: '误' }).code).toBe('E_FORBIDDEN');
    login(t.service, ADMIN.username, ADMIN.password);
    addUser(t, { username: 'auditor1', roles: ['auditor'], password: 'Auditor2026pass' });
    login(t.service, 'auditor1', 'Auditor2026pass');
    expect(refused(t.service, 'documents.correct', { documentId: t.doc, field: 'title', value: '新标题', reason: '误' }).code).toBe('E_FORBIDDEN');
  });
});

describe('the printed 流转记录 of a corrected or voided item', () => {
  it('prints each correction as a row (field, before → after, reason, approver) and a voided item as voided', () => {
    const t = ledger();
    ok(t.service, 'documents.correct', { documentId: t.doc, field: 'title', value: '关于开展年度保密自查工作的通知', reason: '登记时错字' });
    ok(t.service, 'documents.correct', { documentId: t.doc, field: 'copies', value: 4, reason: '少登一份', approval: approvalOf(t) });
    const form = ok<{ document: { rows: string[][]; fields: { label: string; value: string }[] } }>(t.service, 'print.prepare', {
      request: { kind: 'history', documentId: t.doc },
    }).document;
    expect(form.rows.map((r) => [r[2], r[3], r[5], r[6]])).toEqual([
      ['收文', '0001-0003', '', expect.any(String)],
      ['更正', '', '', '标题：关于开展年度保密自査工作的通知 → 关于开展年度保密自查工作的通知；原因 登记时错字'],
      ['更正', '0004', '王局长（当面审批）', '份数：3 → 4；原因 少登一份'],
    ]);
    expect(form.fields.find((f) => f.label === '标题')!.value).toBe('关于开展年度保密自查工作的通知');

    const other = ok<{ id: number }>(t.service, 'documents.receive', receiveInput(t.cab)).id;
    ok(t.service, 'documents.void', { documentId: other, reason: '重复登记', approval: approvalOf(t) });
    const voided = ok<{ document: { rows: string[][]; fields: { label: string; value: string }[] } }>(t.service, 'print.prepare', {
      request: { kind: 'history', documentId: other },
    }).document;
    expect(voided.fields.find((f) => f.label === '状态')!.value).toBe('已作废');
    expect(voided.rows.at(-1)!.slice(2, 7)).toEqual(['作废', '0001-0003', '', '王局长（当面审批）', '原因 重复登记']);
  });
});

describe('voiding a registration (作废)', () => {
  it('voids a registration nothing has happened to, with a reason and an approval: it stays visible as voided, off holdings and reminders', () => {
    const t = ledger();
    expect(refused(t.service, 'documents.void', { documentId: t.doc, reason: '重复登记' }).code).toBe('E_APPROVAL_REQUIRED');
    const voided = ok<DocumentDetail>(t.service, 'documents.void', { documentId: t.doc, reason: '重复登记', approval: approvalOf(t) });
    expect(voided).toMatchObject({ voided: true, copies: 3, counts: { in_custody: 0, voided: 3 } });
    expect(voided.events.at(-1)).toMatchObject({ kind: 'void', approver: '王局长', details: { reason: '重复登记' }, copyNos: [1, 2, 3] });
    expect(ok<{ rows: DocumentListItem[] }>(t.service, 'documents.list', {}).rows.map((r) => [r.id, r.voided])).toEqual([[t.doc, true]]);
    expect(ok<{ total: number }>(t.service, 'documents.list', { status: 'held' }).total).toBe(0);
    expect(ok<{ heldCopies: number; reviewDue: number }>(t.service, 'reminders.get')).toMatchObject({ heldCopies: 0, reviewDue: 0 });

    // Nothing more is done to it, nor corrected, nor voided again.
    expect(refused(t.service, 'documents.lend', { documentId: t.doc, copyNos: [1], borrower: { name: '王芳' }, dueAt: '2026-11-30' })).toMatchObject({
      code: 'E_NOT_IN_CUSTODY',
      details: { status: 'voided' },
    });
    expect(refused(t.service, 'documents.correct', { documentId: t.doc, field: 'title', value: '新', reason: '误' }).code).toBe('E_VOIDED');
    expect(refused(t.service, 'documents.void', { documentId: t.doc, reason: '再次', approval: approvalOf(t) }).code).toBe('E_VOIDED');
  });

  it('refuses to void once anything has happened to the item (a correction alone is paperwork and does not count)', () => {
    const t = ledger();
    ok(t.service, 'documents.correct', { documentId: t.doc, field: 'remarks', value: '备注', reason: '补' });
    ok(t.service, 'documents.lend', { documentId: t.doc, copyNos: [1], borrower: { name: '王芳' }, dueAt: '2026-11-30' });
    ok(t.service, 'documents.returnLoan', { documentId: t.doc, copyNos: [1], receivedBy: '李明' });
    expect(refused(t.service, 'documents.void', { documentId: t.doc, reason: '重复登记', approval: approvalOf(t) })).toMatchObject({
      code: 'E_NOT_VOIDABLE',
      details: { kind: 'lend' },
    });
    expect(get(t, t.doc).voided).toBe(false);
  });
});

describe('correcting a cabinet (保密柜)', () => {
  it('corrects name and keeper, keeps each in the cabinet’s history; the highest level not below what it holds; out of use only when empty', () => {
    const t = ledger();
    ok(t.service, 'locations.correct', { locationId: t.cab, field: 'keeper', value: '王芳', reason: '保管人登记错' });
    ok(t.service, 'locations.correct', { locationId: t.cab, field: 'name', value: '1号保密柜', reason: '名称统一' });
    expect(refused(t.service, 'locations.correct', { locationId: t.cab, field: 'maxLevel', value: 'confidential', reason: '误' })).toMatchObject({
      code: 'E_LOCATION_LEVEL',
      details: { location: 'BMG-01', level: 'secret' },
    });
    expect(refused(t.service, 'locations.correct', { locationId: t.cab, field: 'active', value: false, reason: '不用了' })).toMatchObject({
      code: 'E_LOCATION_NOT_EMPTY',
      details: { copies: 3 },
    });
    const list = ok<{ id: number; name: string; keeper: string | null }[]>(t.service, 'locations.list');
    expect(list.find((l) => l.id === t.cab)).toMatchObject({ name: '1号保密柜', keeper: '王芳' });
    const history = ok<LocationEventView[]>(t.service, 'locations.history', { locationId: t.cab });
    expect(history.map((h) => h.details)).toEqual([
      { field: 'keeper', before: null, after: '王芳', reason: '保管人登记错' },
      { field: 'name', before: '一号保密柜', after: '1号保密柜', reason: '名称统一' },
    ]);
    expect(history[0]).toMatchObject({ kind: 'correct', recordedBy: CUSTODIAN.displayName });

    const empty = ok<{ id: number }>(t.service, 'locations.create', { code: 'BMG-02', name: '二号柜', maxLevel: 'secret' }).id;
    ok(t.service, 'locations.correct', { locationId: empty, field: 'active', value: false, reason: '柜子已撤' });
    expect(ok<{ id: number; active: boolean }[]>(t.service, 'locations.list').find((l) => l.id === empty)!.active).toBe(false);
    // A 绝密 cabinet has a keeper: the level is not raised without one, nor the keeper removed from one.
    expect(refused(t.service, 'locations.correct', { locationId: empty, field: 'maxLevel', value: 'top_secret', reason: '误' }).code).toBe('E_VALIDATION');
    // An empty keeper is none.
    ok(t.service, 'locations.correct', { locationId: t.cab, field: 'keeper', value: '', reason: '不设专人' });
    expect(ok<{ id: number; keeper: string | null }[]>(t.service, 'locations.list').find((l) => l.id === t.cab)!.keeper).toBeNull();
  });
});

describe('correcting a computer or a medium', () => {
  it('corrects descriptive fields with before and after in the history; a serial is compared after NFKC', () => {
    const t = ledger();
    const pc = ok<{ id: number }>(t.service, 'computers.register', computerInput(1)).id;
    ok(t.service, 'computers.register', computerInput(2));
    ok(t.service, 'computers.correct', { id: pc, field: 'model', value: '联想 启天 M730', reason: '型号抄错' });
    expect(refused(t.service, 'computers.correct', { id: pc, field: 'serial', value: 'ＰＣ-ＳＮ-2', reason: '误' })).toMatchObject({
      code: 'E_DUPLICATE',
      details: { field: 'serial' },
    });
    const detail = ok<{ model: string; history: { kind: string; details: Record<string, unknown>; recordedBy: string }[] }>(t.service, 'computers.get', {
      id: pc,
    });
    expect(detail.model).toBe('联想 启天 M730');
    expect(detail.history.at(-1)).toMatchObject({
      kind: 'correct',
      details: { field: 'model', before: '联想 启天 M720', after: '联想 启天 M730', reason: '型号抄错' },
    });
    // Level and status have their own events: a correction does not take them.
    expect(refused(t.service, 'computers.correct', { id: pc, field: 'level', value: 'confidential', reason: '误' }).code).toBe('E_VALIDATION');

    const medium = ok<{ id: number }>(t.service, 'media.register', mediumInput(1)).id;
    ok(t.service, 'media.correct', { id: medium, field: 'capacity', value: '64GB', reason: '容量看错' });
    expect(ok<{ capacity: string }>(t.service, 'media.get', { id: medium }).capacity).toBe('64GB');
  });
});
