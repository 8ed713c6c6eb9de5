// Reading the register: the filtered, sorted page, one item with its timeline, reminders and suggestions.
import { compressCopyNos, storageLocation } from '../../domain/copies';
import { itemCode } from '../../domain/item-codes';
import { needsManualReview, parseMarking } from '../../domain/marking';
import { readNumberQuery, type NumberQuery } from '../../domain/search';
import { all, get, sql, type Db } from '../../store/sql';
import type { CopyCounts, CopyView, DocumentDetail, DocumentEventView, DocumentListItem, DocumentReminder, LevelCode, ReminderCounts } from '../../views';
import { recorderName } from '../recorders';
import { readSettings } from '../settings';
import { findingReminders } from '../findings/queries';
import { stocktakeDue } from '../stocktake/queries';
import { computerChecksDue } from '../devices/checks';
import { publicationDueIds } from './conveyance';
import { COPY_STATUSES, inOrderOfTime, localDate, requireDocument, type Carrier, type CopyRow, type DocumentRow } from './model';

type Fragment = ReturnType<typeof sql>;

export const SORT_FIELDS = ['receiptNo', 'registeredAt', 'title', 'level', 'issueDate', 'secrecyEnd'] as const;
export const STATUS_FILTERS = ['held', 'on_loan', 'closed', 'missing', 'owed'] as const;
/** The reminders one item can be on (its 提示), each overdue (or ended) apart from due soon. */
export const ITEM_REMINDERS = [
  'loanOverdue',
  'loanDueSoon',
  'returnOverdue',
  'returnNear',
  'secrecyEnded',
  'secrecyEndingSoon',
  'reviewDue',
  'receiptPending',
  'receiptOverdue',
  'missing',
  'publicationDue',
] as const satisfies readonly DocumentReminder[];
/**
 * The list's older reminder filters (documents.list `reminder`): overdue = loanOverdue; returnDue and secrecyEnding
 * each cover both of their pair. The item reminders filter through `reminderKind`.
 */
export const REMINDER_FILTERS = ['overdue', 'returnDue', 'secrecyEnding', 'reviewDue'] as const;
type ReminderFilter = (typeof REMINDER_FILTERS)[number] | (typeof ITEM_REMINDERS)[number];

export interface DocumentQuery {
  query?: string | undefined;
  levels?: LevelCode[] | undefined;
  status?: (typeof STATUS_FILTERS)[number] | undefined;
  year?: number | undefined;
  originUnit?: string | undefined;
  locationId?: number | undefined;
  holder?: string | undefined;
  carrier?: Carrier | undefined;
  reminder?: (typeof REMINDER_FILTERS)[number] | undefined;
  reminderKind?: (typeof ITEM_REMINDERS)[number] | undefined;
  sort: (typeof SORT_FIELDS)[number];
  order: 'asc' | 'desc';
  offset: number;
  limit: number;
}

/** "Today" and the reminder horizon, as local calendar dates (the custodian's day, not UTC's). */
export interface Day {
  today: string;
  horizon: string;
  year: number;
}

export { localDate };

export function dayOf(nowMs: number, reminderDays: number): Day {
  return { today: localDate(nowMs), horizon: localDate(nowMs + reminderDays * 86_400_000), year: new Date(nowMs).getFullYear() };
}

// Whether an item is still held is kept on the row (held_copies, held_originals: triggers on copies), so these
// conditions read the item and its indexes instead of probing its copies one item at a time.
const held = (original = false) => (original ? sql`d.held_originals > 0` : sql`d.held_copies > 0`);
/** Items with a copy in this state (and more), driven from the copies' indexes. */
const withCopy = (condition: Fragment) => sql`d.id IN (SELECT c.document_id FROM copies c WHERE ${condition})`;

