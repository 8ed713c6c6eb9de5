// Using an approval in an action: it must be approved, unused and not expired, name what the action does, and come
// from the authority that decides it; on the spot, the approver's own password. Real ledgers, real accounts.
import { describe, expect, it } from 'vitest';
import { auditRows, login, ok, refused, withRaw } from '../../testing';
import type { ApprovalView, DocumentDetail } from '../../views';
import { receiveInput } from '../documents/fixture';
import { APPROVALS_CUSTODIAN, approvalsLedger, approvedRequest, external, onTheSpot, type ApprovalsLedger } from './fixture';

const CUSTODIAN = APPROVALS_CUSTODIAN;
const DAY = 86_400_000;
type Ledger = ApprovalsLedger;
const ledger = () => approvalsLedger();

const copy = (t: Ledger, approval: unknown, over: Record<string, unknown> = {}) => ({ documentId: t.doc, sourceCopyNo: 1, count: 2, approval, ...over });
const copyRequest = (t: Ledger, over: Record<string, unknown> = {}) => ({
  kind: 'copy',
  subject: { type: 'document', id: t.doc },
  copyNos: [1],
  count: 2,
  ...over,
});
const lastEvent = (t: Ledger, id: number) => ok<DocumentDetail>(t.service, 'documents.get', { id }).events.at(-1)!;

