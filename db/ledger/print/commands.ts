// Printing: what a printout shows (print.prepare, read-only) and the audit entry each print makes (print.record).
// The hosts render the renderer's print route, which calls print.prepare, and record that print by its id with the
// pages they produced.
import { z } from 'zod';
import { auditHead, type AuditHead } from '../../audit/chain';
import { command } from '../../command-kit';
import type { SignedInContext } from '../../context';
import { LedgerError } from '../../errors';
import { id, REGISTER_READERS } from '../fields';
import {
  BATCH_FORMS,
  buildApprovalForm,
  buildBatchForm,
  buildHistory,
  buildSheet,
  SHEET_LANGUAGES,
  SHEET_NAMES,
  type FormKind,
  type PrintForm,
  type SheetName,
} from '../sheets';
import { say, type Language as SheetLanguage } from '../../domain/terms';
import { approvalNoOf, receiptNoOf } from '../audit/refs';
import { findPrepared, forgetPrepared, keepPrepared } from './prepared';
import { LABEL_WORDS, labelItemsSchema, labelLayoutSchema, type LabelData, type LabelLayout } from '../../domain/labels';
import { buildLabels } from '../labels/labels';
import { codePrefix } from '../codes/lookup';
import { readSettings } from '../settings';
import type { ReportDocument } from '../../domain/report';
import { packInput, packNow } from '../statistics/commands';
import { checked as checkedRange, range as statisticsRange } from '../statistics/fields';
import { statisticsReport } from '../statistics/report';

const language = z.enum(SHEET_LANGUAGES).default('zh-CN');
/** What to print: a register with its filters, a batch's form by its number, one item's history, labels, or a report. */
export const printRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sheet'), name: z.enum(SHEET_NAMES), filters: z.record(z.string(), z.unknown()).default({}), language }).strict(),
  z.object({ kind: z.enum(BATCH_FORMS), batchNo: z.string().trim().min(1).max(40), language }).strict(),
  z.object({ kind: z.literal('history'), documentId: id, language }).strict(),
  z.object({ kind: z.literal('approval-form'), approvalId: id, language }).strict(),
  z.object({ kind: z.literal('labels'), items: labelItemsSchema, layout: labelLayoutSchema, language }).strict(),
  // Reports (ReportDocument, printed by the renderer's ReportView): the statistics of a date range.
  z.object({ kind: z.literal('statistics'), ...statisticsRange, language }).strict(),
  // The annual pack (年度自查材料) of a year.
  z.object({ kind: z.literal('annual-pack'), ...packInput }).strict(),
]);
export type PrintRequest = z.input<typeof printRequest>;

/** One printout, registers and forms alike: the frame (title, marking, fields), the table, totals and signatures. */
export interface PrintDocument extends Omit<PrintForm, 'kind'> {
  kind: 'sheet' | FormKind;
  sheet: SheetName | null;
  /** Registers and histories print on A4 landscape, slips and lists on A4 portrait. */
  orientation: 'landscape' | 'portrait';
}

/** A print of labels: each label's text and code (the renderer draws the bar codes), on the layout's pages. */
export interface LabelsDocument {
  kind: 'labels';
  sheet: null;
  orientation: 'portrait';
  /** 标签: what the print entry names. */
  title: string;
  number: '';
  unitName: string;
  labels: LabelData[];
  /** As printed: a named preset with its maker's sizes. */
  layout: LabelLayout;
}

export interface PrintMeta {
  printedBy: { displayName: string; username: string };
  printedAt: string;
  /** The audit chain's head when the page was prepared: paper can later prove the log was not rewritten. */
  auditHead: { seq: number; shortHash: string };
  /** What print.record names: the backend keeps what this print showed. */
  printId: string;
  /** What bounds the pages print.record accepts (pageUnits): the host is told it as data-print-rows. */
  rows: number;
}

/** What print.prepare returns: a form or register printout (the default), labels, or a report. */
export interface PrintPayload<D extends PrintDocument | LabelsDocument | ReportDocument = PrintDocument> {
  document: D;
  meta: PrintMeta;
}
export type LabelsPayload = PrintPayload<LabelsDocument>;
export type ReportPayload = PrintPayload<ReportDocument>;

const FILTER_LABEL = ['筛选条件', '篩選條件', 'Filter'] as const;
const ROW_COUNT = (n: number, l: SheetLanguage) => (l === 'en' ? `${n} rows` : `共 ${n} ${l === 'zh-TW' ? '條' : '条'}`);

function prepareLabels(ctx: SignedInContext, request: Extract<z.output<typeof printRequest>, { kind: 'labels' }>): LabelsDocument {
  const { labels, layout } = buildLabels(ctx.db, codePrefix(ctx), request.items, request.layout, request.language);
  const title = say(LABEL_WORDS.title, request.language);
  return { kind: 'labels', sheet: null, orientation: 'portrait', title, number: '', unitName: readSettings(ctx.db).unitName, labels, layout };
}

