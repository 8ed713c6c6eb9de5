// Using an approval: an action that needs one calls useApproval inside its transaction, before it writes its event.
// The approval must be what the action does (kind, item, copies, count), come from the authority that decides it,
// and be approved, unused and not expired; on the spot and from outside the unit it is recorded there and then.
import { compressCopyNos } from '../../domain/copies';
import type { ApprovalAuthority, ApprovalKind, ApprovalSubject, ApprovalWay } from '../../domain/approvals';
import type { ApprovalRule } from '../../domain/errors/codes';
import type { SignedInContext } from '../../context';
import { LedgerError } from '../../errors';
import { get, sql, type Db } from '../../store/sql';
import { dayOfTime, isDateOnly, localDate, requireCopies, requireDocument, requireLocation } from '../documents/model';
import { requireComputer, requireMedium } from '../devices/devices';
import type { ApprovalGrant } from './fields';
import { insertDecision, insertRequest, insertUse, requireApproval, statusOf, type ApprovalRow } from './records';

export interface ApprovalNeed {
  kind: ApprovalKind;
  subject: ApprovalSubject;
  copyNos?: number[];
  count?: number;
  /** 'external' only (绝密 copy, forward, a received document's marking), 'unit' only, or either. */
  authority: ApprovalAuthority;
  /** When the action happened (a late entry is dated then): the approval must have been given by that day. */
  at: string;
}

export interface ApprovalUsed {
  approvalId: number;
  approvalNo: string;
  way: ApprovalWay;
  /** The approver account's display name, or the external issuing body: what registers print as 审批人. */
  approverName: string;
}

/** What an operation is given to use the approval its input carries. */
export type UseApproval = (grant: ApprovalGrant | undefined, need: ApprovalNeed) => ApprovalUsed;

/** The operations' UseApproval for this command's context. */
export const approvals =
  (ctx: SignedInContext): UseApproval =>
  (grant, need) =>
    useApproval(ctx, grant, need);

/** The sentence E_APPROVAL_REQUIRED gives for a need with no approval at all. */
function ruleOf(need: ApprovalNeed): ApprovalRule {
  const external = need.authority === 'external';
  switch (need.kind) {
    case 'copy':
      return external ? 'copy_top_secret' : 'copy_unit_head';
    case 'compile':
      return external ? 'compile_top_secret' : 'compile';
    case 'change_marking':
      return external ? 'change_marking_originator' : 'change_marking';
    case 'lend_outside_scope':
      return 'outside_scope';
    case 'take_out':
      return 'taken_out';
    case 'forward':
      return 'forward_originator';
    case 'media_downgrade':
      return 'medium_downgrade';
    default:
      return need.kind;
  }
}

export function useApproval(ctx: SignedInContext, grant: ApprovalGrant | undefined, need: ApprovalNeed): ApprovalUsed {
  if (!grant) throw new LedgerError('E_APPROVAL_REQUIRED', { rule: ruleOf(need) });
  const given: ApprovalWay = grant.way === 'request' ? 'in_app' : grant.way;
  if (need.authority === 'external' && grant.way !== 'external')
    throw new LedgerError('E_APPROVAL_AUTHORITY', { kind: need.kind, needs: 'external', way: given });
  if (need.authority === 'unit' && grant.way === 'external') throw new LedgerError('E_APPROVAL_AUTHORITY', { kind: need.kind, needs: 'unit', way: given });
  switch (grant.way) {
    case 'request':
      return useRequest(ctx, grant.approvalId, need);
    case 'on_the_spot': {
      const approver = countersignature(ctx, grant.approverId, grant.password);
      assertGivenBy(need, ctx.now);
      const id = recordNow(ctx, need, { way: 'on_the_spot', decidedBy: approver.id, decidedAt: ctx.now });
      return { ...id, way: 'on_the_spot', approverName: approver.displayName };
    }
    case 'external': {
      if (grant.date > localDate(Date.parse(ctx.now))) throw new LedgerError('E_VALIDATION', { field: 'at' });
      assertGivenBy(need, grant.date);
      const external = { body: grant.body, docNo: grant.docNo, date: grant.date };
      const id = recordNow(ctx, need, { way: 'external', decidedBy: null, decidedAt: grant.date, external });
      return { ...id, way: 'external', approverName: grant.body };
    }
  }
}

/**
 * What an approval was when the action happened: it lapses for actions dated after it lapsed, not by the day the action
 * is entered (a late entry of what a paper 审批单 approved while valid). An action dated by its day alone is compared by
 * days: on the day the approval lapses it no longer covers it.
 */
function statusForAction(row: ApprovalRow, at: string) {
  const status = statusOf(row, at);
  if (status !== 'approved' || !isDateOnly(at) || row.expires_at === null) return status;
  return dayOfTime(row.expires_at) <= at ? 'expired' : status;
}

function useRequest(ctx: SignedInContext, approvalId: number, need: ApprovalNeed): ApprovalUsed {
  const row = requireApproval(ctx.db, approvalId);
  const status = statusForAction(row, need.at);
  if (status !== 'approved') {
    const at = status === 'used' ? row.used_at : status === 'expired' ? row.expires_at : null;
    throw new LedgerError('E_APPROVAL_UNUSABLE', { approvalNo: row.approval_no, status, ...(at ? { at } : {}) });
  }
  assertCovers(ctx.db, row, need);
  assertGivenBy(need, row.decided_at!);
  insertUse(ctx.db, row.id, ctx.now, ctx.session.username);
  return { approvalId: row.id, approvalNo: row.approval_no, way: row.way!, approverName: row.decider_name ?? '' };
}

