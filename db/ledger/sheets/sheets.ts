// Register sheets: for a register and its filters, the columns and the formatted rows that both the printout and
// the export use. One row per item (documents, devices) or per registered event (收文, 发文, 借阅, 复制, 使用).
import { z } from 'zod';
import { DOCUMENT_LEVELS, isHigher, type Level } from '../../domain/levels';
import {
  colonOf,
  CARRIER_TERMS,
  COPY_STATUS_TERMS,
  CONDITION_TERMS,
  DEVICE_STATUS_TERMS,
  LEVEL_TERMS,
  listOf,
  MEDIUM_TYPE_TERMS,
  NETWORK_TERMS,
  REMINDER_TERMS,
  say,
  STATUS_FILTER_TERMS,
  type Language as SheetLanguage,
  type Term,
} from '../../domain/terms';
import { validate } from '../../errors';
import { all, sql, type Db } from '../../store/sql';
import type { LevelCode } from '../../views';
import { documentFilterFields } from '../documents/filters';
import { compressCopyNos } from '../../domain/copies';
import { itemCode } from '../../domain/item-codes';
import { dayOf, listDocuments, localDate } from '../documents/queries';
import { inOrderOfTime } from '../documents/model';
import { listComputers, listMedia, usageLog } from '../devices/queries';
import { readSettings } from '../settings';
import { APPROVAL_COLUMNS, APPROVAL_JOIN, approvalText, type EventApproval } from './approvals';
import { label, type LabelKey } from './labels';
import { recorderName } from '../recorders';
import { statisticsDraft, statisticsSheetFilters } from './statistics';
import { conveyancesDraft, conveyancesSheetFilters } from './conveyances';
import { CONVEYANCES_SHEET_TITLE } from '../../domain/conveyance';
import { findingsDraft, findingsSheetFilters } from './findings';
import { FINDINGS_SHEET_TITLE } from '../../domain/findings';
import { computerChecksDraft, computerChecksSheetFilters, computerSecurityCells } from './computer-checks';
import { COMPUTER_CHECKS_TITLE } from '../../domain/computer-checks';
import { publicationReviewsDraft, publicationReviewsSheetFilters } from './publication-reviews';
import { PUBLICATION_SHEET_TITLE } from '../../domain/publication';

export type { SheetLanguage } from './labels';
export const SHEET_NAMES = [
  'documents',
  'received',
  'dispatched',
  'loans',
  'copies',
  'secret-computers',
  'plain-computers',
  'secret-media',
  'plain-media',
  'media-usage',
  'statistics',
  'conveyances',
  'findings',
  'computer-checks',
  'publication-reviews',
] as const;
export type SheetName = (typeof SHEET_NAMES)[number];

export interface SheetColumn {
  key: string;
  label: string;
  /** Relative width (the printout and the spreadsheet scale them). */
  width: number;
}

export interface Sheet {
  name: SheetName;
  title: string;
  unitName: string;
  filterText: string;
  columns: SheetColumn[];
  /** Cells already formatted (dates YYYY-MM-DD). */
  rows: string[][];
  /** Of the most sensitive row (for the marking). */
  highestLevel: LevelCode | null;
  /** The level of the most sensitive row, e.g. 机密 ('' when nothing is classified). */
  markingText: string;
}

const SHEET_TITLES: Record<SheetName, Term> = {
  documents: ['涉密文件登记台账', '涉密文件登記台帳', 'Register of classified documents'],
  received: ['收文登记簿', '收文登記簿', 'Register of received documents'],
  dispatched: ['发文登记簿', '發文登記簿', 'Register of documents sent out'],
  loans: ['借阅登记簿', '借閱登記簿', 'Loan register'],
  copies: ['复制登记', '複製登記', 'Copy register'],
  'secret-computers': ['涉密计算机登记备案表', '涉密計算機登記備案表', 'Register of classified computers'],
  'plain-computers': ['非涉密计算机登记备案表', '非涉密計算機登記備案表', 'Register of non-classified computers'],
  'secret-media': ['涉密移动存储介质登记备案表', '涉密移動存儲介質登記備案表', 'Register of classified removable media'],
  'plain-media': ['非涉密移动存储介质登记备案表', '非涉密移動存儲介質登記備案表', 'Register of non-classified removable media'],
  'media-usage': ['介质使用登记', '介質使用登記', 'Media usage log'],
  // Each list titles itself by its figure (收到密件明细 2026年度).
  statistics: ['统计明细', '統計明細', 'Statistics: the items'],
  conveyances: CONVEYANCES_SHEET_TITLE,
  findings: FINDINGS_SHEET_TITLE,
  'computer-checks': COMPUTER_CHECKS_TITLE,
  'publication-reviews': PUBLICATION_SHEET_TITLE,
};