describe('an approved request', () => {
  it('enables the action it names once: the event carries the approval, the approval the event', () => {
    const t = ledger();
    const { grant, approval } = approvedRequest(t, CUSTODIAN, t.approver, copyRequest(t));
    expect(ok(t.service, 'documents.copy', copy(t, grant))).toEqual({ copyNos: [4, 5] });
    expect(lastEvent(t, t.doc)).toMatchObject({
      kind: 'copy',
      approver: '王局长',
      approvalId: approval.id,
      details: { approval: { approvalNo: approval.approvalNo, way: 'in_app' } },
    });
    const used = ok<ApprovalView>(t.service, 'approvals.get', { id: approval.id });
    expect(used).toMatchObject({ status: 'used', usedAt: '2026-11-25T01:00:00.000Z', enabled: { kind: 'copy', register: 'document' } });
    const eventId = withRaw(t, (db) => db.prepare(`SELECT id, approval_id FROM events WHERE kind = 'copy'`).get()) as { id: number; approval_id: number };
    expect(eventId).toEqual({ id: used.enabled!.eventId, approval_id: approval.id });
    // Used once.
    expect(refused(t.service, 'documents.copy', copy(t, grant))).toMatchObject({
      code: 'E_APPROVAL_UNUSABLE',
      details: { approvalNo: approval.approvalNo, status: 'used', at: '2026-11-25T01:00:00.000Z' },
    });
  });

  it('a paper 审批单 recorded with its number enables the action like an in-app decision', () => {
    const t = ledger();
    const { id } = ok<{ id: number }>(t.service, 'approvals.request', { ...copyRequest(t), reason: '会议' });
    ok(t.service, 'approvals.recordPaper', { id, approverId: t.approver.id, decision: 'approved', paperNo: 'SPD-017', decidedAt: '2026-11-25' });
    ok(t.service, 'documents.copy', copy(t, { way: 'request', approvalId: id }));
    expect(ok<ApprovalView>(t.service, 'approvals.get', { id })).toMatchObject({ status: 'used', way: 'paper', paperNo: 'SPD-017' });
  });

  // Found by the statistics e2e: a paper 审批单 of months ago had lapsed by the day it was entered, so the late entry of
  // the copy it approved, made while it was valid, was refused as expired. An approval lapses for actions dated after it.
  it('a paper 审批单 of months ago enables the late entry of what it approved while valid; an action dated after its lapse is refused', () => {
    const t = approvalsLedger({ doc: { receivedAt: '2026-03-01', issueDate: '2026-02-20' } });
    const { id, approvalNo } = ok<{ id: number; approvalNo: string }>(t.service, 'approvals.request', { ...copyRequest(t), reason: '会议' });
    ok(t.service, 'approvals.recordPaper', { id, approverId: t.approver.id, decision: 'approved', paperNo: 'SPD-003', decidedAt: '2026-03-10' });
    const grant = { way: 'request', approvalId: id };
    expect(refused(t.service, 'documents.copy', copy(t, grant, { at: '2026-04-20' }))).toMatchObject({
      code: 'E_APPROVAL_UNUSABLE',
      details: { approvalNo, status: 'expired' },
    });
    expect(ok(t.service, 'documents.copy', copy(t, grant, { at: '2026-03-12' }))).toEqual({ copyNos: [4, 5] });
    expect(ok<ApprovalView>(t.service, 'approvals.get', { id })).toMatchObject({ status: 'used', paperNo: 'SPD-003' });
  });

  it('is refused while pending, when refused, after it expired, and for another action, item or more copies', () => {
    const t = ledger();
    const pending = ok<{ id: number; approvalNo: string }>(t.service, 'approvals.request', { ...copyRequest(t), reason: '会议' });
    expect(refused(t.service, 'documents.copy', copy(t, { way: 'request', approvalId: pending.id }))).toMatchObject({
      code: 'E_APPROVAL_UNUSABLE',
      details: { status: 'pending' },
    });
    const no = approvedRequest(t, CUSTODIAN, t.approver, copyRequest(t), 'refused');
    expect(refused(t.service, 'documents.copy', copy(t, no.grant))).toMatchObject({ code: 'E_APPROVAL_UNUSABLE', details: { status: 'refused' } });

    const yes = approvedRequest(t, CUSTODIAN, t.approver, copyRequest(t));
    expect(refused(t.service, 'documents.copy', copy(t, yes.grant, { count: 3 }))).toMatchObject({
      code: 'E_APPROVAL_MISMATCH',
      details: { rule: 'count', approved: 2, asked: 3 },
    });
    expect(refused(t.service, 'documents.copy', copy(t, yes.grant, { sourceCopyNo: 2 }))).toMatchObject({
      code: 'E_APPROVAL_MISMATCH',
      details: { rule: 'copies', approved: '0001', asked: '0002' },
    });
    const other = ok<{ id: number }>(t.service, 'documents.receive', receiveInput(1)).id;
    expect(refused(t.service, 'documents.copy', copy(t, yes.grant, { documentId: other }))).toMatchObject({
      code: 'E_APPROVAL_MISMATCH',
      details: { rule: 'subject', approved: '2026-0001', asked: '2026-0003' },
    });
    const outsider = { name: '赵六', department: '财务处' };
    expect(
      refused(t.service, 'documents.lend', { documentId: t.doc, copyNos: [1], borrower: outsider, dueAt: '2026-12-10', approval: yes.grant }),
    ).toMatchObject({ code: 'E_APPROVAL_MISMATCH', details: { rule: 'kind', approved: 'copy', asked: 'lend_outside_scope' } });
    // Still unused after those refusals; it lapses approvalValidDays (30) after the decision.
    t.clock.advance(30 * DAY);
    expect(refused(t.service, 'documents.copy', copy(t, yes.grant))).toMatchObject({
      code: 'E_APPROVAL_UNUSABLE',
      details: { status: 'expired', at: '2026-12-25T01:00:00.000Z' },
    });
    expect(ok<ApprovalView>(t.service, 'approvals.get', { id: yes.approval.id }).status).toBe('expired');
  });

  it('from inside the unit does not do where the originator decides (a 绝密 copy)', () => {
    const t = ledger();
    const { grant } = approvedRequest(t, CUSTODIAN, t.approver, { kind: 'copy', subject: { type: 'document', id: t.topSecret }, copyNos: [1], count: 1 });
    expect(refused(t.service, 'documents.copy', { documentId: t.topSecret, sourceCopyNo: 1, count: 1, approval: grant })).toMatchObject({
      code: 'E_APPROVAL_AUTHORITY',
      details: { kind: 'copy', needs: 'external', way: 'in_app' },
    });
  });
});

