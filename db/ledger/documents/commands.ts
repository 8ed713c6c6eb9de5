// The classified documents register: registration, every lifecycle event, batches, queries and reminders.
import { z } from 'zod';
import { command, recorder, registerRead, registerWrite, when } from '../../command-kit';
import type { SignedInContext } from '../../context';
import { LedgerError } from '../../errors';
import { approvalGrant as approval } from '../approvals/fields';
import { pendingFor } from '../approvals/records';
import { approvals } from '../approvals/use';
import { at, CUSTODIAN, date, empty, id, optionalText, page, person, text } from '../fields';
import { DOCUMENT_LEVELS } from '../../domain/levels';
import { CARRIERS, requireDocument, type Recorder } from './model';
import {
  assertLateEntry,
  changeMarking,
  checkRegistration,
  confirmReceipt,
  destroyCopies,
  handOver,
  lendCopies,
  moveCopies,
  recordFound,
  reportLost,
  registerDocument,
  reproduceCopy,
  returnLoan,
  returnToIssuer,
  reviewDocuments,
  takeInventory,
  transmitCopies,
  writeRegistration,
  type CheckedRegistration,
} from './operations';
import { documentFilterFields } from './filters';
import { dayOf, getDocument, listDocuments, lookupDocuments, reminderCounts, suggest, SUGGEST_FIELDS, type Day } from './queries';
import { all, get, run, sql } from '../../store/sql';
import type { LocationView } from '../../views';
import { buildBatchForm, SHEET_LANGUAGES, type PrintForm } from '../sheets';
import { itemCode } from '../../domain/item-codes';
import { codePrefix } from '../codes/lookup';

const unit = text(100);
const copyNos = z.array(z.number().int().min(1).max(9999)).min(1).max(999);
const batchItems = z
  .array(z.object({ documentId: id, copyNos }).strict())
  .min(1)
  .max(5000);
const scope = z.array(text(100)).min(1).max(200);

class Rollback extends Error {}

/**
 * 移交清单 before it is signed: the hand-over itself, run and rolled back, its list built by the printout's builder, so
 * what is shown is what will be recorded and printed (the batch number is the one it will get).
 */