const year = z.number().int().min(1949).max(2200).optional();
/** The registers of events take the year they happened in and the levels of the items concerned. */
const eventFilters = z.object({ year, levels: z.array(z.enum(DOCUMENT_LEVELS)).max(4).optional() }).strict();
const deviceFilters = (statuses: readonly [string, ...string[]]) =>
  z.object({ query: z.string().max(100).optional(), status: z.enum(statuses).optional(), responsible: z.string().trim().max(50).optional() }).strict();
const computerFilters = deviceFilters(['in_use', 'stopped', 'repair', 'scrapped', 'destroyed']);
const mediumFilters = deviceFilters(['in_use', 'stopped', 'scrapped', 'destroyed']);

/** What each sheet accepts as filters: the documents sheet the filters `documents.list` takes (without paging). */
const SHEET_FILTERS = {
  documents: z.object(documentFilterFields).strict(),
  received: eventFilters,
  dispatched: eventFilters,
  loans: eventFilters,
  copies: eventFilters,
  'secret-computers': computerFilters,
  'plain-computers': computerFilters,
  'secret-media': mediumFilters,
  'plain-media': mediumFilters,
  'media-usage': z.object({ mediumId: z.number().int().positive().optional(), computerId: z.number().int().positive().optional(), year }).strict(),
  statistics: statisticsSheetFilters,
  conveyances: conveyancesSheetFilters,
  findings: findingsSheetFilters,
  'computer-checks': computerChecksSheetFilters,
  'publication-reviews': publicationReviewsSheetFilters,
} satisfies Record<SheetName, z.ZodType>;

/** Formats a stored date or date-time as the custodian's calendar date. */
export function day(value: string | null | undefined): string {
  if (!value) return '';
  return value.length <= 10 ? value : localDate(Date.parse(value));
}

