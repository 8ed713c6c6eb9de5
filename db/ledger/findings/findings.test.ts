// 问题及整改措施 (issue 19): a finding with its source, severity, owner, deadline and measures; changes as new rows; the
// close confirmed by an approver account (signed in, or countersigned on the spot), never by the one recording it;
// dates that cannot contradict; the reminders.
import { describe, expect, it } from 'vitest';
import { findingSourceText } from '../../domain/findings';
import { auditRows, ok, refused } from '../../testing';
import { computerInput } from '../devices/fixture';
import { findingsLedger } from './fixture';

const DAY = 86_400_000;
const lastAudit = (l: ReturnType<typeof findingsLedger>) => auditRows(l.t).at(-1)!;

describe('registering a finding', () => {
  it('records what, where, how grave, who answers for it, the deadline and the measures, numbered ZG-YYYY-NNN', () => {
    const l = findingsLedger();
    const out = l.register();
    expect(out.no).toBe('ZG-2026-001');
    expect(l.register({ description: '涉密计算机未及时升级' }).no).toBe('ZG-2026-002');
    const f = l.get(out.id);
    expect(f).toMatchObject({
      no: 'ZG-2026-001',
      source: 'self_inspection',
      sourceRef: '2026年度保密自查',
      foundOn: '2026-11-20',
      description: '保密柜钥匙未随身保管',
      place: '办公室 保密室',
      severity: 'minor',
      owner: '李明',
      deadline: '2026-12-20',
      measures: '钥匙由保密员随身保管，下班前检查',
      status: 'open',
      closes: [],
      closedOn: null,
      recordedBy: '李明',
    });
    expect(f.plans).toHaveLength(1);
    expect(l.list().map((x) => x.no)).toEqual(['ZG-2026-002', 'ZG-2026-001']);
    expect(lastAudit(l)).toMatchObject({ action: 'findings.register', target: 'ZG-2026-002' });
    expect(JSON.parse(auditRows(l.t).at(-2)!.summary)).toMatchObject({ source: 'self_inspection', severity: 'minor', owner: '李明', deadline: '2026-12-20' });
  });

  it('links a stocktake or a computer check by what it came from, and names it in the audit entry', () => {
    const l = findingsLedger();
    const st = l.register({ source: 'stocktake', stocktakeId: l.stocktake.id, sourceRef: '', severity: 'serious' });
    expect(l.get(st.id).stocktake).toEqual({ id: l.stocktake.id, no: l.stocktake.no });
    expect(JSON.parse(lastAudit(l).summary)).toMatchObject({ stocktakeNo: l.stocktake.no, severity: 'serious' });
    const pc = l.register({ source: 'computer_check', computerId: l.computer, severity: 'grave' });
    expect(l.get(pc.id).computer).toEqual({ id: l.computer, code: 'BM-JSJ-1' });
    expect(JSON.parse(lastAudit(l).summary)).toMatchObject({ computerCode: 'BM-JSJ-1' });
  });

  it('a finding from a computer check names the check in the computer’s log, of that computer and not later than it', () => {
    const l = findingsLedger();
    ok(l.t.service, 'computers.check', {
      computerId: l.computer,
      kind: 'secrecy',
      checker: '李明',
      result: 'problems',
      problems: '未安装违规外联监控',
      at: '2026-11-22',
    });
    const check = (l.rows('computer_checks') as { id: number }[])[0]!.id;
    const linked = l.register({ source: 'computer_check', computerId: l.computer, computerCheckId: check, foundOn: '2026-11-22' });
    expect(l.get(linked.id)).toMatchObject({ computerCheck: { id: check, at: '2026-11-22', kind: 'secrecy' }, computer: { code: 'BM-JSJ-1' } });
    // The register names the check it came from by its day and kind.
    expect(findingSourceText(l.get(linked.id), 'zh-CN')).toBe('计算机检查 BM-JSJ-1（2026-11-22 保密检查；2026年度保密自查）');
    expect(l.refusedRegister({ source: 'computer_check', computerId: l.computer, computerCheckId: check, foundOn: '2026-11-21' })).toMatchObject({
      code: 'E_DATE_ORDER',
      details: { rule: 'before_source', earliest: '2026-11-22' },
    });
    const other = ok<{ id: number }>(l.t.service, 'computers.register', computerInput(2)).id;
    expect(l.refusedRegister({ source: 'computer_check', computerId: other, computerCheckId: check, foundOn: '2026-11-22' })).toMatchObject({
      code: 'E_VALIDATION',
      details: { field: 'computerId' },
    });
  });

  it('refuses dates that contradict and sources that do not match, writing nothing', () => {
    const l = findingsLedger();
    const cases: [Record<string, unknown>, string, Record<string, unknown>][] = [
      [{ foundOn: '2026-11-26' }, 'E_VALIDATION', { field: 'foundOn' }],
      [{ deadline: '2026-11-19' }, 'E_DATE_ORDER', { rule: 'deadline_before_found', at: '2026-11-19', earliest: '2026-11-20' }],
      [{ source: 'stocktake' }, 'E_VALIDATION', { field: 'stocktakeId' }],
      [{ stocktakeId: l.stocktake.id }, 'E_VALIDATION', { field: 'stocktakeId' }],
      [{ source: 'computer_check' }, 'E_VALIDATION', { field: 'computerId' }],
      [{ computerId: l.computer }, 'E_VALIDATION', { field: 'computerId' }],
      [{ source: 'stocktake', stocktakeId: l.stocktake.id, foundOn: '2026-11-19' }, 'E_DATE_ORDER', { rule: 'before_source', earliest: '2026-11-20' }],
      [{ source: 'stocktake', stocktakeId: 99 }, 'E_NO_SUCH_STOCKTAKE', { stocktakeId: 99 }],
      [{ source: 'computer_check', computerId: l.computer, foundOn: '2026-01-04' }, 'E_DATE_ORDER', { rule: 'before_source', earliest: '2026-01-05' }],
      [{ severity: 'urgent' }, 'E_VALIDATION', {}],
      [{ owner: '' }, 'E_VALIDATION', {}],
    ];
    for (const [over, code, details] of cases) {
      const error = l.refusedRegister(over);
      expect(error, JSON.stringify(over)).toMatchObject({ code, details });
    }
    expect(l.rows('findings')).toEqual([]);
    expect(l.rows('finding_plans')).toEqual([]);
  });

  it('names no one who has left as the person responsible', () => {
    const l = findingsLedger();
    ok(l.t.service, 'people.depart', { person: '赵强', handedTo: '李明', supervisor: '王芳', at: '2026-11-01' });
    expect(l.refusedRegister({ owner: '赵强' })).toMatchObject({ code: 'E_PERSON_DEPARTED', details: { person: '赵强', role: 'responsible' } });
  });
});