/** A copy on loan past its due date (the overdue reminder: its count and its list). */
const overdueCopy = (day: Day) => sql`c.status = 'on_loan' AND c.due_at < ${day.today}`;
/** A copy reported missing in an inventory and neither found (找回) nor reported lost (报失, terminal) since. */
const missingCopy = sql`c.status = 'missing' AND NOT EXISTS (SELECT 1 FROM event_copies lc JOIN events le ON le.id = lc.event_id WHERE lc.copy_id = c.id AND le.kind = 'reported_lost')`;
/**
 * What the issuer still waits for by the date term: an original held, or one missing (it is still owed). Written as two
 * whole branches, each with the date term, so that SQLite reads each through its own index (documents_return_due; the
 * missing copies) instead of every item that must go back: 2 ms instead of 120 ms at ten years.
 */
const returnable = (by: Fragment) =>
  sql`((d.must_return = 1 AND d.held_originals > 0 AND ${by}) OR (d.must_return = 1 AND ${withCopy(sql`c.reproduction = 0 AND ${missingCopy}`)} AND ${by}))`;
const secretHeld = sql`d.declassified = 0 AND d.held_copies > 0`;

/**
 * A transmission with no 回执 yet (migration 11 keeps them); `before`: sent before that date (waiting longer than the
 * setting). `perItem`: the 提示 of one page asks about its own items.
 */
function pendingReceipt(before: string | null, perItem: boolean): Fragment {
  const waiting = sql`(${before} IS NULL OR p.sent_on < ${before})`;
  return perItem
    ? sql`EXISTS (SELECT 1 FROM pending_receipts p WHERE p.document_id = d.id AND ${waiting})`
    : sql`d.id IN (SELECT p.document_id FROM pending_receipts p WHERE ${waiting})`;
}

/** The last day a transmission may be sent on and still be within the setting's days of waiting. */
function receiptCutoff(day: Day, receiptReminderDays: number): string {
  return new Date(Date.parse(`${day.today}T00:00:00Z`) - receiptReminderDays * 86_400_000).toISOString().slice(0, 10);
}

/**
 * One definition per reminder: the dashboard counts with it and the list filters with it. The older four match the
 * partial index made for each in migration 2 (the index's WHERE terms appear here as written there).
 */
function reminderCondition(kind: ReminderFilter, day: Day, receiptBefore: string, perItem = false): Fragment {
  switch (kind) {
    case 'overdue':
    case 'loanOverdue':
      return withCopy(overdueCopy(day));
    case 'loanDueSoon':
      return withCopy(sql`c.status = 'on_loan' AND c.due_at >= ${day.today} AND c.due_at <= ${day.horizon}`);
    case 'returnDue':
      return returnable(sql`d.return_by <= ${day.horizon}`);
    case 'returnOverdue':
      return returnable(sql`d.return_by < ${day.today}`);
    case 'returnNear':
      return returnable(sql`d.return_by >= ${day.today} AND d.return_by <= ${day.horizon}`);
    case 'secrecyEnding':
      return sql`d.declassified = 0 AND d.held_copies > 0 AND d.secrecy_end <= ${day.horizon}`;
    case 'secrecyEnded':
      return sql`${secretHeld} AND d.secrecy_end <= ${day.today}`;
    case 'secrecyEndingSoon':
      return sql`${secretHeld} AND d.secrecy_end > ${day.today} AND d.secrecy_end <= ${day.horizon}`;
    case 'reviewDue':
      return sql`d.level <> 'internal' AND d.declassified = 0 AND d.held_copies > 0 AND d.year < ${day.year} AND (d.last_review_year IS NULL OR d.last_review_year < ${day.year})`;
    case 'receiptPending':
      return pendingReceipt(null, perItem);
    case 'receiptOverdue':
      return pendingReceipt(receiptBefore, perItem);
    case 'missing':
      return withCopy(missingCopy);
    case 'publicationDue':
      return sql`d.voided_at IS NULL AND d.id IN (${publicationDueIds(day.today)})`;
  }
}

const receiptBeforeOf = (db: Db, day: Day) => receiptCutoff(day, readSettings(db).receiptReminderDays);