/** A date-time to the minute, local time. */
export function minute(value: string): string {
  if (value.length <= 10) return value;
  const d = new Date(Date.parse(value));
  return `${localDate(d.getTime())} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** Tracks the most sensitive level among the rows of a sheet or form. */
export function levelTracker() {
  let top: Level = 'non_secret';
  return {
    see(level: Level) {
      if (isHigher(level, top)) top = level;
    },
    result(language: SheetLanguage): { highestLevel: LevelCode | null; markingText: string } {
      return top === 'non_secret' ? { highestLevel: null, markingText: '' } : { highestLevel: top, markingText: say(LEVEL_TERMS[top], language) };
    },
  };
}

type Cell = string | number | null | undefined;
export interface Draft {
  columns: [LabelKey, number][];
  rows: Cell[][];
  /** A register of items: the row ids each row stands for, by kind, for their 标签编码 (the copies: those held). */
  items?: { kind: 'document' | 'computer' | 'medium'; ids: number[] };
  levels: Level[];
  filters: [LabelKey, string][];
  /** A title of its own instead of the register's (the documents register filtered to telegrams). */
  title?: Term;
}

export function columnsOf(spec: readonly (readonly [LabelKey, number])[], language: SheetLanguage): SheetColumn[] {
  return spec.map(([key, width]) => ({ key, label: label(key, language), width }));
}

export function cells(row: readonly Cell[]): string[] {
  return row.map((c) => (c === null || c === undefined ? '' : String(c)));
}

const copyNosOf = (json: string) => compressCopyNos(JSON.parse(json) as number[]);

export interface SheetOptions {
  /** The clock the documents sheet's reminder filters read (defaults to now). */
  now?: number;
  /**
   * The ledger's label code prefix: with it (exports), the registers of items end with a 标签编码 column; without it
   * (printouts), they stay as the paper register, which the codes would no longer fit on A4.
   */
  codePrefix?: string;
}

/** The sheet of a register with its filters (validated: bad filters are E_VALIDATION), in one language. */
export function buildSheet(db: Db, name: SheetName, filters: unknown, language: SheetLanguage, options: SheetOptions = {}): Sheet {
  const schema = SHEET_FILTERS[name];
  if (!schema) throw new TypeError(`unknown sheet ${String(name)}`);
  const draft = withLabelCodes(db, draftOf(db, name, validate(schema, filters), language, options.now ?? Date.now()), options.codePrefix, language);
  const tracker = levelTracker();
  for (const l of draft.levels) tracker.see(l);
  const yearFilter = (filters as { year?: number } | null)?.year;
  const title = say(draft.title ?? SHEET_TITLES[name], language) + (yearFilter ? (language === 'en' ? ` ${yearFilter}` : ` ${yearFilter}年度`) : '');
  return {
    name,
    title,
    unitName: readSettings(db).unitName,
    filterText: draft.filters.length
      ? draft.filters.map(([k, v]) => `${label(k, language)}${colonOf(language)}${v}`).join(language === 'en' ? '; ' : '；')
      : label('all', language),
    columns: columnsOf(draft.columns, language),
    rows: draft.rows.map(cells),
    ...tracker.result(language),
  };
}

/** The export's 标签编码 column: a device's code, or the codes of the item's copies still held (in 份号 order). */
function withLabelCodes(db: Db, draft: Draft, prefix: string | undefined, language: SheetLanguage): Draft {
  if (prefix === undefined || !draft.items) return draft;
  const { kind, ids } = draft.items;
  let codes: string[];
  if (kind === 'document') {
    const held = new Map<number, string[]>();
    for (const c of all<{ document_id: number; id: number }>(
      db,
      sql`SELECT document_id, id FROM copies WHERE document_id IN (SELECT value FROM json_each(${JSON.stringify(ids)})) AND status IN ('in_custody', 'on_loan')
          ORDER BY document_id, copy_no`,
    )) {
      const list = held.get(c.document_id);
      if (list) list.push(itemCode(prefix, 'copy', c.id));
      else held.set(c.document_id, [itemCode(prefix, 'copy', c.id)]);
    }
    codes = ids.map((id) => listOf(held.get(id) ?? [], language));
  } else codes = ids.map((id) => itemCode(prefix, kind, id));
  return { ...draft, columns: [...draft.columns, ['labelCode', kind === 'document' ? 12 : 5]], rows: draft.rows.map((row, i) => [...row, codes[i]]) };
}

// zod's output of each sheet's filters.
type Filters<N extends SheetName> = z.output<(typeof SHEET_FILTERS)[N]>;

function draftOf(db: Db, name: SheetName, filters: unknown, language: SheetLanguage, now: number): Draft {
  switch (name) {
    case 'documents':
      return documentsDraft(db, filters as Filters<'documents'>, language, now);
    case 'received':
      return receivedDraft(db, filters as Filters<'received'>, language);
    case 'dispatched':
      return dispatchedDraft(db, filters as Filters<'dispatched'>, language);
    case 'loans':
      return loansDraft(db, filters as Filters<'loans'>, language);
    case 'copies':
      return copiesDraft(db, filters as Filters<'copies'>, language);
    case 'secret-computers':
    case 'plain-computers':
      return computersDraft(db, name === 'secret-computers', filters as Filters<'secret-computers'>, language);
    case 'secret-media':
    case 'plain-media':
      return mediaDraft(db, name === 'secret-media', filters as Filters<'secret-media'>, language);
    case 'media-usage':
      return usageDraft(db, filters as Filters<'media-usage'>, language);
    case 'statistics':
      return statisticsDraft(db, filters as Filters<'statistics'>, language);
    case 'conveyances':
      return conveyancesDraft(db, filters as Filters<'conveyances'>, language);
    case 'findings':
      return findingsDraft(db, filters as Filters<'findings'>, language, now);
    case 'computer-checks':
      return computerChecksDraft(db, filters as Filters<'computer-checks'>, language);
    case 'publication-reviews':
      return publicationReviewsDraft(db, filters as Filters<'publication-reviews'>, language);
  }
}

const levelList = (levels: readonly Level[], language: SheetLanguage) =>
  listOf(
    levels.map((l) => say(LEVEL_TERMS[l], language)),
    language,
  );

function documentsDraft(db: Db, f: Filters<'documents'>, language: SheetLanguage, now: number): Draft {
  const today = dayOf(now, readSettings(db).reminderDays);
  // The whole filtered register, in the register's order: one read, no paging.
  const { rows } = listDocuments(db, { ...f, ...EVERY }, today, 'sort');
  const filters: [LabelKey, string][] = [];
  if (f.query?.trim()) filters.push(['query', f.query.trim()]);
  if (f.levels?.length) filters.push(['levels', levelList(f.levels, language)]);
  if (f.status) filters.push(['status', say(STATUS_FILTER_TERMS[f.status], language)]);
  if (f.year) filters.push(['year', String(f.year)]);
  if (f.originUnit) filters.push(['originUnit', f.originUnit]);
  if (f.locationId)
    filters.push(['storage', all<{ code: string }>(db, sql`SELECT code FROM locations WHERE id = ${f.locationId}`)[0]?.code ?? `#${f.locationId}`]);
  if (f.holder) filters.push(['holder', f.holder]);
  // Telegrams are kept apart, and print as a register of their own; another carrier is a filter like the others.
  const telegrams = f.carrier === 'telegram';
  if (f.carrier && !telegrams) filters.push(['carrier', say(CARRIER_TERMS[f.carrier], language)]);
  if (f.reminder) filters.push(['reminder', say(REMINDER_TERMS[f.reminder], language)]);
  if (f.reminderKind) filters.push(['reminder', say(REMINDER_TERMS[f.reminderKind], language)]);
  return {
    columns: [
      ['receiptNo', 5],
      ['registeredAt', 5],
      ['originUnit', 8],
      ['docNumber', 8],
      ['title', 15],
      ['marking', 6],
      ['copies', 3],
      ['copyNos', 7],
      ['status', 7],
      ['returnBy', 5],
    ],
    rows: rows.map((d) => [
      d.receiptNo,
      day(d.registeredAt),
      d.originUnit,
      d.docNumber,
      d.title,
      d.declassified ? `${d.marking}（${label('declassified', language)}）` : d.marking,
      d.copies,
      d.copyNos,
      listOf(
        (Object.keys(COPY_STATUS_TERMS) as (keyof typeof COPY_STATUS_TERMS)[])
          .filter((s) => d.counts[s] > 0)
          .map((s) => `${say(COPY_STATUS_TERMS[s], language)} ${d.counts[s]}`),
        language,
      ),
      d.mustReturn ? d.returnBy : '',
    ]),
    levels: rows.filter((d) => !d.declassified).map((d) => d.level),
    items: { kind: 'document', ids: rows.map((d) => d.id) },
    filters,
    ...(telegrams ? { title: TELEGRAM_REGISTER } : {}),
  };
}

