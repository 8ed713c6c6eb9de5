// 更正 / 作废: corrections of registered documents, cabinets and devices, and voiding a registration made in error.
import { z } from 'zod';
import { command, recorder, registerRead } from '../../command-kit';
import type { SignedInContext } from '../../context';
import { DOCUMENT_LEVELS } from '../../domain/levels';
import { CUSTODIAN, date, id, optionalText, person, text } from '../fields';
import { MEDIUM_TYPES, requireComputer, requireMedium } from '../devices/devices';
import { getDocument, dayOf } from '../documents/queries';
import { codePrefix } from '../codes/lookup';
import { requireDocument } from '../documents/model';
import { approvalGrant, type ApprovalGrant } from '../approvals/fields';
import { useApproval } from '../approvals/use';
import { correctDocument, voidDocument, type Approve } from './documents';
import { correctLocation, locationHistory, requireAnyLocation } from './locations';
import { correctComputer, correctMedium } from './devices';

const reason = text(200);
/** One field's correction: which item and why (and for a document its approval), the field and its value, limited as at registration. */
const corrections =
  <C extends z.ZodRawShape>(common: C) =>
  <F extends string, V extends z.ZodType>(field: F, value: V) =>
    z.object({ ...common, field: z.literal(field), value }).strict();

/**
 * One object at the boundary (every command's input is, and its JSON Schema says so): the field among those named,
 * then checked as that field's own correction.
 */
function oneOf<U extends z.ZodDiscriminatedUnion<z.ZodObject[]>>(union: U): z.ZodPipe<z.ZodType<z.input<U>, z.input<U>>, U> {
  const first = union.options[0]!;
  const fields = union.options.map((o) => (o.shape['field'] as z.ZodLiteral<string>).value) as [string, ...string[]];
  const values = union.options.map((o) => o.shape['value'] as z.ZodType) as [z.ZodType, z.ZodType, ...z.ZodType[]];
  // Typed as the union it pipes into: what callers send is one of its members.
  return first
    .extend({ field: z.enum(fields), value: z.union(values) })
    .strict()
    .pipe(union) as unknown as z.ZodPipe<z.ZodType<z.input<U>, z.input<U>>, U>;
}

const documentCommon = { documentId: id, reason, approval: approvalGrant.optional() };
const documentOf = corrections(documentCommon);
const documentInput = oneOf(
  z.discriminatedUnion('field', [
    documentOf('title', text(300)),
    documentOf('docNumber', optionalText(100)),
    documentOf('originUnit', text(100)),
    documentOf('issueDate', date),
    documentOf('attachments', optionalText(300)),
    documentOf('remarks', optionalText(500)),
    documentOf('marking', text(60)),
    documentOf('copies', z.number().int().min(1).max(999)),
  ]),
);
const locationOf = corrections({ locationId: id, reason });
const locationInput = oneOf(
  z.discriminatedUnion('field', [
    locationOf('name', text(60)),
    // Empty: no keeper.
    locationOf('keeper', z.string().trim().max(50)),
    locationOf('maxLevel', z.enum(DOCUMENT_LEVELS)),
    locationOf('active', z.boolean()),
  ]),
);
const optional = (max: number) => z.string().trim().max(max);
const macAddress = z
  .string()
  .trim()
  .regex(/^$|^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$/, 'a MAC address such as 00-1A-2B-3C-4D-5E');
const computerOf = corrections({ id, reason });
const computerInput = oneOf(
  z.discriminatedUnion('field', [
    computerOf('name', text(60)),
    computerOf('model', text(100)),
    computerOf('serial', text(100)),
    computerOf('diskSerial', optional(100)),
    computerOf('mac', macAddress),
    computerOf('os', text(100)),
    computerOf('osInstalledAt', z.union([z.literal(''), date])),
    computerOf('purpose', text(100)),
    computerOf('department', text(60)),
    computerOf('responsible', person),
    computerOf('location', text(100)),
    computerOf('remarks', optional(500)),
  ]),
);
const mediumOf = corrections({ id, reason });
const mediumInput = oneOf(
  z.discriminatedUnion('field', [
    mediumOf('type', z.enum(MEDIUM_TYPES)),
    mediumOf('model', text(100)),
    mediumOf('serial', text(100)),
    mediumOf('capacity', text(30)),
    mediumOf('department', text(60)),
    mediumOf('responsible', person),
    mediumOf('usageScope', text(200)),
    mediumOf('remarks', optional(500)),
  ]),
);

/** A correction is the custodian's write; the audit entry names the item, the field, the new value and why. */
function correction<S extends z.ZodType<{ field: string; value: unknown; reason: string }>, O>(
  input: S,
  target: (ctx: SignedInContext, input: z.output<S>) => string,
  run: (ctx: SignedInContext, input: z.output<S>) => O,
) {
  return command({
    input,
    roles: CUSTODIAN,
    mutates: true,
    run(ctx, given: z.output<S>) {
      const out = run(ctx, given);
      ctx.note({ target: target(ctx, given), summary: { field: given.field, value: given.value, reason: given.reason } });
      return out;
    },
  });
}

/** The approval of this kind for this document, through the approvals (used once, recorded on the event). */
const approver =
  (ctx: SignedInContext, grant: ApprovalGrant | undefined, documentId: number): Approve =>
  (kind) =>
    useApproval(ctx, grant, { kind, subject: { type: 'document', id: documentId }, authority: 'unit', at: ctx.now });

const documentNow = (ctx: SignedInContext, documentId: number) =>
  getDocument(ctx.db, documentId, dayOf(Date.parse(ctx.now), ctx.settings().reminderDays), codePrefix(ctx));
const receiptNo = (ctx: SignedInContext, input: { documentId: number }) => requireDocument(ctx.db, input.documentId).receipt_no;

export const correctionCommands = {
  // The document as it now is, so that the screen shows the correction at once.
  'documents.correct': correction(documentInput, receiptNo, (ctx, { approval, ...input }) => {
    correctDocument(recorder(ctx), input, approver(ctx, approval, input.documentId));
    return documentNow(ctx, input.documentId);
  }),
  'documents.void': command({
    input: z.object({ documentId: id, reason, approval: approvalGrant.optional() }).strict(),
    roles: CUSTODIAN,
    mutates: true,
    run(ctx, input) {
      voidDocument(recorder(ctx), input, approver(ctx, input.approval, input.documentId));
      ctx.note({ target: receiptNo(ctx, input), summary: { reason: input.reason } });
      return documentNow(ctx, input.documentId);
    },
  }),
  'locations.correct': correction(
    locationInput,
    (ctx, input) => requireAnyLocation(ctx.db, input.locationId).code,
    (ctx, input) => correctLocation(recorder(ctx), input),
  ),
  'locations.history': registerRead(z.object({ locationId: id }).strict(), (ctx, input) => locationHistory(ctx.db, input.locationId)),
  'computers.correct': correction(
    computerInput,
    (ctx, input) => requireComputer(ctx.db, input.id).code,
    (ctx, input) => correctComputer(recorder(ctx), input),
  ),
  'media.correct': correction(
    mediumInput,
    (ctx, input) => requireMedium(ctx.db, input.id).code,
    (ctx, input) => correctMedium(recorder(ctx), input),
  ),
};
