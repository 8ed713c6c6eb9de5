// 传达 and 公开 of a document: its part of the command table (joined in db/commands.ts).
import { z } from 'zod';
import { registerRead, registerWrite } from '../../command-kit';
import type { SignedInContext } from '../../context';
import { CONVEYANCE_MANNERS, PUBLICATION_EXTENTS } from '../../domain/conveyance';
import { countersignature } from '../approvals/use';
import { at, date, id, person, text } from '../fields';
import { conveyanceOf, planConveyance, planPublication, recordConveyance } from './conveyance';
import { localDate, requireDocument } from './model';

const entry = z.object({ name: text(100), department: z.string().trim().max(60).optional() }).strict();
const decision = z.discriminatedUnion('way', [
  // The originator's (or a superior's) decision: issuing body, its document number and date.
  z.object({ way: z.literal('external'), body: text(100), docNo: text(60), date }).strict(),
  // The unit's approver, on the spot: their own account and password, checked and never kept.
  z.object({ way: z.literal('on_the_spot'), approverId: id, password: z.string().min(1).max(200) }).strict(),
]);

// What the audit entry names: the document by its 收文编号.
const ofDocument = (ctx: SignedInContext, input: { documentId: number }) => requireDocument(ctx.db, input.documentId).receipt_no;
const today = (ctx: SignedInContext) => localDate(Date.parse(ctx.now));

export const conveyanceCommands = {
  /** 传达方案: a new version each time (the range within the 知悉范围, the manner, the discipline stated). */
  'documents.planConveyance': registerWrite({
    input: z
      .object({
        documentId: id,
        range: z.array(entry).min(1).max(200),
        manner: z.enum(CONVEYANCE_MANNERS),
        discipline: text(500),
        at,
      })
      .strict(),
    run: planConveyance,
    target: ofDocument,
    summary: (input, out) => ({ version: out.version, range: input.range, manner: input.manner, discipline: input.discipline, at: input.at ?? null }),
  }),
  /** 传达: one conveyance under the plan in force. */
  'documents.convey': registerWrite({
    input: z
      .object({
        documentId: id,
        conveyor: person,
        audience: z.array(entry).min(1).max(500),
        attended: z.number().int().min(1).max(10_000),
        at,
      })
      .strict(),
    run: recordConveyance,
    target: ofDocument,
    summary: (input) => ({ conveyor: input.conveyor, audience: input.audience, attended: input.attended, at: input.at ?? null }),
  }),
  /** 公开方案: what may be published, from when, how, and whose decision (never a typed name). */
  'documents.planPublication': registerWrite({
    input: z
      .object({
        documentId: id,
        extent: z.enum(PUBLICATION_EXTENTS),
        content: text(300),
        publishFrom: date,
        channel: text(60),
        /** Required: without it, refused in words saying whose decision it needs. */
        decision: decision.optional(),
        at,
      })
      .strict(),
    run: (rec, input, ctx) => planPublication(rec, input, (approverId, password) => countersignature(ctx, approverId, password), today(ctx)),
    target: ofDocument,
    // Who decided as recorded (the approver's name, or the body and its 文号); the password never.
    summary: (input, out) => ({
      version: out.version,
      extent: input.extent,
      content: input.content,
      publishFrom: input.publishFrom,
      channel: input.channel,
      decision:
        input.decision?.way === 'external'
          ? { way: 'external', body: input.decision.body, docNo: input.decision.docNo, date: input.decision.date }
          : { way: 'on_the_spot', approver: out.decider },
    }),
  }),
  'documents.conveyance': registerRead(z.object({ documentId: id }).strict(), (ctx, input) => conveyanceOf(ctx.db, input.documentId)),
};