const TELEGRAM_REGISTER: Term = ['密码电报登记簿', '密碼電報登記簿', 'Register of telegrams'];

/**
 * Whether a stored time falls in a year of the custodian's calendar: a date as written, a UTC time between the local
 * midnights that open and close the year (01:00 on 1 January in Beijing is still 31 December in UTC).
 */
function inLocalYear(at: ReturnType<typeof sql>, year: number): ReturnType<typeof sql> {
  const from = new Date(year, 0, 1).toISOString();
  const to = new Date(year + 1, 0, 1).toISOString();
  return sql`((length(${at}) = 10 AND substr(${at}, 1, 4) = ${String(year)}) OR (length(${at}) > 10 AND ${at} >= ${from} AND ${at} < ${to}))`;
}

/** The year and level filters of the event registers, on the event's time and the item's level. */
export function eventFilter(
  f: Filters<'received'>,
  at: 'e.at' | 'd.registered_at',
  language: SheetLanguage,
): { where: ReturnType<typeof sql>; filters: [LabelKey, string][] } {
  const where = [sql`1 = 1`];
  const filters: [LabelKey, string][] = [];
  if (f.year) {
    where.push(at === 'e.at' ? inLocalYear(sql`e.at`, f.year) : sql`d.year = ${f.year}`);
    filters.push(['year', String(f.year)]);
  }
  if (f.levels?.length) {
    where.push(sql`d.level IN (SELECT value FROM json_each(${JSON.stringify(f.levels)}))`);
    filters.push(['levels', levelList(f.levels, language)]);
  }
  return { where: sql.join(where, ' AND '), filters };
}

