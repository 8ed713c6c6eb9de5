// Printing: what a printout shows (print.prepare, read-only) and the audit entry each print makes (print.record).
// The hosts render the renderer's print route, which calls print.prepare, and record the pages they produced.
import { z } from 'zod';
import { auditHead } from '../../audit/chain';
import { command } from '../../command-kit';
import type { SignedInContext } from '../../context';
import { LedgerError } from '../../errors';
import { id, REGISTER_READERS } from '../fields';
import { BATCH_FORMS, buildBatchForm, buildHistory, buildSheet, SHEET_LANGUAGES, SHEET_NAMES, type FormKind, type PrintForm, type SheetName } from '../sheets';
import { say, type Language as SheetLanguage } from '../../domain/terms';

const language = z.enum(SHEET_LANGUAGES).default('zh-CN');
/** What to print: a register with its filters, a batch's form by its number, or one item's history. */
export const printRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sheet'), name: z.enum(SHEET_NAMES), filters: z.record(z.string(), z.unknown()).default({}), language }).strict(),
  z.object({ kind: z.enum(BATCH_FORMS), batchNo: z.string().trim().min(1).max(40), language }).strict(),
  z.object({ kind: z.literal('history'), documentId: id, language }).strict(),
]);
export type PrintRequest = z.input<typeof printRequest>;

/** One printout, registers and forms alike: the frame (title, marking, fields), the table, totals and signatures. */
export interface PrintDocument extends Omit<PrintForm, 'kind'> {
  kind: 'sheet' | FormKind;
  sheet: SheetName | null;
  /** Registers and histories print on A4 landscape, slips and lists on A4 portrait. */
  orientation: 'landscape' | 'portrait';
}

export interface PrintMeta {
  printedBy: { displayName: string; username: string };
  printedAt: string;
  /** The audit chain's head when the page was prepared: paper can later prove the log was not rewritten. */
  auditHead: { seq: number; shortHash: string };
}

export interface PrintPayload {
  document: PrintDocument;
  meta: PrintMeta;
}

const FILTER_LABEL = ['筛选条件', '篩選條件', 'Filter'] as const;
const ROW_COUNT = (n: number, l: SheetLanguage) => (l === 'en' ? `${n} rows` : `共 ${n} ${l === 'zh-TW' ? '條' : '条'}`);

function preparePrint(ctx: SignedInContext, request: z.output<typeof printRequest>): PrintDocument {
  switch (request.kind) {
    case 'sheet': {
      const s = buildSheet(ctx.db, request.name, request.filters, request.language, { now: Date.parse(ctx.now) });
      return {
        kind: 'sheet',
        sheet: s.name,
        orientation: 'landscape',
        title: s.title,
        number: '',
        unitName: s.unitName,
        fields: [{ label: say(FILTER_LABEL, request.language), value: s.filterText }],
        columns: s.columns,
        rows: s.rows,
        totalText: ROW_COUNT(s.rows.length, request.language),
        signatures: [],
        highestLevel: s.highestLevel,
        markingText: s.markingText,
      };
    }
    case 'history':
      return { ...buildHistory(ctx.db, request.documentId, request.language), sheet: null, orientation: 'landscape' };
    default:
      return { ...buildBatchForm(ctx.db, request.kind, request.batchNo, request.language), sheet: null, orientation: 'portrait' };
  }
}

function metaOf(ctx: SignedInContext): PrintMeta {
  const head = auditHead(ctx.db, ctx.ledgerId);
  return {
    printedBy: { displayName: ctx.session.displayName, username: ctx.session.username },
    printedAt: ctx.now,
    auditHead: { seq: head.seq, shortHash: head.hash.slice(0, 6) },
  };
}

export const printCommands = {
  'print.prepare': command({
    input: z.object({ request: printRequest }).strict(),
    roles: REGISTER_READERS,
    mutates: false,
    run: (ctx, input): PrintPayload => ({ document: preparePrint(ctx, input.request), meta: metaOf(ctx) }),
  }),
  'print.record': command({
    input: z
      .object({
        request: printRequest,
        /** What the paper showed: its title, rows and pages, and the audit head printed on it. */
        title: z.string().trim().min(1).max(200),
        rows: z.number().int().min(0).max(10_000_000),
        pages: z.number().int().min(1).max(1_000_000),
        copies: z.number().int().min(1).max(99).default(1),
        destination: z.enum(['pdf', 'printer']),
        printer: z.string().trim().max(200).optional(),
        auditSeq: z.number().int().min(0),
      })
      .strict(),
    roles: REGISTER_READERS,
    mutates: true,
    run(ctx, input) {
      // The head a page shows was read before this entry; a later one cannot have been on paper.
      const head = auditHead(ctx.db, ctx.ledgerId);
      if (input.auditSeq > head.seq) throw new LedgerError('E_VALIDATION', { field: 'auditSeq' });
      const { request, title, ...printed } = input;
      const target = request.kind === 'sheet' ? request.name : request.kind === 'history' ? `document #${request.documentId}` : request.batchNo;
      ctx.note({ target, summary: { what: request.kind, title, request, ...printed } });
      return null;
    },
  }),
};