function previewHandover(
  ctx: SignedInContext,
  input: { from: string; to: string; supervisor: string; at?: string | undefined; language: (typeof SHEET_LANGUAGES)[number] },
): { items: number; copies: number; batchNo: string; form: PrintForm } {
  let preview: { items: number; copies: number; batchNo: string; form: PrintForm } | undefined;
  try {
    ctx.db.transaction(() => {
      const out = handOver(recorder(ctx), { ...input, at: when(ctx, input.at) });
      const form = buildBatchForm(ctx.db, 'handover-list', out.batchNo, input.language);
      preview = { items: form.rows.length, copies: out.copies, batchNo: out.batchNo, form };
      throw new Rollback();
    })();
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  return preview!;
}

function today(ctx: SignedInContext): Day {
  return dayOf(Date.parse(ctx.now), ctx.settings().reminderDays);
}

// What an audit entry names: a document by its 收文编号, a batch by its number.
const receiptNo = (ctx: SignedInContext, documentId: number) => requireDocument(ctx.db, documentId).receipt_no;
const ofDocument = (ctx: SignedInContext, input: { documentId: number }) => receiptNo(ctx, input.documentId);
const ofBatch = (_ctx: SignedInContext, _input: unknown, out: { batchNo: string }) => out.batchNo;

const registration = {
  docNumber: optionalText(100),
  title: text(300),
  carrier: z.enum(CARRIERS).default('paper'),
  marking: text(60),
  issueDate: date,
  scope,
  copies: z.number().int().min(1).max(999),
  firstCopyNo: z.number().int().min(1).max(9000).default(1),
  locationId: id,
  attachments: optionalText(300),
  remarks: optionalText(500),
  /** 补登: why it is registered only now, when dated before the years the settings allow. */
  lateEntryReason: z.string().trim().min(1).max(200).optional(),
};

const receiveInput = z
  .object({ ...registration, receivedAt: at, originUnit: unit, signedBy: person, mustReturn: z.boolean().default(false), returnBy: date.optional() })
  .strict();

/**
 * A received document checked by every rule of 收, ready to write (writeRegistration): documents.receive writes it at
 * once; an imported register checks every row so and writes them only when all passed.
 */
export function checkReceipt(rec: Recorder, input: z.output<typeof receiveInput>, ctx: SignedInContext): CheckedRegistration {
  return checkRegistration(rec, { ...input, origin: 'received', registeredAt: when(ctx, input.receivedAt), handledBy: input.signedBy }, approvals(ctx));
}

const lateEntry = (ctx: SignedInContext, registeredAt: string | undefined, reason: string | undefined) =>
  assertLateEntry(registeredAt ?? ctx.now, reason, today(ctx).today, ctx.settings().lateEntryYears);

// What the screen shows next: the document as registered (with its 收文编号), or as it now is.
const documentOf = (ctx: SignedInContext, id: number) => getDocument(ctx.db, id, today(ctx), codePrefix(ctx));
const registered = (ctx: SignedInContext, out: { id: number }) => documentOf(ctx, out.id);
const documentNow = (ctx: SignedInContext, _out: unknown, input: { documentId: number }) => documentOf(ctx, input.documentId);

export const documentCommands = {
  'locations.list': registerRead(empty, (ctx): LocationView[] =>
    all<{ id: number; code: string; name: string; max_level: LocationView['maxLevel']; keeper: string | null; active: 0 | 1; telegrams: 0 | 1 }>(
      ctx.db,
      sql`SELECT * FROM locations ORDER BY code`,
    ).map((l) => ({
      id: l.id,
      code: l.code,
      name: l.name,
      maxLevel: l.max_level,
      keeper: l.keeper,
      active: l.active === 1,
      telegrams: l.telegrams === 1,
      labelCode: itemCode(codePrefix(ctx), 'cabinet', l.id),
    })),
  ),
  'locations.create': command({
    input: z
      .object({
        code: text(20),
        name: text(60),
        maxLevel: z.enum(DOCUMENT_LEVELS),
        keeper: z.string().trim().max(50).optional(),
        /** Marked for telegrams (密码电报 / 级发电): they are kept there, and nothing else is. */
        telegrams: z.boolean().default(false),
      })
      .strict(),
    roles: CUSTODIAN,
    mutates: true,
    run(ctx, input) {
      if (get(ctx.db, sql`SELECT 1 FROM locations WHERE code = ${input.code}`)) throw new LedgerError('E_DUPLICATE', { field: 'code' });
      // 绝密 only in a 专柜 with a dedicated keeper.
      if (input.maxLevel === 'top_secret' && !input.keeper) throw new LedgerError('E_VALIDATION', { field: 'keeper' });
      const newId = Number(
        run(
          ctx.db,
          sql`INSERT INTO locations (code, name, max_level, keeper, telegrams, created_at)
              VALUES (${input.code}, ${input.name}, ${input.maxLevel}, ${input.keeper ?? null}, ${input.telegrams}, ${ctx.now})`,
        ).lastInsertRowid,
      );
      ctx.note({ target: input.code, summary: { after: input } });
      return { id: newId };
    },
  }),

  // By hand, a registration dated long ago says why (补登); an imported register calls checkReceipt directly.
  'documents.receive': registerWrite({
    input: receiveInput,
    run: (rec, input, ctx) => {
      lateEntry(ctx, input.receivedAt, input.lateEntryReason);
      return writeRegistration(rec, checkReceipt(rec, input, ctx), ctx.settings());
    },
    target: (ctx, _input, out) => receiptNo(ctx, out.id),
    reply: registered,
  }),
  'documents.produce': registerWrite({
    input: z
      .object({
        ...registration,
        producedAt: at,
        originUnit: unit,
        producedBy: person,
        classifiedBy: person.optional(),
        classificationBasis: text(200).optional(),
        /** 汇编 / 摘录 from documents in the ledger. */
        sources: z.array(id).min(1).max(200).optional(),
        compilation: z.enum(['compile', 'excerpt']).optional(),
        /** With secret sources: the approval of the compilation (external when a source is 绝密). */
        approval: approval.optional(),
        scopeDecision: z
          .object({ decidedBy: person, decisionDocNo: text(60) })
          .strict()
          .optional(),
      })
      .strict(),
    run: (rec, input, ctx) => {
      lateEntry(ctx, input.producedAt, input.lateEntryReason);
      return registerDocument(
        rec,
        { ...input, origin: 'produced', registeredAt: when(ctx, input.producedAt), handledBy: input.producedBy, mustReturn: false },
        ctx.settings(),
        approvals(ctx),
      );
    },
    target: (ctx, _input, out) => receiptNo(ctx, out.id),
    reply: registered,
  }),
  'documents.lend': registerWrite({
    input: z
      .object({
        documentId: id,
        copyNos,
        borrower: z.object({ name: person, department: z.string().trim().max(60).optional() }).strict(),
        dueAt: date,
        takenOut: z.boolean().default(false),
        approval: approval.optional(),
        at,
      })
      .strict(),
    run: (rec, input, ctx) => lendCopies(rec, input, approvals(ctx)),
    target: ofDocument,
    reply: documentNow,
  }),
  'documents.returnLoan': registerWrite({
    input: z.object({ documentId: id, copyNos, condition: z.enum(['intact', 'missing_pages', 'damaged']).default('intact'), receivedBy: person, at }).strict(),
    run: returnLoan,
    target: ofDocument,
    reply: documentNow,
  }),
  'documents.transmit': registerWrite({
    // The channel is free text on purpose: a forbidden one is refused by the rule, in words, not by the form.
    input: z
      .object({
        documentId: id,
        copyNos,
        toUnit: unit,
        channel: text(30),
        handledBy: person,
        forward: z.boolean().default(false),
        approval: approval.optional(),
        at,
      })
      .strict(),
    run: (rec, input, ctx) => transmitCopies(rec, input, approvals(ctx)),
    target: ofDocument,
  }),
  'documents.confirmReceipt': registerWrite({
    input: z.object({ documentId: id, eventId: id, receiptRef: z.string().trim().max(100).optional(), at }).strict(),
    run: confirmReceipt,
    target: ofDocument,
  }),
  'documents.move': registerWrite({ input: z.object({ documentId: id, copyNos, locationId: id, at }).strict(), run: moveCopies, target: ofDocument }),
  'documents.copy': registerWrite({
    input: z
      .object({
        documentId: id,
        sourceCopyNo: z.number().int().min(1),
        count: z.number().int().min(1).max(99),
        approval: approval.optional(),
        locationId: id.optional(),
        at,
      })
      .strict(),
    run: (rec, input, ctx) => reproduceCopy(rec, input, approvals(ctx)),
    target: ofDocument,
  }),
  'documents.returnToIssuer': registerWrite({
    input: z.object({ items: batchItems, toUnit: unit, returner: person, receiver: person, at }).strict(),
    run: returnToIssuer,
    target: ofBatch,
  }),
  'documents.destroy': registerWrite({
    input: z
      .object({
        /** Each item with its own approval (an approved request names one document), or all under `approval`. */
        items: z
          .array(z.object({ documentId: id, copyNos, approval: approval.optional() }).strict())
          .min(1)
          .max(5000),
        approval: approval.optional(),
        method: z.enum(['facility', 'shredder']),
        place: text(100),
        destroyers: z.array(person).max(10),
        witnesses: z.array(person).max(10),
        at,
      })
      .strict(),
    run: (rec, input, ctx) => destroyCopies(rec, input, ctx.settings(), approvals(ctx)),
    target: ofBatch,
  }),
  'documents.changeMarking': registerWrite({
    input: z
      .object({
        documentId: id,
        marking: text(60).optional(),
        scope: scope.optional(),
        declassify: z.boolean().default(false),
        /** The originator's decision (external) for a received document; for one the unit produced, its approver too. */
        approval: approval.optional(),
        at,
      })
      .strict(),
    run: (rec, input, ctx) => changeMarking(rec, input, approvals(ctx)),
    target: ofDocument,
  }),
  // Many documents at once: the runner's entry, with the input, names them.
  'documents.review': registerWrite({
    input: z.object({ documentIds: z.array(id).min(1).max(5000), reviewedBy: person, conclusion: text(200), at }).strict(),
    run: reviewDocuments,
  }),
  'documents.inventory': registerWrite({
    input: z
      .object({
        missing: z
          .array(z.object({ documentId: id, copyNos }).strict())
          .max(5000)
          .default([]),
        checkedBy: z.array(person).min(1).max(10),
        at,
      })
      .strict(),
    run: takeInventory,
    target: ofBatch,
    summary: (input, out) => ({ present: out.present, missing: input.missing }),
  }),
  'documents.found': registerWrite({ input: z.object({ documentId: id, copyNos, locationId: id, at }).strict(), run: recordFound, target: ofDocument }),
  'documents.reportLost': registerWrite({
    input: z.object({ documentId: id, copyNos, reportRef: text(100), at }).strict(),
    run: reportLost,
    target: ofDocument,
  }),
  'documents.handover': registerWrite({
    input: z.object({ from: person, to: person, supervisor: person, at }).strict(),
    run: handOver,
    target: ofBatch,
    summary: (input, out) => ({ input, copies: out.copies }),
  }),
  'documents.handoverPreview': registerRead(
    z.object({ from: person, to: person, supervisor: person, at, language: z.enum(SHEET_LANGUAGES).default('zh-CN') }).strict(),
    previewHandover,
  ),

  'documents.list': registerRead(z.object({ ...documentFilterFields, ...page }).strict(), (ctx, input) => listDocuments(ctx.db, input, today(ctx))),
  'documents.get': registerRead(z.object({ id }).strict(), (ctx, input) => documentOf(ctx, input.id)),
  /** The items a typed or scanned number names exactly (收文编号, 文号 in any form, 份号): one opens at once. */
  'documents.lookup': registerRead(z.object({ query: z.string().trim().min(1).max(100) }).strict(), (ctx, input) =>
    lookupDocuments(ctx.db, input.query, today(ctx)),
  ),
  'documents.suggest': registerRead(z.object({ field: z.enum(SUGGEST_FIELDS), prefix: z.string().max(50).default('') }).strict(), (ctx, input) =>
    suggest(ctx.db, input.field, input.prefix),
  ),
  'reminders.get': registerRead(empty, (ctx) => ({ ...reminderCounts(ctx.db, today(ctx)), approvalsPending: pendingFor(ctx.db, ctx.session) })),
};