const COPY_NOS = sql`(SELECT json_group_array(c.copy_no) FROM event_copies ec JOIN copies c ON c.id = ec.copy_id WHERE ec.event_id = e.id)`;

function receivedDraft(db: Db, f: Filters<'received'>, language: SheetLanguage): Draft {
  const { where, filters } = eventFilter(f, 'd.registered_at', language);
  const rows = all<{
    receipt_no: string;
    registered_at: string;
    origin_unit: string;
    doc_number: string;
    title: string;
    marking: string;
    level: Level;
    copy_nos: string;
    details: string;
    scope: string;
    must_return: 0 | 1;
    return_by: string | null;
    remarks: string;
  }>(
    db,
    sql`SELECT d.receipt_no, d.registered_at, d.origin_unit, d.doc_number, d.title, d.marking, d.level, d.scope, d.must_return, d.return_by, d.remarks, e.details, ${COPY_NOS} AS copy_nos
        FROM documents d JOIN events e ON e.document_id = d.id AND e.kind = 'receive'
        WHERE d.origin = 'received' AND ${where} ORDER BY d.year, d.seq`,
  );
  return {
    columns: [
      ['receiptNo', 5],
      ['receivedAt', 5],
      ['originUnit', 8],
      ['docNumber', 7],
      ['title', 14],
      ['marking', 6],
      ['copies', 3],
      ['copyNos', 6],
      ['signedBy', 4],
      ['scope', 7],
      ['returnBy', 5],
      ['remarks', 5],
    ],
    rows: rows.map((r) => {
      const copyNos = JSON.parse(r.copy_nos) as number[];
      return [
        r.receipt_no,
        day(r.registered_at),
        r.origin_unit,
        r.doc_number,
        r.title,
        r.marking,
        copyNos.length,
        compressCopyNos(copyNos),
        (JSON.parse(r.details) as { handledBy?: string }).handledBy,
        listOf(JSON.parse(r.scope) as string[], language),
        r.must_return ? r.return_by : '',
        r.remarks,
      ];
    }),
    levels: rows.map((r) => r.level),
    filters,
  };
}

interface EventRow extends EventApproval {
  id: number;
  at: string;
  receipt_no: string;
  doc_number: string;
  title: string;
  marking: string;
  level: Level;
  counterpart: string | null;
  details: string;
  copy_nos: string;
  recorded_by: string;
}

/** The events of these kinds in the order they happened (inOrderOfTime: by day, by time within a day), not by date text. */
function eventsOf<R extends object = object>(db: Db, kinds: readonly string[], where: ReturnType<typeof sql>, extra = sql``, join = sql``): (EventRow & R)[] {
  return inOrderOfTime(
    all<EventRow & R>(
      db,
      sql`SELECT e.id, e.at, d.receipt_no, d.doc_number, d.title, d.marking, d.level, e.counterpart, e.approver, e.details,
                      ${recorderName('e.recorded_by')} AS recorded_by, ${COPY_NOS} AS copy_nos
               ${APPROVAL_COLUMNS} ${extra}
        FROM events e JOIN documents d ON d.id = e.document_id ${APPROVAL_JOIN} ${join}
        WHERE e.kind IN (SELECT value FROM json_each(${JSON.stringify(kinds)})) AND ${where} ORDER BY e.id`,
    ),
  );
}

function dispatchedDraft(db: Db, f: Filters<'dispatched'>, language: SheetLanguage): Draft {
  const { where, filters } = eventFilter(f, 'e.at', language);
  const rows = eventsOf<{ receipt_at: string | null; receipt_ref: string | null }>(
    db,
    ['transmit', 'forward'],
    where,
    sql`, r.at AS receipt_at, json_extract(r.details, '$.receiptRef') AS receipt_ref`,
    sql`LEFT JOIN events r ON r.document_id = e.document_id AND r.kind = 'receipt_confirmed' AND json_extract(r.details, '$.eventId') = e.id`,
  );
  return {
    columns: [
      ['date', 5],
      ['receiptNo', 5],
      ['docNumber', 7],
      ['title', 14],
      ['marking', 6],
      ['copyNos', 6],
      ['toUnit', 8],
      ['channel', 5],
      ['handledBy', 4],
      ['approver', 4],
      ['receipt', 6],
    ],
    rows: rows.map((r) => {
      const d = JSON.parse(r.details) as { channel?: string; handledBy?: string };
      return [
        day(r.at),
        r.receipt_no,
        r.doc_number,
        r.title,
        r.marking,
        copyNosOf(r.copy_nos),
        r.counterpart,
        d.channel,
        d.handledBy,
        approvalText(r, language),
        r.receipt_at ? [day(r.receipt_at), r.receipt_ref].filter(Boolean).join(' ') : '',
      ];
    }),
    levels: rows.map((r) => r.level),
    filters,
  };
}

