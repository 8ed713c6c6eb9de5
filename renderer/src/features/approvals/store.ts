// Approvals slice (custodian, approver, auditor): requests and decisions (审批). Lists are asked for each time a page
// opens; the approval page keeps the one it shows. The backend judges who may ask, decide or record.
import { send } from '../../api';
import type { CommandInput, CommandOutput } from '../../../../preload/contract';
import type { SliceCreator } from '../../store/types';

export type ApprovalView = CommandOutput<'approvals.get'>;
export type ApprovalFilters = CommandInput<'approvals.list'>;
export type ApprovalRequest = CommandInput<'approvals.request'>;
export type ApproverAccount = CommandOutput<'approvals.approvers'>[number];

export interface ApprovalsSlice {
  /** The approval the approval page shows. */
  approvalId: number | null;
  approval: ApprovalView | null;
  /** Requests waiting for a decision, for the approver's overview and menu (null until counted). */
  approvalsPending: number | null;
  countPendingApprovals(): Promise<void>;
  openApproval(id: number): void;
  listApprovals(filters: ApprovalFilters): Promise<ApprovalView[]>;
  loadApproval(id: number): Promise<void>;
  /** 申请审批: answers the new request's number. */
  requestApproval(input: ApprovalRequest): Promise<CommandOutput<'approvals.request'>>;
  /** The approver's 批准 / 不批准; the page shows the approval as decided. */
  decideApproval(input: CommandInput<'approvals.decide'>): Promise<void>;
  /** The custodian records a signed paper 审批单. */
  recordPaperApproval(input: CommandInput<'approvals.recordPaper'>): Promise<void>;
  /** Active approver accounts, for 当面审批 and the paper record. */
  listApprovers(): Promise<ApproverAccount[]>;
}

// Which approval the page shows outlives a lock (the page comes back to it); what it showed does not.
export const initialApprovals = { approval: null, approvalsPending: null } satisfies Partial<ApprovalsSlice>;

export const createApprovalsSlice: SliceCreator<ApprovalsSlice> = (set, get, session) => {
  session.clearsOnEnd(initialApprovals);
  return {
    ...initialApprovals,
    approvalId: null,

    openApproval(id) {
      get().navigate({ page: 'approval', approvalId: id, approval: null });
    },

    async countPendingApprovals() {
      set({ approvalsPending: (await send('approvals.list', { status: 'pending' })).length });
    },

    listApprovals: (filters) => send('approvals.list', filters),

    async loadApproval(id) {
      set({ approval: await send('approvals.get', { id }) });
    },

    requestApproval: (input) => send('approvals.request', input),

    async decideApproval(input) {
      await send('approvals.decide', input);
      await Promise.all([get().loadApproval(input.id), get().countPendingApprovals()]);
    },

    async recordPaperApproval(input) {
      await send('approvals.recordPaper', input);
      await get().loadApproval(input.id);
    },

    listApprovers: () => send('approvals.approvers', {}),
  };
};
