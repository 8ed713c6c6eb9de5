// 问题及整改措施: the commands. The custodian registers a finding, changes its deadline or measures (with the reason) and
// records what was done; an approver confirms it (signed in, or countersigned on the spot at the close) or sends it
// back. Each write is one audit entry naming the finding's number with what an inspector asks of it.
import { z } from 'zod';
import { command, recorder, registerRead, registerWrite } from '../../command-kit';
import type { SignedInContext } from '../../context';
import { FINDING_DECISIONS, FINDING_SEVERITIES, FINDING_SOURCES, FINDING_STATUSES } from '../../domain/findings';
import { date, id, optionalText, person, text } from '../fields';
import { localDate } from '../documents/model';
import { requireFinding } from './model';
import { changePlan, confirmClose, recordClose, registerFinding } from './operations';
import { getFinding, listFindings } from './queries';

const today = (ctx: SignedInContext) => localDate(Date.parse(ctx.now));
const findingNo = (ctx: SignedInContext, input: { id: number }) => requireFinding(ctx.db, input.id).finding_no;
const APPROVER = ['approver'] as const;

const registerInput = z
  .object({
    source: z.enum(FINDING_SOURCES),
    sourceRef: optionalText(100),
    stocktakeId: id.optional(),
    computerId: id.optional(),
    computerCheckId: id.optional(),
    foundOn: date,
    description: text(500),
    place: text(100),
    severity: z.enum(FINDING_SEVERITIES),
    owner: person,
    deadline: date,
    measures: text(500),
  })
  .strict();

const confirmation = z.object({ approverId: id, password: z.string().min(1).max(200) }).strict();

export const findingCommands = {
  'findings.register': registerWrite({
    input: registerInput,
    run: (rec, input) => registerFinding(rec, input),
    target: (_ctx, _input, out) => out.no,
    summary: (input, out) => ({
      source: input.source,
      ...(input.sourceRef ? { sourceRef: input.sourceRef } : {}),
      ...(out.stocktakeNo ? { stocktakeNo: out.stocktakeNo } : {}),
      ...(out.computerCode ? { computerCode: out.computerCode } : {}),
      foundOn: input.foundOn,
      description: input.description,
      place: input.place,
      severity: input.severity,
      owner: input.owner,
      deadline: input.deadline,
      measures: input.measures,
    }),
    reply: (_ctx, out) => ({ id: out.id, no: out.no }),
  }),

  'findings.changePlan': registerWrite({
    input: z.object({ id, deadline: date, measures: text(500), reason: text(200) }).strict(),
    run: (rec, input) => changePlan(rec, input),
    target: findingNo,
    summary: (input, out) => ({ before: out.before, after: { deadline: input.deadline, measures: input.measures }, reason: input.reason }),
    reply: (ctx, _out, input) => getFinding(ctx.db, input.id, today(ctx)),
  }),

  'findings.close': registerWrite({
    input: z.object({ id, done: text(500), closedOn: date, confirmation: confirmation.optional() }).strict(),
    run: (rec, input, ctx) => recordClose(rec, ctx, input),
    target: findingNo,
    // The approver's password is never written: the entry says who countersigned.
    summary: (input, out) => ({ done: input.done, closedOn: input.closedOn, ...(out.confirmedBy ? { confirmedBy: out.confirmedBy, way: 'on_the_spot' } : {}) }),
    reply: (ctx, _out, input) => getFinding(ctx.db, input.id, today(ctx)),
  }),

  /** The approver, signed in, confirms the close awaiting them or sends it back (with the reason). */
  'findings.confirm': command({
    input: z
      .object({ id, decision: z.enum(FINDING_DECISIONS), note: optionalText(200) })
      .strict()
      .refine((i) => i.decision === 'confirmed' || i.note.length > 0, { path: ['note'], message: 'a close sent back says why' }),
    roles: APPROVER,
    mutates: true,
    run(ctx, input) {
      const out = confirmClose(recorder(ctx), ctx, input);
      ctx.note({ target: out.finding.finding_no, summary: { decision: input.decision, closedOn: out.closedOn, ...(input.note ? { note: input.note } : {}) } });
      return getFinding(ctx.db, input.id, today(ctx));
    },
  }),

  'findings.list': registerRead(
    z.object({ status: z.enum(FINDING_STATUSES).optional(), year: z.number().int().min(1949).max(2200).optional() }).strict(),
    (ctx, input) => listFindings(ctx.db, today(ctx), input),
  ),
  'findings.get': registerRead(z.object({ id }).strict(), (ctx, input) => getFinding(ctx.db, input.id, today(ctx))),
};