/** Which reminders each of these items is on (the 提示 column), by the same conditions the filters use. */
function remindersOf(db: Db, ids: readonly number[], day: Day): Map<number, DocumentReminder[]> {
  const result = new Map<number, DocumentReminder[]>(ids.map((id) => [id, []]));
  const receiptBefore = receiptBeforeOf(db, day);
  for (const kind of ITEM_REMINDERS) {
    const c = reminderCondition(kind, day, receiptBefore, true);
    const on = all<{ id: number }>(db, sql`SELECT d.id FROM documents d WHERE d.id IN (SELECT value FROM json_each(${JSON.stringify(ids)})) AND ${c}`);
    for (const { id } of on) result.get(id)!.push(kind);
  }
  return result;
}

/** One way a search can match: the items it names (for the count and a filter) and the same as a test of one item. */
interface SearchTerm {
  ids: Fragment;
  row: Fragment;
}

/** The same test, written the same way for both uses. */
const term = (ids: Fragment, row = sql`d.id IN (${ids})`): SearchTerm => ({ ids, row });

/** Double quotes around a phrase for FTS5 (quotes inside doubled): the text as one phrase, never as query syntax. */
const phrase = (text: string) => `"${text.replace(/"/g, '""')}"`;

/**
 * The text of 标题, 文号 and 来文单位, with the results of LIKE: 3+ characters through the trigram full-text index,
 * 1 or 2 through the unigrams and bigrams of migration 10 (folded as the grams were written, lower() as LIKE folds
 * case). A walk of the sort's index asks the grams about each item it meets (one key lookup) instead of first
 * listing every match: a 1-character search may match them all.
 */
function textTerm(q: string): SearchTerm {
  if ([...q].length >= 3) return term(sql`SELECT rowid FROM documents_fts WHERE documents_fts MATCH ${phrase(q)}`);
  return term(
    sql`SELECT document_id FROM documents_grams WHERE gram = lower(${q})`,
    sql`EXISTS (SELECT 1 FROM documents_grams g WHERE g.gram = lower(${q}) AND g.document_id = d.id)`,
  );
}

/** A 收文编号 written whole (any template, letters in any case) or by its number, with its year or without. */
function receiptTerms(n: NumberQuery): SearchTerm[] {
  const whole = term(sql`SELECT id FROM documents WHERE receipt_no = ${n.receiptNo} COLLATE NOCASE`, sql`d.receipt_no = ${n.receiptNo} COLLATE NOCASE`);
  if (!n.receipt) return [whole];
  const { year, seq } = n.receipt;
  const numbered =
    year === null
      ? term(sql`SELECT id FROM documents WHERE seq = ${seq}`, sql`d.seq = ${seq}`)
      : term(sql`SELECT id FROM documents WHERE year = ${year} AND seq = ${seq}`, sql`d.year = ${year} AND d.seq = ${seq}`);
  return [whole, numbered];
}

const copyTerm = (copyNo: number) =>
  term(
    sql`SELECT document_id FROM copies WHERE copy_no = ${copyNo}`,
    sql`EXISTS (SELECT 1 FROM copies c WHERE c.document_id = d.id AND c.copy_no = ${copyNo})`,
  );

/** The 文号 without brackets and spaces (migration 12): containing the typed one, or (`whole`) being it. */
function docNumberTerm(key: string, whole: boolean): SearchTerm {
  const matching = sql`SELECT rowid FROM documents_numbers WHERE documents_numbers MATCH ${phrase(key)}`;
  return term(whole ? sql`${matching} AND number = ${key}` : matching);
}

/** A 文号 key is looked up from 3 characters (the trigram index) and only with a digit in it: a 文号 has its year. */
const isNumberKey = (key: string) => [...key].length >= 3 && /\d/.test(key);

/** The terms of one search, joined: what it counts, the filter it adds, and the same filter for a walk of the sort's index. */
function searchOf(text: string): { count: Fragment; among: Fragment; walking: Fragment } {
  const q = text.trim();
  const n = readNumberQuery(q);
  // Text without a digit names no number: it reads the text index alone, as fast as before numbers were searched.
  const numbers = /\d/.test(n.receiptNo)
    ? [...receiptTerms(n), ...(n.copyNo === null ? [] : [copyTerm(n.copyNo)]), ...(isNumberKey(n.docNumber) ? [docNumberTerm(n.docNumber, false)] : [])]
    : [];
  const terms = [textTerm(q), ...numbers];
  const ids = sql.join(
    terms.map((t) => t.ids),
    ' UNION ',
  );
  return {
    count: sql`SELECT count(*) AS n FROM (${ids})`,
    among: sql`d.id IN (${ids})`,
    walking: sql`(${sql.join(
      terms.map((t) => t.row),
      ' OR ',
    )})`,
  };
}