function loansDraft(db: Db, f: Filters<'loans'>, language: SheetLanguage): Draft {
  const { where, filters } = eventFilter(f, 'e.at', language);
  // The return of a loan: the first later return of the same item that takes back one of its copies.
  const rows = eventsOf<{ returned_at: string | null; return_details: string | null }>(
    db,
    ['lend'],
    where,
    sql`, r.at AS returned_at, r.details AS return_details`,
    sql`LEFT JOIN events r ON r.id = (SELECT r2.id FROM events r2 WHERE r2.document_id = e.document_id AND r2.kind = 'return_loan' AND r2.id > e.id
          AND EXISTS (SELECT 1 FROM event_copies a JOIN event_copies b ON b.copy_id = a.copy_id WHERE a.event_id = e.id AND b.event_id = r2.id) ORDER BY r2.id LIMIT 1)`,
  );
  return {
    columns: [
      ['lentAt', 5],
      ['receiptNo', 5],
      ['title', 13],
      ['marking', 6],
      ['copyNos', 5],
      ['borrower', 4],
      ['department', 5],
      ['dueAt', 5],
      ['approver', 4],
      ['returnedAt', 5],
      ['condition', 4],
      ['receivedBy', 4],
    ],
    rows: rows.map((r) => {
      const d = JSON.parse(r.details) as { department?: string | null; dueAt?: string };
      const back = r.return_details ? (JSON.parse(r.return_details) as { condition?: keyof typeof CONDITION_TERMS; receivedBy?: string }) : null;
      return [
        day(r.at),
        r.receipt_no,
        r.title,
        r.marking,
        copyNosOf(r.copy_nos),
        r.counterpart,
        d.department,
        d.dueAt,
        approvalText(r, language),
        day(r.returned_at),
        back?.condition ? say(CONDITION_TERMS[back.condition], language) : '',
        back?.receivedBy,
      ];
    }),
    levels: rows.map((r) => r.level),
    filters,
  };
}

function copiesDraft(db: Db, f: Filters<'copies'>, language: SheetLanguage): Draft {
  const { where, filters } = eventFilter(f, 'e.at', language);
  const rows = eventsOf(db, ['copy'], where);
  return {
    columns: [
      ['date', 5],
      ['receiptNo', 5],
      ['docNumber', 7],
      ['title', 14],
      ['marking', 6],
      ['sourceCopyNo', 4],
      ['newCopyNos', 6],
      ['copies', 3],
      ['approver', 4],
      ['recordedBy', 4],
    ],
    rows: rows.map((r) => {
      const d = JSON.parse(r.details) as { sourceCopyNo: number; copyNos: number[] };
      return [
        day(r.at),
        r.receipt_no,
        r.doc_number,
        r.title,
        r.marking,
        compressCopyNos([d.sourceCopyNo]),
        compressCopyNos(d.copyNos),
        d.copyNos.length,
        approvalText(r, language),
        r.recorded_by,
      ];
    }),
    levels: rows.map((r) => r.level),
    filters,
  };
}

function deviceFilterText(
  f: { query?: string | undefined; status?: string | undefined; responsible?: string | undefined },
  statusTerm: string | null,
): [LabelKey, string][] {
  const out: [LabelKey, string][] = [];
  if (f.query?.trim()) out.push(['query', f.query.trim()]);
  if (statusTerm) out.push(['status', statusTerm]);
  if (f.responsible) out.push(['responsible', f.responsible]);
  return out;
}

/** Every device of a register: the list command's query without paging. */
const EVERY = { offset: 0, limit: -1 };