describe('changing the deadline or the measures', () => {
  it('is a new plan row with its reason: the first plan stays in the history', () => {
    const l = findingsLedger();
    const { id } = l.register();
    const changed = ok<{ deadline: string; plans: unknown[] }>(l.t.service, 'findings.changePlan', {
      id,
      deadline: '2027-01-15',
      measures: '更换带锁钥匙盒',
      reason: '钥匙盒需采购',
    });
    expect(changed.deadline).toBe('2027-01-15');
    expect(changed.plans).toMatchObject([
      { deadline: '2026-12-20', measures: '钥匙由保密员随身保管，下班前检查', reason: '' },
      { deadline: '2027-01-15', measures: '更换带锁钥匙盒', reason: '钥匙盒需采购' },
    ]);
    expect(JSON.parse(lastAudit(l).summary)).toEqual({
      before: { deadline: '2026-12-20', measures: '钥匙由保密员随身保管，下班前检查' },
      after: { deadline: '2027-01-15', measures: '更换带锁钥匙盒' },
      reason: '钥匙盒需采购',
    });
    const same = { id, deadline: '2027-01-15', measures: '更换带锁钥匙盒', reason: '再次' };
    expect(refused(l.t.service, 'findings.changePlan', same)).toMatchObject({ code: 'E_VALIDATION', details: { field: 'change' } });
    expect(refused(l.t.service, 'findings.changePlan', { ...same, deadline: '2026-11-01' })).toMatchObject({
      code: 'E_DATE_ORDER',
      details: { rule: 'deadline_before_found' },
    });
    expect(l.rows('finding_plans')).toHaveLength(2);
  });
});