/**
 * The items a typed or scanned number names exactly, newest first (at most `limit`): a 收文编号, a 文号 in any
 * written form, a 份号. A part of a number or a word of a title names nothing: that is what the search is for.
 */
export function lookupDocuments(db: Db, query: string, day: Day, limit = 10): DocumentListItem[] {
  const n = readNumberQuery(query);
  const terms = [
    ...receiptTerms(n),
    ...(n.copyNo === null ? [] : [copyTerm(n.copyNo)]),
    ...(isNumberKey(n.docNumber) ? [docNumberTerm(n.docNumber, true)] : []),
  ];
  const ids = sql.join(
    terms.map((t) => t.ids),
    ' UNION ',
  );
  const docs = all<DocumentRow>(db, sql`SELECT d.* FROM documents d WHERE d.id IN (${ids}) ORDER BY d.year DESC, d.seq DESC LIMIT ${limit}`);
  return withCopies(db, docs, day);
}

const ORDER: Record<(typeof SORT_FIELDS)[number], string> = {
  receiptNo: 'd.year {dir}, d.seq {dir}',
  registeredAt: 'd.registered_at {dir}, d.id {dir}',
  title: 'd.title {dir}, d.id {dir}',
  level: 'd.level_rank {dir}, d.year {dir}, d.seq {dir}',
  issueDate: 'd.issue_date {dir}, d.id {dir}',
  secrecyEnd: 'd.secrecy_end IS NULL, d.secrecy_end {dir}, d.id {dir}',
};

/**
 * Indexes (migration 2) that hold the items in a sort's order, with the direction they serve. Walking one and
 * skipping what the filter rejects finds a page without sorting every match; see `walkSortIndex`.
 */
const ORDER_INDEX: Partial<Record<(typeof SORT_FIELDS)[number], { index: string; orders: readonly ('asc' | 'desc')[] }>> = {
  receiptNo: { index: 'documents_receipt_order', orders: ['asc', 'desc'] },
  registeredAt: { index: 'documents_registered', orders: ['asc', 'desc'] },
  level: { index: 'documents_level', orders: ['asc', 'desc'] },
  // Items without an end come last in both directions, so only the ascending walk follows the index.
  secrecyEnd: { index: 'documents_secrecy_sort', orders: ['asc'] },
};

/**
 * Whether to walk the sort's index rather than let SQLite collect every match and sort it. SQLite has no
 * statistics here (no ANALYZE), so on its own it starts from any indexed filter term, e.g. the level or the
 * search, and sorts all matches: tens of thousands of rows for an ordinary filter. Knowing the count first, the
 * choice is simple: walking the index in order meets a match about every `size / total` entries, so it reads
 * about (offset + limit) * size / total entries; collecting and sorting reads `total` rows. Walk when that is less.
 */
function walkSortIndex(db: Db, q: DocumentQuery, total: number, plan: Plan): string | null {
  const order = ORDER_INDEX[q.sort];
  if (!order || !order.orders.includes(q.order) || plan === 'sort' || total === 0) return null;
  if (plan === 'walk') return order.index;
  const size = get<{ n: number | null }>(db, sql`SELECT max(id) AS n FROM documents`)!.n ?? 0;
  return (q.offset + q.limit) * size < total * total ? order.index : null;
}

/** How listDocuments reads a page: 'auto' chooses (walkSortIndex); tests force each way to check they agree. */
export type Plan = 'auto' | 'walk' | 'sort';

