// The `approval` field every action that needs an approval takes, and the inputs of the approvals commands.
import { z } from 'zod';
import { APPROVAL_DECISIONS, APPROVAL_KINDS, APPROVAL_STATUSES, APPROVAL_SUBJECT_TYPES } from '../../domain/approvals';
import { date, id, optionalText, text } from '../fields';

/** How an action shows its approval: an approved request (in the app or on paper), the approver on the spot, or a body outside the unit. */
export const approvalGrant = z.discriminatedUnion('way', [
  z.object({ way: z.literal('request'), approvalId: id }).strict(),
  // The approver's own password, checked against their key slot and never kept.
  z.object({ way: z.literal('on_the_spot'), approverId: id, password: z.string().min(1).max(200) }).strict(),
  z.object({ way: z.literal('external'), body: text(100), docNo: text(60), date }).strict(),
]);
export type ApprovalGrant = z.output<typeof approvalGrant>;

const approvalSubject = z.object({ type: z.enum(APPROVAL_SUBJECT_TYPES), id }).strict();
const copyNos = z.array(z.number().int().positive()).max(10_000);
const count = z.number().int().min(1).max(10_000);

export const requestInput = z
  .object({ kind: z.enum(APPROVAL_KINDS), subject: approvalSubject, copyNos: copyNos.optional(), count: count.optional(), reason: text(200) })
  .strict();

export const decideInput = z.object({ id, decision: z.enum(APPROVAL_DECISIONS), note: optionalText(200) }).strict();

export const recordPaperInput = z
  .object({ id, approverId: id, decision: z.enum(APPROVAL_DECISIONS), paperNo: text(60), decidedAt: date, note: optionalText(200) })
  .strict();

export const listInput = z
  .object({ status: z.enum(APPROVAL_STATUSES).optional(), kind: z.enum(APPROVAL_KINDS).optional(), from: date.optional(), to: date.optional() })
  .strict();