describe('closing a finding', () => {
  it('awaits the approver, who confirms it signed in; then it is closed and nothing more is recorded', () => {
    const l = findingsLedger();
    const { id } = l.register();
    expect(l.close(id)).toMatchObject({ status: 'awaiting', closedOn: null, closes: [{ closedOn: '2026-11-24', confirmation: null }] });
    // One close at a time; the custodian does not confirm their own record.
    expect(refused(l.t.service, 'findings.close', { id, done: '再次', closedOn: '2026-11-24' })).toMatchObject({
      code: 'E_FINDING_STATE',
      details: { findingNo: 'ZG-2026-001', status: 'awaiting', action: 'close' },
    });
    expect(refused(l.t.service, 'findings.changePlan', { id, deadline: '2027-01-01', measures: 'x', reason: 'x' })).toMatchObject({
      code: 'E_FINDING_STATE',
      details: { action: 'change' },
    });
    expect(refused(l.t.service, 'findings.confirm', { id, decision: 'confirmed' })).toMatchObject({ code: 'E_FORBIDDEN' });
    const confirmed = l.confirm(id);
    expect(confirmed).toMatchObject({ status: 'closed', closedOn: '2026-11-24', confirmedBy: '王局长' });
    expect(confirmed.closes[0]!.confirmation).toMatchObject({ decision: 'confirmed', way: 'in_app', approver: '王局长' });
    const audit = auditRows(l.t).filter((r) => r.action === 'findings.confirm' && r.outcome !== 'refused');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: l.approver.username, target: 'ZG-2026-001' });
    // A closed finding is not closed again, nor its plan changed, nor confirmed twice.
    expect(refused(l.t.service, 'findings.close', { id, done: '再次', closedOn: '2026-11-25' })).toMatchObject({
      code: 'E_FINDING_CLOSED',
      details: { findingNo: 'ZG-2026-001', closedOn: '2026-11-24' },
    });
    expect(refused(l.t.service, 'findings.changePlan', { id, deadline: '2027-01-01', measures: 'x', reason: 'x' })).toMatchObject({ code: 'E_FINDING_CLOSED' });
    l.asApprover();
    expect(refused(l.t.service, 'findings.confirm', { id, decision: 'confirmed' })).toMatchObject({ code: 'E_FINDING_CLOSED' });
  });

  it('is confirmed at once when the approver countersigns on the spot with their own password; a wrong one writes nothing', () => {
    const l = findingsLedger();
    const { id } = l.register();
    const wrong = refused(l.t.service, 'findings.close', {
      id,
      done: '已整改',
      closedOn: '2026-11-24',
      confirmation: { approverId: l.approver.id, password: 'wrong' },
    });
    expect(wrong).toMatchObject({ code: 'E_APPROVER_PASSWORD', details: { approver: '王局长' } });
    expect(l.rows('finding_closes')).toEqual([]);
    const closed = l.close(id, { confirmation: l.onTheSpot() });
    expect(closed).toMatchObject({ status: 'closed', closedOn: '2026-11-24', confirmedBy: '王局长' });
    expect(closed.closes[0]!.confirmation).toMatchObject({ way: 'on_the_spot', approver: '王局长' });
    const entry = lastAudit(l);
    expect(entry).toMatchObject({ action: 'findings.close', actor: 'liming', target: 'ZG-2026-001' });
    expect(JSON.parse(entry.summary)).toEqual({ done: '已配发钥匙盒，保密员随身保管', closedOn: '2026-11-24', confirmedBy: '王局长', way: 'on_the_spot' });
    expect(entry.summary).not.toContain(l.approver.password);
  });

  it('never by the account recording it: the custodian is no approver', () => {
    const l = findingsLedger();
    const { id } = l.register();
    const custodianId = (l.rows('accounts') as { id: number; username: string }[]).find((a) => a.username === 'liming')!.id;
    expect(
      refused(l.t.service, 'findings.close', {
        id,
        done: '已整改',
        closedOn: '2026-11-24',
        confirmation: { approverId: custodianId, password: 'Custodian2026pass' },
      }),
    ).toMatchObject({ code: 'E_NOT_AN_APPROVER', details: { approver: '李明', reason: 'role' } });
    expect(l.rows('finding_closes')).toEqual([]);
  });

  it('sent back by the approver with the reason: open again, and a new close is recorded later', () => {
    const l = findingsLedger();
    const { id } = l.register();
    l.close(id);
    l.asApprover();
    expect(refused(l.t.service, 'findings.confirm', { id, decision: 'rejected' })).toMatchObject({ code: 'E_VALIDATION' });
    l.asCustodian();
    const back = l.confirm(id, 'rejected', '钥匙盒未到位');
    expect(back).toMatchObject({ status: 'open', closedOn: null });
    expect(back.closes[0]!.confirmation).toMatchObject({ decision: 'rejected', note: '钥匙盒未到位' });
    const again = l.close(id, { done: '钥匙盒已安装', closedOn: '2026-11-25' });
    expect(again.closes).toHaveLength(2);
    expect(l.confirm(id)).toMatchObject({ status: 'closed', closedOn: '2026-11-25' });
  });

  it('confirms nothing when no close was recorded', () => {
    const l = findingsLedger();
    const { id } = l.register();
    l.asApprover();
    expect(refused(l.t.service, 'findings.confirm', { id, decision: 'confirmed' })).toMatchObject({
      code: 'E_FINDING_STATE',
      details: { status: 'open', action: 'confirm' },
    });
  });

  it('is dated not before the finding was found and not in the future', () => {
    const l = findingsLedger();
    const { id } = l.register();
    expect(refused(l.t.service, 'findings.close', { id, done: 'x', closedOn: '2026-11-19' })).toMatchObject({
      code: 'E_DATE_ORDER',
      details: { rule: 'before_found', at: '2026-11-19', earliest: '2026-11-20' },
    });
    expect(refused(l.t.service, 'findings.close', { id, done: 'x', closedOn: '2026-11-26' })).toMatchObject({ code: 'E_VALIDATION', details: { field: 'at' } });
    expect(refused(l.t.service, 'findings.close', { id: 99, done: 'x', closedOn: '2026-11-24' })).toMatchObject({
      code: 'E_NO_SUCH_FINDING',
      details: { findingId: 99 },
    });
    expect(l.rows('finding_closes')).toEqual([]);
  });
});