export function listDocuments(db: Db, q: DocumentQuery, day: Day, plan: Plan = 'auto'): { total: number; rows: DocumentListItem[] } {
  const where: Fragment[] = [sql`1 = 1`];
  const query = q.query?.trim() ?? '';
  const search = query ? searchOf(query) : null;
  if (search) where.push(search.among);
  if (q.levels?.length) where.push(sql`d.level IN (SELECT value FROM json_each(${JSON.stringify(q.levels)}))`);
  if (q.year) where.push(sql`d.year = ${q.year}`);
  if (q.originUnit) where.push(sql`d.origin_unit = ${q.originUnit}`);
  if (q.locationId) where.push(withCopy(sql`c.location_id = ${q.locationId} AND c.status = 'in_custody'`));
  if (q.carrier) where.push(sql`d.carrier = ${q.carrier}`);
  if (q.holder) where.push(withCopy(sql`c.holder = ${q.holder} AND c.status = 'on_loan'`));
  if (q.status === 'held') where.push(held());
  if (q.status === 'on_loan') where.push(withCopy(sql`c.status = 'on_loan'`));
  if (q.status === 'closed') where.push(sql`d.held_copies = 0`);
  if (q.status === 'missing') where.push(withCopy(sql`c.status = 'missing'`));
  // 待清退: must go back to the issuer and still holds originals (the statistics' awaitingReturnNow, the same items).
  if (q.status === 'owed') where.push(sql`d.voided_at IS NULL AND d.must_return = 1 AND d.held_originals > 0`);
  if (q.reminder) where.push(reminderCondition(q.reminder, day, receiptBeforeOf(db, day)));
  if (q.reminderKind) where.push(reminderCondition(q.reminderKind, day, receiptBeforeOf(db, day)));
  const filter = sql.join(where, ' AND ');
  // A search alone is counted by its indexes (one entry per item, never deleted), not item by item.
  const total = get<{ n: number }>(db, search && where.length === 2 ? search.count : sql`SELECT count(*) AS n FROM documents d WHERE ${filter}`)!.n;
  const order = ORDER[q.sort].replace(/\{dir\}/g, q.order === 'desc' ? 'DESC' : 'ASC');
  const index = walkSortIndex(db, q, total, plan);
  const page =
    index && search
      ? sql.join(
          where.map((w) => (w === search.among ? search.walking : w)),
          ' AND ',
        )
      : filter;
  const docs = all<DocumentRow>(db, {
    text: `SELECT d.* FROM documents d ${index ? `INDEXED BY ${index}` : ''} WHERE ${page.text} ORDER BY ${order} LIMIT ? OFFSET ?`,
    values: [...page.values, q.limit, q.offset],
  });
  return { total, rows: withCopies(db, docs, day) };
}

function withCopies(db: Db, docs: readonly DocumentRow[], day: Day): DocumentListItem[] {
  if (docs.length === 0) return [];
  const copies = all<Pick<CopyRow, 'document_id' | 'copy_no' | 'status' | 'due_at'>>(
    db,
    sql`SELECT document_id, copy_no, status, due_at FROM copies WHERE document_id IN (SELECT value FROM json_each(${JSON.stringify(docs.map((d) => d.id))})) ORDER BY document_id, copy_no`,
  );
  const byDoc = new Map<number, typeof copies>();
  for (const c of copies) {
    const list = byDoc.get(c.document_id);
    if (list) list.push(c);
    else byDoc.set(c.document_id, [c]);
  }
  const reminders = remindersOf(
    db,
    docs.map((d) => d.id),
    day,
  );
  return docs.map((d) => toListItem(d, byDoc.get(d.id) ?? [], day, reminders.get(d.id) ?? []));
}

