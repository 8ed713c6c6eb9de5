// Approvals (审批): the custodian files a request, an approver decides it in the app (never their own request), or the
// custodian records the decision an approver signed on a paper 审批单. Actions use approvals through useApproval.
import { command } from '../../command-kit';
import { LedgerError } from '../../errors';
import { all, sql } from '../../store/sql';
import { CUSTODIAN, empty, id, REGISTER_READERS } from '../fields';
import { dayOfTime, localDate } from '../documents/model';
import { z } from 'zod';
import { decideInput, listInput, recordPaperInput, requestInput } from './fields';
import { insertDecision, insertRequest, listApprovals, requireApproval, statusOf, toApprovalView, type ApprovalRow } from './records';
import { requireApprover, subjectLabel } from './use';

const APPROVER = ['approver'] as const;

function assertPending(row: ApprovalRow, now: string): void {
  const status = statusOf(row, now);
  if (status !== 'pending') throw new LedgerError('E_APPROVAL_DECIDED', { approvalNo: row.approval_no, status });
}

export const approvalCommands = {
  'approvals.request': command({
    input: requestInput,
    roles: CUSTODIAN,
    mutates: true,
    run(ctx, input) {
      subjectLabel(ctx.db, input.subject, input.copyNos ?? []);
      const out = insertRequest(ctx.db, {
        kind: input.kind,
        subject: input.subject,
        copyNos: input.copyNos ?? [],
        count: input.count ?? null,
        reason: input.reason,
        requestedBy: ctx.session.accountId,
        at: ctx.now,
      });
      ctx.note({ target: out.approvalNo, summary: { input } });
      return out;
    },
  }),

  'approvals.decide': command({
    input: decideInput,
    roles: APPROVER,
    mutates: true,
    run(ctx, input) {
      const row = requireApproval(ctx.db, input.id);
      if (row.requested_by === ctx.session.accountId) throw new LedgerError('E_SELF_APPROVAL', { approvalNo: row.approval_no });
      assertPending(row, ctx.now);
      insertDecision(ctx.db, {
        approvalId: row.id,
        decision: input.decision,
        way: 'in_app',
        decidedBy: ctx.session.accountId,
        decidedAt: ctx.now,
        note: input.note,
        validDays: ctx.settings().approvalValidDays,
        recordedAt: ctx.now,
        recordedBy: ctx.session.username,
      });
      ctx.note({ target: row.approval_no, summary: { decision: input.decision, note: input.note } });
      return toApprovalView(requireApproval(ctx.db, row.id), ctx.now);
    },
  }),

  /** A decision the approver signed on a paper 审批单, recorded by the custodian with the sheet's number. */
  'approvals.recordPaper': command({
    input: recordPaperInput,
    roles: CUSTODIAN,
    mutates: true,
    run(ctx, input) {
      const row = requireApproval(ctx.db, input.id);
      assertPending(row, ctx.now);
      const approver = requireApprover(ctx.db, input.approverId);
      if (approver.id === row.requested_by || approver.id === ctx.session.accountId) throw new LedgerError('E_SELF_APPROVAL', { approvalNo: row.approval_no });
      if (input.decidedAt > localDate(Date.parse(ctx.now))) throw new LedgerError('E_VALIDATION', { field: 'at' });
      // A paper 审批单 may predate its entry here (a late entry of what it approved); the action using it is checked.
      insertDecision(ctx.db, {
        approvalId: row.id,
        decision: input.decision,
        way: 'paper',
        decidedBy: approver.id,
        decidedAt: input.decidedAt,
        note: input.note,
        paperNo: input.paperNo,
        validDays: ctx.settings().approvalValidDays,
        recordedAt: ctx.now,
        recordedBy: ctx.session.username,
      });
      ctx.note({
        target: row.approval_no,
        summary: { decision: input.decision, approver: approver.displayName, paperNo: input.paperNo, decidedAt: input.decidedAt },
      });
      return toApprovalView(requireApproval(ctx.db, row.id), ctx.now);
    },
  }),

  'approvals.list': command({
    input: listInput,
    roles: REGISTER_READERS,
    mutates: false,
    run(ctx, input) {
      return listApprovals(ctx.db, { kind: input.kind })
        .filter((row) => {
          const day = dayOfTime(row.requested_at);
          return (!input.from || day >= input.from) && (!input.to || day <= input.to) && (!input.status || statusOf(row, ctx.now) === input.status);
        })
        .map((row) => toApprovalView(row, ctx.now));
    },
  }),

  'approvals.get': command({
    input: z.object({ id }).strict(),
    roles: REGISTER_READERS,
    mutates: false,
    run: (ctx, input) => toApprovalView(requireApproval(ctx.db, input.id), ctx.now),
  }),

  /** For the on-the-spot picker: the active approver accounts. */
  'approvals.approvers': command({
    input: empty,
    roles: CUSTODIAN,
    mutates: false,
    run: (ctx) =>
      all<{ id: number; display_name: string; roles: string }>(ctx.db, sql`SELECT id, display_name, roles FROM accounts WHERE active = 1 ORDER BY id`)
        .filter((a) => (JSON.parse(a.roles) as string[]).includes('approver'))
        .map((a) => ({ id: a.id, displayName: a.display_name })),
  }),
};