describe('on the spot (当面审批)', () => {
  it('checks the approver’s own password, keeps it nowhere, and records the approval as given by that account then', () => {
    const t = ledger();
    const before = auditRows(t).length;
    ok(t.service, 'documents.copy', copy(t, onTheSpot(t.approver.id, t.approver.password)));
    const [approval] = ok<ApprovalView[]>(t.service, 'approvals.list', {});
    expect(approval).toMatchObject({
      approvalNo: 'SP-2026-0001',
      kind: 'copy',
      way: 'on_the_spot',
      status: 'used',
      decidedBy: { id: t.approver.id, displayName: '王局长' },
      decidedAt: '2026-11-25T01:00:00.000Z',
      requestedBy: { displayName: '李明' },
      copyNos: [1],
      count: 2,
      enabled: { kind: 'copy' },
    });
    expect(lastEvent(t, t.doc)).toMatchObject({ approver: '王局长', details: { approval: { approvalNo: 'SP-2026-0001', way: 'on_the_spot' } } });
    const entries = auditRows(t).slice(before);
    expect(entries).toMatchObject([{ action: 'documents.copy', outcome: 'ok' }]);
    expect(entries[0]!.summary).not.toContain(t.approver.password);
    withRaw(t, (db) => {
      const everything = JSON.stringify(
        (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map(({ name }) =>
          db.prepare(`SELECT * FROM "${name}"`).all(),
        ),
      );
      expect(everything).not.toContain(t.approver.password);
    });
  });

  it('refuses a wrong password (counted like any failed attempt), a non-approver or disabled account, and the custodian themselves', () => {
    const t = ledger();
    const wrong = refused(t.service, 'documents.copy', copy(t, onTheSpot(t.approver.id, 'Guess2026pass')));
    expect(wrong).toMatchObject({ code: 'E_APPROVER_PASSWORD', details: { approver: '王局长' } });
    const [entry] = auditRows(t).slice(-1);
    expect(entry).toMatchObject({ outcome: 'refused', error_code: 'E_APPROVER_PASSWORD' });
    expect(entry!.summary).not.toContain('Guess2026pass');
    const custodianId = withRaw(t, (db) => (db.prepare(`SELECT id FROM accounts WHERE username = 'liming'`).get() as { id: number }).id);
    expect(refused(t.service, 'documents.copy', copy(t, onTheSpot(custodianId, CUSTODIAN.password)))).toMatchObject({
      code: 'E_NOT_AN_APPROVER',
      details: { approver: '李明', reason: 'role' },
    });
    login(t.service, 'zhangwei', 'Admin2026pass');
    // An approver still on the temporary password the administrator typed.
    ok(t.service, 'account.create', { username: 'newhead', displayName: '新局长', roles: ['approver'], password: 'Temporary2026pass' });
    const newHead = withRaw(t, (db) => (db.prepare(`SELECT id FROM accounts WHERE username = 'newhead'`).get() as { id: number }).id);
    login(t.service, CUSTODIAN.username, CUSTODIAN.password);
    expect(refused(t.service, 'documents.copy', copy(t, onTheSpot(newHead, 'Temporary2026pass')))).toMatchObject({
      code: 'E_NOT_AN_APPROVER',
      details: { approver: '新局长', reason: 'temporary_password' },
    });
    login(t.service, 'zhangwei', 'Admin2026pass');
    ok(t.service, 'account.update', { username: t.approver.username, active: false });
    login(t.service, CUSTODIAN.username, CUSTODIAN.password);
    expect(refused(t.service, 'documents.copy', copy(t, onTheSpot(t.approver.id, t.approver.password)))).toMatchObject({
      code: 'E_NOT_AN_APPROVER',
      details: { reason: 'inactive' },
    });
    expect(ok<ApprovalView[]>(t.service, 'approvals.list', {})).toEqual([]);
  });

  it('is an approval of the unit: not where the originator decides', () => {
    const t = ledger();
    expect(
      refused(t.service, 'documents.copy', { documentId: t.topSecret, sourceCopyNo: 1, count: 1, approval: onTheSpot(t.approver.id, t.approver.password) }),
    ).toMatchObject({
      code: 'E_APPROVAL_AUTHORITY',
      details: { needs: 'external', way: 'on_the_spot' },
    });
  });
});

describe('an external decision', () => {
  it('names the issuing body, its document number and date, is shown as external, and is never enough where the unit decides', () => {
    const t = ledger();
    ok(t.service, 'documents.copy', {
      documentId: t.topSecret,
      sourceCopyNo: 1,
      count: 1,
      approval: external('省国家保密局', '鲁保函〔2026〕8号', '2026-11-24'),
    });
    expect(lastEvent(t, t.topSecret)).toMatchObject({ kind: 'copy', approver: '省国家保密局', details: { approval: { way: 'external' } } });
    expect(ok<ApprovalView[]>(t.service, 'approvals.list', { kind: 'copy' })[0]).toMatchObject({
      way: 'external',
      decidedBy: null,
      external: { body: '省国家保密局', docNo: '鲁保函〔2026〕8号', date: '2026-11-24' },
      status: 'used',
    });
    expect(refused(t.service, 'documents.copy', copy(t, external()))).toMatchObject({
      code: 'E_APPROVAL_AUTHORITY',
      details: { needs: 'unit', way: 'external' },
    });
    expect(
      refused(t.service, 'documents.copy', {
        documentId: t.topSecret,
        sourceCopyNo: 1,
        count: 1,
        approval: external('省国家保密局', '鲁保函〔2026〕8号', '2026-11-26'),
      }).code,
    ).toBe('E_VALIDATION');
    // A typed name alone is no approval.
    expect(refused(t.service, 'documents.copy', copy(t, { approver: '王局长' })).code).toBe('E_VALIDATION');
  });
});

describe('the action’s date', () => {
  // A late entry is dated when it happened: the approval it carries must already have been given then.
  const early = (t: Ledger) =>
    ok<{ id: number }>(t.service, 'documents.receive', receiveInput(ok<{ id: number }[]>(t.service, 'locations.list', {})[0]!.id, { receivedAt: '2026-11-10' }))
      .id;

  it('an approval given today does not cover an action dated before today (on the spot, an in-app decision)', () => {
    const t = ledger();
    const doc = early(t);
    const spot = onTheSpot(t.approver.id, t.approver.password);
    expect(refused(t.service, 'documents.copy', { documentId: doc, sourceCopyNo: 1, count: 1, approval: spot, at: '2026-11-20' })).toMatchObject({
      code: 'E_DATE_ORDER',
      details: { rule: 'before_approval', at: '2026-11-20', earliest: '2026-11-25' },
    });
    const { grant } = approvedRequest(t, CUSTODIAN, t.approver, { kind: 'copy', subject: { type: 'document', id: doc }, copyNos: [1], count: 1 });
    expect(refused(t.service, 'documents.copy', { documentId: doc, sourceCopyNo: 1, count: 1, approval: grant, at: '2026-11-24' })).toMatchObject({
      code: 'E_DATE_ORDER',
      details: { rule: 'before_approval', earliest: '2026-11-25' },
    });
    // Nothing was written by the refusals: the approval is still unused, no copy was made.
    expect(ok<ApprovalView>(t.service, 'approvals.get', { id: (grant as { approvalId: number }).approvalId }).status).toBe('approved');
    expect(ok<DocumentDetail>(t.service, 'documents.get', { id: doc }).copyList).toHaveLength(3);
    ok(t.service, 'documents.copy', { documentId: doc, sourceCopyNo: 1, count: 1, approval: grant });
  });

  it('an external decision dated after the action does not cover it; one dated that day does', () => {
    const t = ledger();
    const vault = ok<{ id: number; maxLevel: string }[]>(t.service, 'locations.list', {}).find((l) => l.maxLevel === 'top_secret')!.id;
    const doc = ok<{ id: number }>(t.service, 'documents.receive', receiveInput(vault, { marking: '绝密★长期', receivedAt: '2026-11-10' })).id;
    const input = (date: string) => ({
      documentId: doc,
      sourceCopyNo: 1,
      count: 1,
      approval: external('省国家保密局', '鲁保函〔2026〕9号', date),
      at: '2026-11-20',
    });
    expect(refused(t.service, 'documents.copy', input('2026-11-21'))).toMatchObject({
      code: 'E_DATE_ORDER',
      details: { rule: 'before_approval', at: '2026-11-20', earliest: '2026-11-21' },
    });
    ok(t.service, 'documents.copy', input('2026-11-20'));
  });

  it('a paper 审批单 signed before the request was entered covers a late entry of what it approved', () => {
    const t = ledger();
    const doc = early(t);
    const { id } = ok<{ id: number }>(t.service, 'approvals.request', {
      kind: 'copy',
      subject: { type: 'document', id: doc },
      copyNos: [1],
      count: 1,
      reason: '补登',
    });
    ok(t.service, 'approvals.recordPaper', { id, approverId: t.approver.id, decision: 'approved', paperNo: 'SPD-020', decidedAt: '2026-11-18' });
    ok(t.service, 'documents.copy', { documentId: doc, sourceCopyNo: 1, count: 1, approval: { way: 'request', approvalId: id }, at: '2026-11-19' });
    expect(ok<ApprovalView>(t.service, 'approvals.get', { id })).toMatchObject({ status: 'used', decidedAt: '2026-11-18' });
  });
});