function toListItem(
  d: DocumentRow,
  copies: readonly Pick<CopyRow, 'copy_no' | 'status' | 'due_at'>[],
  day: Day,
  reminders: DocumentReminder[],
): DocumentListItem {
  const counts = Object.fromEntries(COPY_STATUSES.map((s) => [s, 0])) as CopyCounts;
  for (const c of copies) counts[c.status] += 1;
  // 份数 and 份号 as corrected: a copy a correction took off is no longer one of them (a voided item keeps all).
  const voided = d.voided_at !== null;
  const standing = voided ? copies : copies.filter((c) => c.status !== 'voided');
  return {
    id: d.id,
    receiptNo: d.receipt_no,
    origin: d.origin,
    docNumber: d.doc_number,
    title: d.title,
    originUnit: d.origin_unit,
    carrier: d.carrier,
    level: d.level,
    marking: d.marking,
    issueDate: d.issue_date,
    secrecyEnd: d.secrecy_end,
    needsManualReview: !d.declassified && needsManualReview(parseMarking(d.marking)),
    declassified: d.declassified === 1,
    voided,
    registeredAt: d.registered_at,
    mustReturn: d.must_return === 1,
    returnBy: d.return_by,
    copies: standing.length,
    counts,
    copyNos: compressCopyNos(standing.map((c) => c.copy_no)),
    overdue: copies.some((c) => c.status === 'on_loan' && c.due_at !== null && c.due_at < day.today),
    reminders,
  };
}

/** @param prefix the ledger's label code prefix (codes/lookup codePrefix), for each copy's labelCode. */
export function getDocument(db: Db, id: number, day: Day, prefix: string): DocumentDetail {
  const d = requireDocument(db, id);
  const copies = all<CopyRow & { location_code: string | null; source_copy_no: number | null }>(
    db,
    sql`SELECT c.*, l.code AS location_code, s.copy_no AS source_copy_no FROM copies c
        LEFT JOIN locations l ON l.id = c.location_id LEFT JOIN copies s ON s.id = c.source_copy_id
        WHERE c.document_id = ${id} ORDER BY c.copy_no`,
  );
  const events = all<{
    id: number;
    kind: string;
    at: string;
    counterpart: string | null;
    approver: string | null;
    approval_id: number | null;
    batch_no: string | null;
    copy_nos: string;
    details: string;
    imported: 0 | 1;
    recorded_at: string;
    recorded_by: string;
  }>(
    db,
    sql`SELECT e.id, e.kind, e.at, e.counterpart, e.approver, e.approval_id, b.batch_no, e.details, e.imported, e.recorded_at,
               ${recorderName('e.recorded_by')} AS recorded_by,
               (SELECT json_group_array(c.copy_no) FROM event_copies ec JOIN copies c ON c.id = ec.copy_id WHERE ec.event_id = e.id) AS copy_nos
        FROM events e LEFT JOIN batches b ON b.id = e.batch_id WHERE e.document_id = ${id} ORDER BY e.id`,
  );
  const copyList: CopyView[] = copies.map((c) => ({
    id: c.id,
    copyNo: c.copy_no,
    reproduction: c.reproduction === 1,
    sourceCopyNo: c.source_copy_no,
    status: c.status,
    location: storageLocation(c.status, c.location_code),
    holder: c.holder,
    holderDepartment: c.holder_department,
    dueAt: c.due_at,
    overdue: c.status === 'on_loan' && c.due_at !== null && c.due_at < day.today,
    labelCode: itemCode(prefix, 'copy', c.id),
  }));
  // A transmission waits for its 回执 (an imported one was closed on paper).
  const confirmed = new Set(events.filter((e) => e.kind === 'receipt_confirmed').map((e) => (JSON.parse(e.details) as { eventId?: number }).eventId));
  const receiptOf = (e: (typeof events)[number]) =>
    (e.kind === 'transmit' || e.kind === 'forward') && e.imported === 0 ? { receipt: confirmed.has(e.id) ? ('confirmed' as const) : ('pending' as const) } : {};
  const timeline: DocumentEventView[] = inOrderOfTime(events).map((e) => ({
    id: e.id,
    kind: e.kind,
    at: e.at,
    counterpart: e.counterpart,
    approver: e.approver,
    approvalId: e.approval_id,
    batchNo: e.batch_no,
    copyNos: (JSON.parse(e.copy_nos) as number[]).sort((a, b) => a - b),
    details: JSON.parse(e.details) as Record<string, unknown>,
    imported: e.imported === 1,
    recordedAt: e.recorded_at,
    recordedBy: e.recorded_by,
    ...receiptOf(e),
  }));
  return {
    ...toListItem(d, copies, day, remindersOf(db, [d.id], day).get(d.id) ?? []),
    carrier: d.carrier,
    scope: JSON.parse(d.scope) as string[],
    classifiedBy: d.classified_by,
    classificationBasis: d.classification_basis,
    attachments: d.attachments,
    remarks: d.remarks,
    lastReviewYear: d.last_review_year,
    copyList,
    events: timeline,
  };
}