/**
 * An action is never dated before its approval: a countersignature given today does not approve what was done last
 * week (a late entry carries the paper 审批单 or the external decision of that time).
 */
function assertGivenBy(need: ApprovalNeed, decidedAt: string): void {
  const at = dayOfTime(need.at);
  const given = dayOfTime(decidedAt);
  if (at < given) throw new LedgerError('E_DATE_ORDER', { rule: 'before_approval', at, earliest: given });
}

/** The action is what the approval names: its kind and item, only copies it names, no more than it allows. */
function assertCovers(db: Db, row: ApprovalRow, need: ApprovalNeed): void {
  const approvalNo = row.approval_no;
  if (row.kind !== need.kind) throw new LedgerError('E_APPROVAL_MISMATCH', { approvalNo, rule: 'kind', approved: row.kind, asked: need.kind });
  if (row.subject_type !== need.subject.type || row.subject_id !== need.subject.id) {
    throw new LedgerError('E_APPROVAL_MISMATCH', { approvalNo, rule: 'subject', approved: row.label ?? '', asked: subjectLabel(db, need.subject) });
  }
  const approved = JSON.parse(row.copy_nos) as number[];
  const outside = (need.copyNos ?? []).filter((n) => !approved.includes(n));
  if (outside.length) {
    throw new LedgerError('E_APPROVAL_MISMATCH', { approvalNo, rule: 'copies', approved: compressCopyNos(approved), asked: compressCopyNos(outside) });
  }
  if (need.count !== undefined && (row.count === null || need.count > row.count)) {
    throw new LedgerError('E_APPROVAL_MISMATCH', { approvalNo, rule: 'count', approved: row.count ?? 0, asked: need.count });
  }
}

/** An approval given at the moment of the action (on the spot, or an external decision): request, decision and use at once. */
function recordNow(
  ctx: SignedInContext,
  need: ApprovalNeed,
  d: { way: 'on_the_spot' | 'external'; decidedBy: number | null; decidedAt: string; external?: { body: string; docNo: string; date: string } },
): { approvalId: number; approvalNo: string } {
  const { id, approvalNo } = insertRequest(ctx.db, {
    kind: need.kind,
    subject: need.subject,
    copyNos: need.copyNos ?? [],
    count: need.count ?? null,
    reason: '',
    requestedBy: ctx.session.accountId,
    at: ctx.now,
  });
  insertDecision(ctx.db, {
    approvalId: id,
    decision: 'approved',
    way: d.way,
    decidedBy: d.decidedBy,
    decidedAt: d.decidedAt,
    note: '',
    ...(d.external ? { external: d.external } : {}),
    validDays: ctx.settings().approvalValidDays,
    recordedAt: ctx.now,
    recordedBy: ctx.session.username,
  });
  insertUse(ctx.db, id, ctx.now, ctx.session.username);
  return { approvalId: id, approvalNo };
}

export interface ApproverRow {
  id: number;
  username: string;
  displayName: string;
  mustChangePassword: boolean;
}

/**
 * An approver's countersignature given on the spot: their own account (never the one signed in), active, holding the
 * approver role, with its own password typed by them (a temporary password the administrator knows is not theirs).
 * Every record that says an approver decided or confirmed something there and then is signed through this.
 */
export function countersignature(ctx: SignedInContext, approverId: number, password: string): ApproverRow {
  const approver = requireApprover(ctx.db, approverId);
  if (approver.id === ctx.session.accountId) throw new LedgerError('E_SELF_APPROVAL', {});
  if (approver.mustChangePassword) throw new LedgerError('E_NOT_AN_APPROVER', { approver: approver.displayName, reason: 'temporary_password' });
  if (!ctx.keys.checkPassword(approver.username, password)) throw new LedgerError('E_APPROVER_PASSWORD', { approver: approver.displayName });
  return approver;
}

/** An active account with the approver role. */
export function requireApprover(db: Db, id: number): ApproverRow {
  const row = get<{ id: number; username: string; display_name: string; roles: string; active: 0 | 1; must_change_password: 0 | 1 }>(
    db,
    sql`SELECT id, username, display_name, roles, active, must_change_password FROM accounts WHERE id = ${id}`,
  );
  if (!row || !(JSON.parse(row.roles) as string[]).includes('approver')) {
    throw new LedgerError('E_NOT_AN_APPROVER', { approver: row?.display_name ?? `#${id}`, reason: 'role' });
  }
  if (row.active !== 1) throw new LedgerError('E_NOT_AN_APPROVER', { approver: row.display_name, reason: 'inactive' });
  return { id: row.id, username: row.username, displayName: row.display_name, mustChangePassword: row.must_change_password === 1 };
}

/** The item an approval is about exists (and the copies it names); its ledger number. */
export function subjectLabel(db: Db, subject: ApprovalSubject, copyNos: readonly number[] = []): string {
  switch (subject.type) {
    case 'document': {
      const doc = requireDocument(db, subject.id);
      if (copyNos.length) requireCopies(db, doc.id, copyNos);
      return doc.receipt_no;
    }
    case 'computer':
      return requireComputer(db, subject.id).code;
    case 'medium':
      return requireMedium(db, subject.id).code;
    case 'location':
      return requireLocation(db, subject.id).code;
  }
}
