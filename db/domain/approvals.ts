// Approvals (审批): what an approval allows, how it was given and where it stands (domain.md "Approvals").
// Words only: the rules that check an approval against an action live in db/ledger/approvals/.

export const APPROVAL_KINDS = [
  'copy',
  'compile',
  'lend_outside_scope',
  'take_out',
  'destroy',
  'forward',
  'change_marking',
  'media_downgrade',
  'offsite_repair',
  'correction',
  'void',
] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];

/** How it was given: decided in the app, on a signed paper 审批单, countersigned on the spot, or by a body outside the unit. */
export const APPROVAL_WAYS = ['in_app', 'paper', 'on_the_spot', 'external'] as const;
export type ApprovalWay = (typeof APPROVAL_WAYS)[number];

export const APPROVAL_STATUSES = ['pending', 'approved', 'refused', 'used', 'expired'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export const APPROVAL_DECISIONS = ['approved', 'refused'] as const;
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];

export const APPROVAL_SUBJECT_TYPES = ['document', 'computer', 'medium', 'location'] as const;
export type ApprovalSubjectType = (typeof APPROVAL_SUBJECT_TYPES)[number];
export interface ApprovalSubject {
  type: ApprovalSubjectType;
  id: number;
}

/** Who may give it: a body outside the unit (the originator or its superior), the unit's approver, or either. */
export type ApprovalAuthority = 'external' | 'unit' | 'either';

/** The approval number: SP-<year>-<seq:4>. */
export function formatApprovalNo(year: number, seq: number): string {
  return `SP-${year}-${String(seq).padStart(4, '0')}`;
}

/** Where an approval stands at `now`: an approved one not used by its expiry has lapsed. */
export function approvalStatus(a: { decision: ApprovalDecision | null; usedAt: string | null; expiresAt: string | null }, now: string): ApprovalStatus {
  if (a.decision === null) return 'pending';
  if (a.decision === 'refused') return 'refused';
  if (a.usedAt !== null) return 'used';
  return a.expiresAt !== null && a.expiresAt <= now ? 'expired' : 'approved';
}