/** The register's reminders; approvalsPending depends on who asks (approvals/records.ts pendingFor). */
export function reminderCounts(db: Db, day: Day): Omit<ReminderCounts, 'approvalsPending'> {
  const receiptBefore = receiptBeforeOf(db, day);
  const count = (kind: ReminderFilter) => {
    const c = reminderCondition(kind, day, receiptBefore);
    return get<{ n: number }>(db, { text: `SELECT count(*) AS n FROM documents d WHERE ${c.text}`, values: c.values })!.n;
  };
  const telegrams = (c: Fragment) => get<{ n: number }>(db, sql`SELECT count(*) AS n FROM documents d WHERE d.carrier = 'telegram' AND ${c}`)!.n;
  const inventoriesThisYear = get<{ n: number }>(db, sql`SELECT count(*) AS n FROM batches WHERE kind = 'inventory' AND year = ${day.year}`)!.n;
  // Summed from the items' count of held copies (kept by triggers), a quarter of the copies' index to read.
  const heldCopies = get<{ n: number }>(db, sql`SELECT total(held_copies) AS n FROM documents`)!.n;
  // Overdue items are counted from the copies' index alone: the items' rows need not be read.
  const overdueLoans = get<{ n: number }>(db, sql`SELECT count(DISTINCT c.document_id) AS n FROM copies c WHERE ${overdueCopy(day)}`)!.n;
  return {
    overdueLoans,
    returnDue: count('returnDue'),
    secrecyEnding: count('secrecyEnding'),
    reviewDue: count('reviewDue'),
    stocktakeDue: stocktakeDue(db, day.today),
    computerChecksDue: computerChecksDue(db, day.today, readSettings(db).computerCheckIntervalDays),
    loansOverdue: overdueLoans,
    loansDueSoon: count('loanDueSoon'),
    returnOverdue: count('returnOverdue'),
    returnNear: count('returnNear'),
    secrecyEnded: count('secrecyEnded'),
    secrecyEndingSoon: count('secrecyEndingSoon'),
    receiptsPending: count('receiptPending'),
    receiptsOverdue: count('receiptOverdue'),
    missingCopies: count('missing'),
    heldCopies,
    inventoriesThisYear,
    telegramsHeld: telegrams(held()),
    telegramsDueSoon: telegrams(reminderCondition('returnNear', day, receiptBefore)),
    telegramsOverdue: telegrams(reminderCondition('returnOverdue', day, receiptBefore)),
    ...findingReminders(db, day),
    publicationDue: count('publicationDue'),
  };
}

export const SUGGEST_FIELDS = ['unit', 'person'] as const;

/** Values typed before, offered again: units (来文 / 发往 / 清退) and people (借阅人, 审批人 ...). */
export function suggest(db: Db, field: (typeof SUGGEST_FIELDS)[number], prefix: string, limit = 20): string[] {
  const like = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const q =
    field === 'unit'
      ? sql`SELECT v FROM (SELECT origin_unit AS v FROM documents UNION SELECT counterpart FROM events WHERE kind IN ('transmit', 'forward', 'return_to_issuer'))
            WHERE v IS NOT NULL AND v LIKE ${like} ESCAPE '\\' ORDER BY v LIMIT ${limit}`
      : sql`SELECT v FROM (SELECT holder AS v FROM copies WHERE status = 'on_loan' UNION SELECT counterpart FROM events WHERE kind = 'lend' UNION SELECT approver FROM events)
            WHERE v IS NOT NULL AND v LIKE ${like} ESCAPE '\\' ORDER BY v LIMIT ${limit}`;
  return all<{ v: string }>(db, q).map((r) => r.v);
}