function computersDraft(db: Db, classified: boolean, f: Filters<'secret-computers'>, language: SheetLanguage): Draft {
  const { rows } = listComputers(db, { classified, ...f, ...EVERY });
  return {
    // 18 columns on landscape A4: the serials and the MAC (ASCII, they break anywhere) give room to the security
    // columns, whose words (已安装, 三合一) must not break.
    columns: [
      ['code', 5],
      ['name', 5],
      ['model', 5],
      ['serial', 5],
      ['diskSerial', 5],
      ['mac', 5],
      ['os', 6],
      ['level', 3],
      ['network', 4],
      ['purpose', 4],
      ['usingDepartment', 4],
      ['responsible', 3],
      ['location', 4],
      ['enabledAt', 5],
      ['status', 3],
      ['monitoring', 4],
      ['threeInOne', 4],
      ['securityProducts', 6],
    ],
    rows: rows.map((c) => [
      c.code,
      c.name,
      c.model,
      c.serial,
      c.diskSerial,
      c.mac,
      [c.os, c.osInstalledAt].filter(Boolean).join(' '),
      say(LEVEL_TERMS[c.level], language),
      say(NETWORK_TERMS[c.network], language),
      c.purpose,
      c.department,
      c.responsible,
      c.location,
      c.enabledAt,
      say(DEVICE_STATUS_TERMS[c.status], language),
      ...computerSecurityCells(c, language),
    ]),
    levels: rows.map((c) => c.level),
    items: { kind: 'computer', ids: rows.map((c) => c.id) },
    filters: deviceFilterText(f, f.status ? say(DEVICE_STATUS_TERMS[f.status as keyof typeof DEVICE_STATUS_TERMS], language) : null),
  };
}

function mediaDraft(db: Db, classified: boolean, f: Filters<'secret-media'>, language: SheetLanguage): Draft {
  const { rows } = listMedia(db, { classified, ...f, ...EVERY });
  return {
    columns: [
      ['code', 5],
      ['type', 4],
      ['model', 6],
      ['serial', 6],
      ['capacity', 3],
      ['level', 3],
      ['responsible', 3],
      ['department', 4],
      ['usageScope', 7],
      ['enabledAt', 5],
      ['status', 3],
      ['remarks', 6],
    ],
    rows: rows.map((m) => [
      m.code,
      say(MEDIUM_TYPE_TERMS[m.type], language),
      m.model,
      m.serial,
      m.capacity,
      say(LEVEL_TERMS[m.level], language),
      m.responsible,
      m.department,
      m.usageScope,
      m.enabledAt,
      say(DEVICE_STATUS_TERMS[m.status], language),
      m.remarks,
    ]),
    levels: rows.map((m) => m.level),
    items: { kind: 'medium', ids: rows.map((m) => m.id) },
    filters: deviceFilterText(f, f.status ? say(DEVICE_STATUS_TERMS[f.status as keyof typeof DEVICE_STATUS_TERMS], language) : null),
  };
}

function usageDraft(db: Db, f: Filters<'media-usage'>, language: SheetLanguage): Draft {
  const { rows: all_ } = usageLog(db, { mediumId: f.mediumId, computerId: f.computerId, ...EVERY });
  // The log reads newest first on screen; paper runs in time order.
  const rows = all_.filter((u) => !f.year || day(u.at).slice(0, 4) === String(f.year)).reverse();
  const filters: [LabelKey, string][] = [];
  const code = (table: 'media' | 'computers', id: number) =>
    all<{ code: string }>(db, { text: `SELECT code FROM ${table} WHERE id = ?`, values: [id] })[0]?.code ?? `#${id}`;
  if (f.mediumId) filters.push(['medium', code('media', f.mediumId)]);
  if (f.computerId) filters.push(['computer', code('computers', f.computerId)]);
  if (f.year) filters.push(['year', String(f.year)]);
  return {
    columns: [
      ['time', 6],
      ['medium', 5],
      ['mediumLevel', 3],
      ['computer', 5],
      ['computerLevel', 3],
      ['user', 4],
      ['purpose', 10],
      ['dataLevel', 4],
      ['recordedBy', 4],
    ],
    rows: rows.map((u) => [
      minute(u.at),
      u.medium,
      say(LEVEL_TERMS[u.mediumLevel], language),
      u.computer,
      say(LEVEL_TERMS[u.computerLevel], language),
      u.user,
      u.purpose,
      say(LEVEL_TERMS[u.dataLevel], language),
      u.recordedBy,
    ]),
    levels: rows.map((u) => u.dataLevel),
    filters,
  };
}