function preparePrint(ctx: SignedInContext, request: z.output<typeof printRequest>): PrintDocument | LabelsDocument | ReportDocument {
  switch (request.kind) {
    case 'labels':
      return prepareLabels(ctx, request);
    case 'statistics':
      return statisticsReport(ctx.db, checkedRange(request), request.language);
    case 'annual-pack':
      return packNow(ctx, request.year, request.language).document;
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
    case 'approval-form':
      return { ...buildApprovalForm(ctx.db, request.approvalId, request.language), sheet: null, orientation: 'portrait' };
    default:
      return { ...buildBatchForm(ctx.db, request.kind, request.batchNo, request.language), sheet: null, orientation: 'portrait' };
  }
}

/**
 * What a print's pages are bounded by: a register's or a form's rows, labels, and a report's blocks, where a table
 * counts its rows and a chart one more than the rows of the numbers printed under it. None takes more than a page.
 */
function pageUnits(document: PrintDocument | LabelsDocument | ReportDocument): number {
  if (document.kind === 'labels') return document.labels.length;
  if (document.kind !== 'report') return document.rows.length;
  let units = 0;
  for (const block of document.blocks) {
    if (block.kind === 'table') units += Math.max(block.rows.length, 1);
    else if (block.kind === 'chart') units += 1 + block.chart.categories.length;
    else units += 1;
  }
  return units;
}

/** What the print entry names the print by: a report by its title and its dates or year (the running number). */
const titleOf = (document: PrintDocument | LabelsDocument | ReportDocument): string =>
  document.kind === 'report' && document.number ? `${document.title} ${document.number}` : document.title;

function metaOf(ctx: SignedInContext, head: AuditHead): Omit<PrintMeta, 'printId' | 'rows'> {
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
    run(ctx, input): PrintPayload<PrintDocument | LabelsDocument | ReportDocument> {
      const document = preparePrint(ctx, input.request);
      const head = auditHead(ctx.db, ctx.ledgerId);
      const rows = pageUnits(document);
      const printId = keepPrepared(ctx.db, {
        username: ctx.session.username,
        request: input.request,
        title: titleOf(document),
        rows,
        ...(document.kind === 'labels' ? { codes: document.labels.map((l) => l.code) } : {}),
        auditSeq: head.seq,
      });
      return { document, meta: { ...metaOf(ctx, head), printId, rows } };
    },
  }),
  'print.record': command({
    input: z
      .object({
        /** The print as print.prepare returned it: what it showed comes from there, not from the caller. */
        printId: z.uuid(),
        /** Reported by the host: the pages it made and the printer it sent them to. */
        pages: z.number().int().min(1).max(1_000_000),
        copies: z.number().int().min(1).max(99).default(1),
        destination: z.enum(['pdf', 'printer']),
        printer: z.string().trim().max(200).optional(),
        /** A printer job that stopped part way (a long printout goes in chunks): the printer's reason; `pages` were sent, of every copy. */
        interrupted: z.string().trim().min(1).max(500).optional(),
      })
      .strict(),
    roles: REGISTER_READERS,
    mutates: true,
    run(ctx, input) {
      const print = findPrepared(ctx.db, input.printId, ctx.session.username);
      if (!print) throw new LedgerError('E_NO_SUCH_PRINT', { printId: input.printId });
      // A row (a label, a report's block) never takes more than a page; the frame (fields, totals, signatures) at most one more.
      // A job stopped part way reports every sheet it sent, of all the copies started (a first copy whole, part of the next).
      const sheets = input.interrupted === undefined ? 1 : input.copies;
      if (input.pages > (print.rows + 1) * sheets) throw new LedgerError('E_VALIDATION', { field: 'pages' });
      // A PDF is written whole or not at all: only paper can be left half printed.
      if (input.interrupted !== undefined && input.destination !== 'printer') throw new LedgerError('E_VALIDATION', { field: 'interrupted' });
      const request = print.request as z.output<typeof printRequest>;
      // Named as the paper names it: the item's 收文编号, the approval's or the batch's number, else its title.
      const target =
        request.kind === 'history'
          ? (receiptNoOf(ctx.db, request.documentId) ?? print.title)
          : request.kind === 'approval-form'
            ? (approvalNoOf(ctx.db, request.approvalId) ?? print.title)
            : 'batchNo' in request
              ? request.batchNo
              : print.title;
      forgetPrepared(ctx.db, input.printId);
      const reported = {
        pages: input.pages,
        ...(input.printer ? { printer: input.printer } : {}),
        ...(input.interrupted ? { interrupted: input.interrupted } : {}),
      };
      ctx.note({
        target,
        summary: {
          what: request.kind,
          title: print.title,
          request,
          rows: print.rows,
          auditSeq: print.auditSeq,
          // Labels: how many and which, by their codes (what a label shows of each item).
          ...(print.codes ? { count: print.codes.length, codes: print.codes } : {}),
          copies: input.copies,
          destination: input.destination,
          reported,
        },
      });
      return null;
    },
  }),
};