describe('the reminders', () => {
  it('count findings open past their deadline, due within the reminder days, and closes awaiting the approver', () => {
    const l = findingsLedger();
    const soon = l.register({ deadline: '2026-11-30' }).id;
    const late = l.register({ deadline: '2026-11-27' }).id;
    l.register({ deadline: '2027-03-01' });
    expect(l.reminders()).toMatchObject({ findingsOverdue: 0, findingsDueSoon: 2, findingsAwaiting: 0 });
    l.t.clock.advance(3 * DAY);
    // 2026-11-28: one past its deadline; the other still due soon.
    expect(l.reminders()).toMatchObject({ findingsOverdue: 1, findingsDueSoon: 1 });
    expect(l.get(late).status).toBe('overdue');
    expect(l.list({ status: 'overdue' }).map((f) => f.id)).toEqual([late]);
    l.close(late, { closedOn: '2026-11-28' });
    expect(l.reminders()).toMatchObject({ findingsOverdue: 0, findingsAwaiting: 1 });
    l.close(soon, { closedOn: '2026-11-28', confirmation: l.onTheSpot() });
    l.confirm(late);
    expect(l.reminders()).toMatchObject({ findingsOverdue: 0, findingsDueSoon: 0, findingsAwaiting: 0 });
  });
});
