// Approvals as every host calls them: a custodian's request, decided in the app by an approver (never by the one who
// asked) or recorded from a signed paper 审批单; append-only; each step an audit entry.
import { describe, expect, it } from 'vitest';
import { addUser, auditRows, login, makeLedger, ok, refused, withRaw, type SetUpLedger } from '../../testing';
import type { ApprovalView, ReminderCounts } from '../../views';
import { receiveInput } from '../documents/fixture';
import { createApprover, type TestApprover } from './fixture';

const CUSTODIAN = { username: 'liming', displayName: '李明', roles: ['custodian' as const], password: 'Custodian2026pass' };

function ledger(): SetUpLedger & { doc: number; approver: TestApprover } {
  const t = makeLedger();
  addUser(t, CUSTODIAN);
  const approver = createApprover(t);
  login(t.service, CUSTODIAN.username, CUSTODIAN.password);
  const cab = ok<{ id: number }>(t.service, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' }).id;
  const doc = ok<{ id: number }>(t.service, 'documents.receive', receiveInput(cab)).id;
  return Object.assign(t, { doc, approver });
}

const request = (t: SetUpLedger & { doc: number }, over: Record<string, unknown> = {}) =>
  ok<{ id: number; approvalNo: string }>(t.service, 'approvals.request', {
    kind: 'copy',
    subject: { type: 'document', id: t.doc },
    copyNos: [1],
    count: 2,
    reason: '会议需要',
    ...over,
  });

describe('approvals', () => {
  it('files a request numbered SP-<year>-<seq:4>, pending until the approver decides it in the app', () => {
    const t = ledger();
    const { id, approvalNo } = request(t);
    expect(approvalNo).toBe('SP-2026-0001');
    expect(request(t).approvalNo).toBe('SP-2026-0002');
    const pending = ok<ApprovalView>(t.service, 'approvals.get', { id });
    expect(pending).toMatchObject({
      approvalNo,
      kind: 'copy',
      subject: { type: 'document', id: t.doc, label: '2026-0001' },
      copyNos: [1],
      count: 2,
      reason: '会议需要',
      requestedBy: { displayName: '李明' },
      status: 'pending',
      way: null,
      decidedBy: null,
      enabled: null,
    });

    login(t.service, t.approver.username, t.approver.password);
    expect(ok<ApprovalView[]>(t.service, 'approvals.list', { status: 'pending' }).map((a) => a.approvalNo)).toEqual(['SP-2026-0002', 'SP-2026-0001']);
    const decided = ok<ApprovalView>(t.service, 'approvals.decide', { id, decision: 'approved', note: '同意复制两份' });
    expect(decided).toMatchObject({
      status: 'approved',
      way: 'in_app',
      decidedBy: { id: t.approver.id, displayName: '王局长' },
      decidedAt: '2026-11-25T01:00:00.000Z',
      note: '同意复制两份',
      // approvalValidDays, 30 by default, from the decision.
      expiresAt: '2026-12-25T01:00:00.000Z',
    });
    expect(refused(t.service, 'approvals.decide', { id, decision: 'refused' })).toMatchObject({
      code: 'E_APPROVAL_DECIDED',
      details: { approvalNo, status: 'approved' },
    });
    expect(ok<ApprovalView[]>(t.service, 'approvals.list', { status: 'approved' }).map((a) => a.id)).toEqual([id]);
    expect(ok<ApprovalView[]>(t.service, 'approvals.list', { kind: 'destroy' })).toEqual([]);
    expect(auditRows(t).filter((r) => r.action.startsWith('approvals.') && r.outcome === 'ok')).toMatchObject([
      { action: 'approvals.request', actor: 'liming', target: 'SP-2026-0001' },
      { action: 'approvals.request', actor: 'liming', target: 'SP-2026-0002' },
      { action: 'approvals.decide', actor: t.approver.username, target: 'SP-2026-0001' },
    ]);
  });

  it('lets no one decide their own request, and only an approver decide at all', () => {
    const t = ledger();
    const { id } = request(t);
    expect(refused(t.service, 'approvals.decide', { id, decision: 'approved' }).code).toBe('E_FORBIDDEN');
    // An account that is custodian and approver at once (an older ledger): still not over its own request.
    const both = { username: 'both', displayName: '两用', roles: ['approver' as const], password: 'BothRoles2026pass' };
    login(t.service, 'zhangwei', 'Admin2026pass');
    addUser(t, both);
    withRaw(t, (db) => db.prepare(`UPDATE accounts SET roles = '["custodian","approver"]' WHERE username = 'both'`).run());
    login(t.service, both.username, both.password);
    const own = request(t);
    expect(refused(t.service, 'approvals.decide', { id: own.id, decision: 'approved' })).toMatchObject({
      code: 'E_SELF_APPROVAL',
      details: { approvalNo: own.approvalNo },
    });
  });

  it('records a paper 审批单 with the approver account that signed it and the sheet number', () => {
    const t = ledger();
    const { id } = request(t);
    const paper = ok<ApprovalView>(t.service, 'approvals.recordPaper', {
      id,
      approverId: t.approver.id,
      decision: 'approved',
      paperNo: 'SPD-2026-017',
      decidedAt: '2026-11-25',
    });
    expect(paper).toMatchObject({ status: 'approved', way: 'paper', paperNo: 'SPD-2026-017', decidedBy: { displayName: '王局长' }, decidedAt: '2026-11-25' });
    expect(
      refused(t.service, 'approvals.recordPaper', { id, approverId: t.approver.id, decision: 'approved', paperNo: 'X', decidedAt: '2026-11-25' }).code,
    ).toBe('E_APPROVAL_DECIDED');
    const other = request(t);
    const custodianId = withRaw(t, (db) => (db.prepare(`SELECT id FROM accounts WHERE username = 'liming'`).get() as { id: number }).id);
    expect(
      refused(t.service, 'approvals.recordPaper', { id: other.id, approverId: custodianId, decision: 'approved', paperNo: 'X', decidedAt: '2026-11-25' }),
    ).toMatchObject({ code: 'E_NOT_AN_APPROVER', details: { approver: '李明', reason: 'role' } });
    login(t.service, 'zhangwei', 'Admin2026pass');
    ok(t.service, 'account.update', { username: t.approver.username, active: false });
    login(t.service, CUSTODIAN.username, CUSTODIAN.password);
    expect(
      refused(t.service, 'approvals.recordPaper', { id: other.id, approverId: t.approver.id, decision: 'approved', paperNo: 'X', decidedAt: '2026-11-25' }),
    ).toMatchObject({ code: 'E_NOT_AN_APPROVER', details: { reason: 'inactive' } });
    expect(ok<{ id: number }[]>(t.service, 'approvals.approvers', {})).toEqual([]);
  });

  it('lists the active approvers for the on-the-spot picker, and refuses a request about an item or copy not in the ledger', () => {
    const t = ledger();
    expect(ok(t.service, 'approvals.approvers', {})).toEqual([{ id: t.approver.id, displayName: '王局长' }]);
    expect(refused(t.service, 'approvals.request', { kind: 'copy', subject: { type: 'document', id: 99 }, reason: 'x' }).code).toBe('E_NO_SUCH_DOCUMENT');
    expect(refused(t.service, 'approvals.request', { kind: 'copy', subject: { type: 'document', id: t.doc }, copyNos: [9], reason: 'x' }).code).toBe(
      'E_NO_SUCH_COPY',
    );
    expect(refused(t.service, 'approvals.request', { kind: 'offsite_repair', subject: { type: 'computer', id: 1 }, reason: 'x' }).code).toBe(
      'E_NO_SUCH_DEVICE',
    );
    expect(refused(t.service, 'approvals.get', { id: 42 })).toMatchObject({ code: 'E_NO_SUCH_APPROVAL', details: { approvalId: 42 } });
  });

  it('counts the requests waiting for an approver in reminders.get and the reminder push (approvalsPending), never their own', () => {
    const t = ledger();
    const { id } = request(t);
    request(t);
    expect(ok<ReminderCounts>(t.service, 'reminders.get', {}).approvalsPending).toBe(0);
    login(t.service, t.approver.username, t.approver.password);
    expect(ok<ReminderCounts>(t.service, 'reminders.get', {}).approvalsPending).toBe(2);
    t.service.tick();
    const pushed = () => t.pushes.filter((p) => p.type === 'reminders').at(-1) as { counts: ReminderCounts } | undefined;
    expect(pushed()?.counts.approvalsPending).toBe(2);
    ok(t.service, 'approvals.decide', { id, decision: 'refused', note: '无必要' });
    expect(ok<ReminderCounts>(t.service, 'reminders.get', {}).approvalsPending).toBe(1);
    t.service.tick();
    expect(pushed()?.counts.approvalsPending).toBe(1);
  });

  it('keeps approvals append-only', () => {
    const t = ledger();
    request(t);
    withRaw(t, (db) => {
      expect(() => db.prepare(`UPDATE approvals SET count = 9`).run()).toThrow(/append-only/);
      expect(() => db.prepare(`DELETE FROM approvals`).run()).toThrow(/append-only/);
    });
  });
});
