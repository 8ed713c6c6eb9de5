// Every step of a document carrier's life, with the rules the regulations set. Each function checks
// everything before it writes, and runs inside the command's transaction: a refusal writes nothing.
import type { CopyAction } from '../../domain/errors';
import { levelRank, type DocumentLevel as Level } from '../../domain/levels';
import { formatMarking, parseMarking, secrecyEnd, type Marking } from '../../domain/marking';
import { formatNumber, inScope } from '../../domain/receipt';
import { documentKey } from '../../domain/keys';
import { formatCopyNo } from '../../domain/copies';
import { LedgerError } from '../../errors';
import type { ApprovalUsed, UseApproval } from '../approvals/use';
import type { ApprovalGrant } from '../approvals/fields';
import { assertNotDeparted } from '../devices/people';
import { assertNoneOpen } from '../stocktake/model';
import { all, get, run, sql } from '../../store/sql';
import {
  assertLocationHolds,
  assertLocationKind,
  assertNotBefore,
  assertStatus,
  copiesOf,
  dayOfTime,
  HELD,
  insertEvent,
  nextSeq,
  requireCopies,
  requireDocument,
  requireLocation,
  setCopies,
  yearOf,
  type Carrier,
  type CopyRow,
  type DocumentRow,
  type Recorder,
} from './model';

/** The only lawful channels for sending classified carriers (ordinary post and couriers are forbidden). */
export const TRANSMIT_CHANNELS = ['机要交通', '机要通信', '机要文件交换站', '专人送达'] as const;
export type TransmitChannel = (typeof TRANSMIT_CHANNELS)[number];

export interface Borrower {
  name: string;
  department?: string | undefined;
}

export interface NewDocument {
  origin: 'received' | 'produced';
  registeredAt: string;
  originUnit: string;
  docNumber: string;
  title: string;
  carrier: Carrier;
  marking: string;
  issueDate: string;
  scope: string[];
  /** 汇编 / 摘录 of secret sources: the approval (external when a source is 绝密). */
  approval?: ApprovalGrant | undefined;
  copies: number;
  firstCopyNo: number;
  mustReturn: boolean;
  returnBy?: string | undefined;
  locationId: number;
  /** 签收人 / 承办人 for a received document, 制作人 for a produced one. */
  handledBy: string;
  classifiedBy?: string | undefined;
  classificationBasis?: string | undefined;
  attachments: string;
  remarks: string;
  /** 补登: why a registration is dated before the years the settings allow (see assertLateEntry). */
  lateEntryReason?: string | undefined;
  /** 汇编 / 摘录: the documents in the ledger it is made from. */
  sources?: number[] | undefined;
  compilation?: 'compile' | 'excerpt' | undefined;
  /** A scope narrower than the sources' together, by this decision. */
  scopeDecision?: { decidedBy: string; decisionDocNo: string } | undefined;
}

export interface Settings {
  receiptNoFormat: string;
}

export function parseChecked(text: string, issueDate: string): { marking: Marking; end: string | null } {
  const marking = parseMarking(text);
  const end = secrecyEnd(marking, issueDate);
  if (end !== null && end <= issueDate) {
    throw new LedgerError('E_BAD_MARKING', { reason: 'date_not_after_issue', text });
  }
  return { marking, end };
}

/**
 * 补登: a registration by hand dated before the current year and the `lateEntryYears` before it says why (an imported
 * register does not: it is marked as imported).
 */
export function assertLateEntry(registeredAt: string, reason: string | undefined, today: string, lateEntryYears: number): void {
  const earliest = `${yearOf(today) - lateEntryYears}-01-01`;
  if (!reason && dayOfTime(registeredAt) < earliest) throw new LedgerError('E_DATE_ORDER', { rule: 'backdated', at: registeredAt, earliest });
}

/** One carrier, one record: a 份号 of a 文号 from one 来文单位 is registered once (compared by documentKey). */
function assertCopiesNew(rec: Recorder, key: string, first: number, count: number): void {
  if (!key) return;
  const taken = get<{ doc_number: string; copy_no: number }>(
    rec.db,
    sql`SELECT d.doc_number, c.copy_no FROM documents d JOIN copies c ON c.document_id = d.id
        WHERE d.doc_key = ${key} AND d.doc_key <> '' AND c.copy_no BETWEEN ${first} AND ${first + count - 1} ORDER BY c.copy_no LIMIT 1`,
  );
  if (taken) throw new LedgerError('E_DUPLICATE', { field: 'docNumber', value: `${taken.doc_number} ${formatCopyNo(taken.copy_no)}` });
}

/**
 * 汇编 / 摘录: the marking is at least the highest level and the longest period among the sources still secret,
 * and the scope is the union of theirs unless a decision narrows it. Returns the sources and the scope to record.
 */
function fromSources(
  rec: Recorder,
  input: NewDocument,
  marking: Marking,
  end: string | null,
  use: UseApproval,
): { sources: { documentId: number; receiptNo: string }[]; scope: string[]; used: ApprovalUsed | null } {
  const docs = [...new Set(input.sources)].map((id) => requireDocument(rec.db, id));
  const telegrams = docs.filter((d) => d.carrier === 'telegram');
  if (telegrams.length) throw new LedgerError('E_TELEGRAM', { rule: 'compile', sources: telegrams.map((d) => d.receipt_no) });
  const secret = docs.filter((d) => d.level !== 'internal' && !d.declassified);
  const refuse = (rule: 'level' | 'period', above: DocumentRow[]) => {
    if (above.length) throw new LedgerError('E_COMPILATION_MARKING', { rule, marking: input.marking, sources: above.map((d) => d.receipt_no) });
  };
  refuse(
    'level',
    docs.filter((d) => !d.declassified && levelRank(d.level) > levelRank(marking.level)),
  );
  // No end (长期 or a condition) outlasts every date.
  if (end !== null)
    refuse(
      'period',
      secret.filter((d) => d.secrecy_end === null || d.secrecy_end > end),
    );
  const scope = input.scopeDecision ? input.scope : [...new Set([...input.scope, ...docs.flatMap((d) => JSON.parse(d.scope) as string[])])];
  // Approved as a copy of its most secret source (the first of them): 绝密 by the originator, 机密 / 秘密 by the approver.
  const top = secret.reduce<DocumentRow | null>((a, d) => (a === null || levelRank(d.level) > levelRank(a.level) ? d : a), null);
  const used =
    top &&
    use(input.approval, {
      kind: 'compile',
      subject: { type: 'document', id: top.id },
      authority: top.level === 'top_secret' ? 'external' : 'unit',
      at: input.registeredAt,
    });
  return { sources: docs.map((d) => ({ documentId: d.id, receiptNo: d.receipt_no })), scope, used };
}

/** A registration that passed every rule of 收 / 制作, with what the rules worked out: what writeRegistrations records. */
export interface CheckedRegistration {
  input: NewDocument;
  marking: Marking;
  end: string | null;
  scope: string[];
  key: string;
  compiled: ReturnType<typeof fromSources> | null;
}

/**
 * Every rule of 收 / 制作, checked before anything of the item is written: by hand the item is written at once, an
 * imported register checks all its rows so and writes them only when every row passed. (A compilation's approval is
 * used here, with its refusals; no imported row has sources.)
 */
export function checkRegistration(rec: Recorder, input: NewDocument, use: UseApproval): CheckedRegistration {
  const { marking, end } = parseChecked(input.marking, input.issueDate);
  // 密码电报 / 级发电 are received and always go back by a date; they are never produced here.
  const telegram = input.carrier === 'telegram';
  if (telegram && input.origin === 'produced') throw new LedgerError('E_TELEGRAM', { rule: 'produced' });
  if (telegram) input = { ...input, mustReturn: true };
  const compiled = input.sources?.length ? fromSources(rec, input, marking, end, use) : null;
  const scope = compiled?.scope ?? input.scope;
  if (input.issueDate > input.registeredAt) {
    throw new LedgerError('E_VALIDATION', { field: 'issueDate' });
  }
  // 应清退日期: required when the issuer wants the item back, and never before it arrived.
  if (input.mustReturn && !input.returnBy) throw new LedgerError('E_VALIDATION', { field: 'returnBy' });
  if (input.mustReturn && input.returnBy! < dayOfTime(input.registeredAt)) {
    throw new LedgerError('E_DATE_ORDER', { rule: 'return_by_before_receipt', at: input.returnBy!, earliest: dayOfTime(input.registeredAt) });
  }
  if (input.origin === 'produced' && marking.level !== 'internal' && (!input.classifiedBy || !input.classificationBasis)) {
    throw new LedgerError('E_VALIDATION', { field: 'classifiedBy' });
  }
  assertNotDeparted(rec.db, [input.handledBy], input.origin === 'received' ? 'signedBy' : 'producedBy');
  assertNotDeparted(rec.db, input.scope, 'scope');
  const location = requireLocation(rec.db, input.locationId);
  assertLocationHolds(location, marking.level);
  assertLocationKind(location, input.carrier);
  const key = documentKey(input.originUnit, input.docNumber);
  assertCopiesNew(rec, key, input.firstCopyNo, input.copies);
  return { input, marking, end, scope, key, compiled };
}

/** An import writes its items this many to a statement: few statements, each of a bounded size. */
const WRITE_CHUNK = 500;

/**
 * Writes checked registrations in order, each with its 收文编号 (the year's next), each copy numbered, and its 收 / 制作
 * event. Items and copies go in one statement per chunk: a statement's triggers (search indexes, held counts) journal
 * each page they touch once per statement, so thousands of rows one by one cost many times more.
 */
export function writeRegistrations(rec: Recorder, checked: readonly CheckedRegistration[], settings: Settings): number[] {
  const seqs = new Map<number, number>();
  const ids: number[] = [];
  for (let start = 0; start < checked.length; start += WRITE_CHUNK) {
    const chunk = checked.slice(start, start + WRITE_CHUNK).map((c) => {
      const year = yearOf(c.input.registeredAt);
      const seq = seqs.get(year) ?? nextSeq(rec.db, 'documents', year);
      seqs.set(year, seq + 1);
      return { ...c, year, seq };
    });
    const items = chunk.map(({ input, marking, end, scope, key, year, seq }) => ({
      year,
      seq,
      receiptNo: formatNumber(settings.receiptNoFormat, year, seq),
      origin: input.origin,
      docNumber: input.docNumber,
      title: input.title,
      originUnit: input.originUnit,
      carrier: input.carrier,
      level: marking.level,
      levelRank: levelRank(marking.level),
      marking: formatMarking(marking),
      issueDate: input.issueDate,
      end,
      scope: JSON.stringify(scope),
      mustReturn: input.mustReturn ? 1 : 0,
      returnBy: input.mustReturn ? (input.returnBy ?? null) : null,
      classifiedBy: input.classifiedBy ?? null,
      classificationBasis: input.classificationBasis ?? null,
      attachments: input.attachments,
      remarks: input.remarks,
      registeredAt: input.registeredAt,
      key,
    }));
    // RETURNING gives its rows in no set order: each id is matched back by its 收文编号's year and number.
    const written = all<{ id: number; year: number; seq: number }>(
      rec.db,
      sql`INSERT INTO documents (year, seq, receipt_no, origin, doc_number, title, origin_unit, carrier, level, level_rank, marking, issue_date, secrecy_end,
                      scope, must_return, return_by, classified_by, classification_basis, attachments, remarks, registered_at, created_at, created_by, doc_key)
          SELECT value ->> 'year', value ->> 'seq', value ->> 'receiptNo', value ->> 'origin', value ->> 'docNumber', value ->> 'title', value ->> 'originUnit',
                 value ->> 'carrier', value ->> 'level', value ->> 'levelRank', value ->> 'marking', value ->> 'issueDate', value ->> 'end',
                 value ->> 'scope', value ->> 'mustReturn', value ->> 'returnBy', value ->> 'classifiedBy', value ->> 'classificationBasis',
                 value ->> 'attachments', value ->> 'remarks', value ->> 'registeredAt', ${rec.now}, ${rec.actor}, value ->> 'key'
          FROM json_each(${JSON.stringify(items)}) ORDER BY key
          RETURNING id, year, seq`,
    );
    const idOf = new Map(written.map((w) => [`${w.year}-${w.seq}`, w.id]));
    const chunkIds = chunk.map((c) => idOf.get(`${c.year}-${c.seq}`)!);
    const copyIds = insertCopyRows(
      rec,
      chunk.flatMap(({ input }, i) =>
        Array.from({ length: input.copies }, (_, n) => ({
          documentId: chunkIds[i]!,
          copyNo: input.firstCopyNo + n,
          locationId: input.locationId,
          sourceCopyId: null,
        })),
      ),
    );
    let next = 0;
    chunk.forEach(({ input, compiled }, i) => {
      insertEvent(rec, {
        documentId: chunkIds[i]!,
        kind: input.origin === 'received' ? 'receive' : 'produce',
        at: input.registeredAt,
        counterpart: input.originUnit,
        approver: compiled?.used?.approverName ?? null,
        approvalId: compiled?.used?.approvalId ?? null,
        details: {
          handledBy: input.handledBy,
          copies: input.copies,
          ...(input.lateEntryReason ? { lateEntry: input.lateEntryReason } : {}),
          ...(input.origin === 'produced' ? { classifiedBy: input.classifiedBy, classificationBasis: input.classificationBasis } : {}),
          ...(compiled
            ? {
                compilation: input.compilation ?? 'compile',
                sources: compiled.sources,
                approval: approvalNote(compiled.used),
                ...(input.scopeDecision ? { scopeDecision: input.scopeDecision } : {}),
              }
            : {}),
        },
        copyIds: copyIds.slice(next, (next += input.copies)),
      });
    });
    ids.push(...chunkIds);
  }
  return ids;
}

export const writeRegistration = (rec: Recorder, checked: CheckedRegistration, settings: Settings): { id: number } => ({
  id: writeRegistrations(rec, [checked], settings)[0]!,
});

/** 收 / 制作: registers the item and numbers each copy (绝密 and 机密 need a 份号 per copy; every copy gets one here). */
export function registerDocument(rec: Recorder, input: NewDocument, settings: Settings, use: UseApproval): { id: number } {
  return writeRegistration(rec, checkRegistration(rec, input, use), settings);
}

export function insertCopies(
  rec: Recorder,
  documentId: number,
  first: number,
  count: number,
  locationId: number | null,
  sourceCopyId: number | null,
): number[] {
  return insertCopyRows(
    rec,
    Array.from({ length: count }, (_, i) => ({ documentId, copyNo: first + i, locationId, sourceCopyId })),
  );
}

/** Copies numbered in one statement, in custody; their ids in the order given. */
function insertCopyRows(
  rec: Recorder,
  copies: readonly { documentId: number; copyNo: number; locationId: number | null; sourceCopyId: number | null }[],
): number[] {
  // RETURNING gives its rows in no set order: matched back by item and 份号 (unique together).
  const written = all<{ id: number; document_id: number; copy_no: number }>(
    rec.db,
    sql`INSERT INTO copies (document_id, copy_no, reproduction, source_copy_id, status, location_id)
        SELECT value ->> 'documentId', value ->> 'copyNo', value ->> 'sourceCopyId' IS NOT NULL, value ->> 'sourceCopyId', 'in_custody', value ->> 'locationId'
        FROM json_each(${JSON.stringify(copies)}) ORDER BY key
        RETURNING id, document_id, copy_no`,
  );
  const idOf = new Map(written.map((w) => [`${w.document_id}#${w.copy_no}`, w.id]));
  return copies.map((c) => idOf.get(`${c.documentId}#${c.copyNo}`)!);
}

/** How the event records the approval it used (the approval itself is a record of its own). */
const approvalNote = (used: { approvalNo: string; way: string } | null) => (used ? { approvalNo: used.approvalNo, way: used.way } : null);

/**
 * 借阅 / 传阅: only copies in the cabinet; outside the 知悉范围 (lend_outside_scope), or out of the office (take_out),
 * only with an approval by the approver.
 */
export function lendCopies(
  rec: Recorder,
  input: { documentId: number; copyNos: number[]; borrower: Borrower; dueAt: string; takenOut: boolean; approval?: ApprovalGrant | undefined; at: string },
  use: UseApproval,
): void {
  const doc = requireDocument(rec.db, input.documentId);
  const copies = requireCopies(rec.db, doc.id, input.copyNos);
  assertStatus(copies, ['in_custody'], 'lend');
  assertNotDeparted(rec.db, [input.borrower.name], 'borrower');
  if (input.dueAt < input.at.slice(0, 10)) throw new LedgerError('E_VALIDATION', { field: 'dueAt' });
  const outside = !inScope(JSON.parse(doc.scope) as string[], input.borrower);
  if ((outside || input.takenOut) && !input.approval) {
    throw new LedgerError('E_APPROVAL_REQUIRED', { rule: outside ? 'outside_scope' : 'taken_out', borrower: input.borrower.name });
  }
  const used =
    outside || input.takenOut
      ? use(input.approval, {
          kind: outside ? 'lend_outside_scope' : 'take_out',
          subject: { type: 'document', id: doc.id },
          copyNos: input.copyNos,
          authority: 'unit',
          at: input.at,
        })
      : null;
  setCopies(rec.db, copies, { status: 'on_loan', holder: input.borrower.name, holderDepartment: input.borrower.department ?? null, dueAt: input.dueAt });
  insertEvent(rec, {
    documentId: doc.id,
    kind: 'lend',
    at: input.at,
    counterpart: input.borrower.name,
    approver: used?.approverName ?? null,
    approvalId: used?.approvalId ?? null,
    details: {
      department: input.borrower.department ?? null,
      dueAt: input.dueAt,
      takenOut: input.takenOut,
      outsideScope: outside,
      approval: approvalNote(used),
    },
    copyIds: copies.map((c) => c.id),
  });
}

/** When the loan a copy is out on began: the last 借阅 entered for it. */
function openingLoan(rec: Recorder, copyId: number): string {
  return get<{ at: string }>(
    rec.db,
    sql`SELECT e.at FROM events e JOIN event_copies ec ON ec.event_id = e.id WHERE ec.copy_id = ${copyId} AND e.kind = 'lend' ORDER BY e.id DESC LIMIT 1`,
  )!.at;
}

export function returnLoan(
  rec: Recorder,
  input: { documentId: number; copyNos: number[]; condition: 'intact' | 'missing_pages' | 'damaged'; receivedBy: string; at: string },
): void {
  const doc = requireDocument(rec.db, input.documentId);
  const copies = requireCopies(rec.db, doc.id, input.copyNos);
  assertStatus(copies, ['on_loan'], 'return from loan');
  for (const c of copies) assertNotBefore(input.at, openingLoan(rec, c.id), 'before_opening');
  const borrowers = [...new Set(copies.map((c) => c.holder))];
  setCopies(rec.db, copies, { status: 'in_custody' });
  insertEvent(rec, {
    documentId: doc.id,
    kind: 'return_loan',
    at: input.at,
    counterpart: borrowers.join('、'),
    details: {
      condition: input.condition,
      receivedBy: input.receivedBy,
      overdue: copies.filter((c) => c.due_at !== null && c.due_at < input.at.slice(0, 10)).map((c) => c.copy_no),
    },
    copyIds: copies.map((c) => c.id),
  });
}

function assertChannel(channel: string, level: Level): asserts channel is TransmitChannel {
  if (!(TRANSMIT_CHANNELS as readonly string[]).includes(channel)) {
    throw new LedgerError('E_FORBIDDEN_CHANNEL', { channel, rule: 'channel' });
  }
  if (channel === '机要文件交换站' && level === 'top_secret') {
    throw new LedgerError('E_FORBIDDEN_CHANNEL', { channel, rule: 'exchange_station_level' });
  }
}

/** 传递 / 转发: send copies out of the unit by a lawful channel. Forwarding needs the originator's (or its superior's) consent. */
export function transmitCopies(
  rec: Recorder,
  input: {
    documentId: number;
    copyNos: number[];
    toUnit: string;
    channel: string;
    handledBy: string;
    forward: boolean;
    approval?: ApprovalGrant | undefined;
    at: string;
  },
  use: UseApproval,
): void {
  const doc = requireDocument(rec.db, input.documentId);
  assertChannel(input.channel, doc.level);
  const copies = requireCopies(rec.db, doc.id, input.copyNos);
  assertStatus(copies, ['in_custody'], input.forward ? 'forward' : 'transmit');
  // 转发 of a classified document: the originator's (or its superior's) consent, from outside the unit.
  const used =
    input.forward && doc.level !== 'internal'
      ? use(input.approval, { kind: 'forward', subject: { type: 'document', id: doc.id }, copyNos: input.copyNos, authority: 'external', at: input.at })
      : null;
  setCopies(rec.db, copies, { status: 'transmitted', holder: input.toUnit });
  insertEvent(rec, {
    documentId: doc.id,
    kind: input.forward ? 'forward' : 'transmit',
    at: input.at,
    counterpart: input.toUnit,
    approver: used?.approverName ?? null,
    approvalId: used?.approvalId ?? null,
    details: { channel: input.channel, handledBy: input.handledBy, approval: approvalNote(used) },
    copyIds: copies.map((c) => c.id),
  });
}

/** 回执: the receiving unit confirmed a transmission. */
export function confirmReceipt(rec: Recorder, input: { documentId: number; eventId: number; receiptRef?: string | undefined; at: string }): void {
  const doc = requireDocument(rec.db, input.documentId);
  const sent = get<{ id: number; at: string }>(
    rec.db,
    sql`SELECT id, at FROM events WHERE id = ${input.eventId} AND document_id = ${doc.id} AND kind IN ('transmit', 'forward')`,
  );
  if (!sent) throw new LedgerError('E_VALIDATION', { field: 'eventId' });
  const already = get<{ id: number }>(
    rec.db,
    sql`SELECT id FROM events WHERE document_id = ${doc.id} AND kind = 'receipt_confirmed' AND json_extract(details, '$.eventId') = ${input.eventId}`,
  );
  if (already) throw new LedgerError('E_DUPLICATE', { eventId: input.eventId });
  assertNotBefore(input.at, sent.at, 'before_opening');
  const copyIds = all<{ copy_id: number }>(rec.db, sql`SELECT copy_id FROM event_copies WHERE event_id = ${input.eventId}`).map((r) => r.copy_id);
  insertEvent(rec, {
    documentId: doc.id,
    kind: 'receipt_confirmed',
    at: input.at,
    details: { eventId: input.eventId, receiptRef: input.receiptRef ?? null },
    copyIds,
  });
}

/** 保存: move copies in the cabinet to another storage location that may hold their level. */
export function moveCopies(rec: Recorder, input: { documentId: number; copyNos: number[]; locationId: number; at: string }): void {
  const doc = requireDocument(rec.db, input.documentId);
  const copies = requireCopies(rec.db, doc.id, input.copyNos);
  assertStatus(copies, ['in_custody'], 'move');
  const location = requireLocation(rec.db, input.locationId);
  assertLocationHolds(location, doc.level);
  assertLocationKind(location, doc.carrier);
  setCopies(rec.db, copies, { status: 'in_custody', locationId: location.id });
  insertEvent(rec, {
    documentId: doc.id,
    kind: 'move',
    at: input.at,
    counterpart: location.code,
    details: { locationId: location.id, location: location.code },
    copyIds: copies.map((c) => c.id),
  });
}

/**
 * 复制: 绝密 needs the originator's or its superior's approval, 机密 / 秘密 the unit head's. Copies keep level,
 * period and scope, continue the 份号 sequence and carry the 复制件 mark.
 */
export function reproduceCopy(
  rec: Recorder,
  input: { documentId: number; sourceCopyNo: number; count: number; approval?: ApprovalGrant | undefined; locationId?: number | undefined; at: string },
  use: UseApproval,
): { copyNos: number[] } {
  const doc = requireDocument(rec.db, input.documentId);
  if (doc.carrier === 'telegram') throw new LedgerError('E_TELEGRAM', { rule: 'copy', receiptNo: doc.receipt_no });
  const [source] = requireCopies(rec.db, doc.id, [input.sourceCopyNo]);
  assertStatus([source!], ['in_custody'], 'copy');
  const used =
    doc.level === 'internal'
      ? null
      : use(input.approval, {
          kind: 'copy',
          subject: { type: 'document', id: doc.id },
          copyNos: [source!.copy_no],
          count: input.count,
          authority: doc.level === 'top_secret' ? 'external' : 'unit',
          at: input.at,
        });
  const locationId = input.locationId ?? source!.location_id;
  if (locationId !== null) assertLocationHolds(requireLocation(rec.db, locationId), doc.level);
  const first = (get<{ n: number }>(rec.db, sql`SELECT max(copy_no) AS n FROM copies WHERE document_id = ${doc.id}`)?.n ?? 0) + 1;
  const copyIds = insertCopies(rec, doc.id, first, input.count, locationId, source!.id);
  const copyNos = Array.from({ length: input.count }, (_, i) => first + i);
  insertEvent(rec, {
    documentId: doc.id,
    kind: 'copy',
    at: input.at,
    approver: used?.approverName ?? null,
    approvalId: used?.approvalId ?? null,
    details: { sourceCopyNo: source!.copy_no, copyNos, approval: approvalNote(used) },
    copyIds: [source!.id, ...copyIds],
  });
  return { copyNos };
}

/** Map.groupBy arrived after Node 20. */
function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export interface BatchItem {
  documentId: number;
  copyNos: number[];
}

function loadBatch(rec: Recorder, items: readonly BatchItem[], action: CopyAction): { doc: DocumentRow; copies: CopyRow[] }[] {
  const seen = new Set<number>();
  return items.map((item) => {
    if (seen.has(item.documentId)) throw new LedgerError('E_VALIDATION', { documentId: item.documentId });
    seen.add(item.documentId);
    const doc = requireDocument(rec.db, item.documentId);
    const copies = requireCopies(rec.db, doc.id, item.copyNos);
    assertStatus(copies, ['in_custody'], action);
    return { doc, copies };
  });
}

/** A batch's number: QT-2026-007 (清退单), QC-2026-003 (清查) ... */
export const batchNumber = (prefix: string, year: number, seq: number): string => formatNumber(`${prefix}-{year}-{seq:3}`, year, seq);

/** `reserved`: a number taken earlier (a stocktake takes its 清查 number at its start), else the next one. */
function insertBatch(
  rec: Recorder,
  kind: 'return' | 'destroy' | 'handover' | 'inventory',
  prefix: string,
  at: string,
  details: Record<string, unknown>,
  reserved?: { year: number; seq: number },
): { batchId: number; batchNo: string } {
  const year = reserved?.year ?? yearOf(at);
  const seq = reserved?.seq ?? nextSeq(rec.db, 'batches', year, kind);
  const batchNo = batchNumber(prefix, year, seq);
  const id = Number(
    run(
      rec.db,
      sql`INSERT INTO batches (kind, batch_no, year, seq, at, details, recorded_at, recorded_by)
                    VALUES (${kind}, ${batchNo}, ${year}, ${seq}, ${at}, ${JSON.stringify(details)}, ${rec.now}, ${rec.actor})`,
    ).lastInsertRowid,
  );
  return { batchId: id, batchNo };
}

/** 清退: return copies to the issuer in one batch, producing the data of a 清退单. */
export function returnToIssuer(
  rec: Recorder,
  input: { items: BatchItem[]; toUnit: string; returner: string; receiver: string; at: string },
): { batchId: number; batchNo: string } {
  const loaded = loadBatch(rec, input.items, 'return to the issuer');
  const batch = insertBatch(rec, 'return', 'QT', input.at, {
    toUnit: input.toUnit,
    returner: input.returner,
    receiver: input.receiver,
    copies: loaded.reduce((n, l) => n + l.copies.length, 0),
  });
  for (const { doc, copies } of loaded) {
    setCopies(rec.db, copies, { status: 'returned', holder: input.toUnit });
    insertEvent(rec, {
      documentId: doc.id,
      kind: 'return_to_issuer',
      at: input.at,
      counterpart: input.toUnit,
      batchId: batch.batchId,
      details: { batchNo: batch.batchNo, returner: input.returner, receiver: input.receiver },
      copyIds: copies.map((c) => c.id),
    });
  }
  return batch;
}

/** 绝密 goes only to the destruction facility; 机密 / 秘密 go to the unit's compliant shredder in small quantities only. */
function assertShredderMay(loaded: readonly { doc: DocumentRow; copies: CopyRow[] }[], max: number): void {
  const top = loaded.find((l) => l.doc.level === 'top_secret');
  if (top) throw new LedgerError('E_DESTRUCTION_METHOD', { rule: 'top_secret_facility', documentId: top.doc.id, receiptNo: top.doc.receipt_no });
  const copies = loaded.reduce((n, l) => n + l.copies.length, 0);
  if (copies > max) throw new LedgerError('E_DESTRUCTION_METHOD', { rule: 'shredder_quantity', copies, max });
}

/**
 * 销毁: approved by the unit head (each item by its approval, or all by one given on the spot), at the destruction
 * facility or a compliant shredder, by 销毁人 with 监销人: two or more people, no one in both lists, the approver in
 * neither. An item the issuer wants back is never destroyed here (及时如数清退, 不得自行销毁).
 */
export function destroyCopies(
  rec: Recorder,
  input: {
    items: (BatchItem & { approval?: ApprovalGrant | undefined })[];
    approval?: ApprovalGrant | undefined;
    method: 'facility' | 'shredder';
    place: string;
    destroyers: string[];
    witnesses: string[];
    at: string;
  },
  settings: { shredderMaxCopies: number },
  use: UseApproval,
): { batchId: number; batchNo: string } {
  const destroyers = input.destroyers.map((p) => p.trim()).filter(Boolean);
  const witnesses = input.witnesses.map((p) => p.trim()).filter(Boolean);
  const people = new Set([...destroyers, ...witnesses]);
  if (destroyers.length === 0 || witnesses.length === 0 || people.size < 2) {
    throw new LedgerError('E_WITNESS_REQUIRED', { people: people.size });
  }
  const both = destroyers.find((p) => witnesses.includes(p));
  if (both) throw new LedgerError('E_WITNESS_REQUIRED', { people: people.size, rule: 'both_lists', person: both });
  const loaded = loadBatch(rec, input.items, 'destruction');
  // The issuer's own copies go back; a local reproduction (复制件) may be destroyed with approval.
  const mustReturn = loaded.find((l) => l.doc.must_return === 1 && l.copies.some((c) => c.reproduction === 0));
  if (mustReturn) {
    throw new LedgerError('E_MUST_RETURN', { documentId: mustReturn.doc.id, receiptNo: mustReturn.doc.receipt_no });
  }
  if (input.method === 'shredder') assertShredderMay(loaded, settings.shredderMaxCopies);
  // What the dates say is refused before who approved: no item is destroyed before it was registered.
  for (const { doc } of loaded) assertNotBefore(input.at, doc.registered_at, 'before_registration');
  const used = loaded.map(({ doc, copies }, i) =>
    use(input.items[i]!.approval ?? input.approval, {
      kind: 'destroy',
      subject: { type: 'document', id: doc.id },
      copyNos: copies.map((c) => c.copy_no),
      authority: 'unit',
      at: input.at,
    }),
  );
  const approver = used.map((u) => u.approverName).find((name) => people.has(name.trim()));
  if (approver) throw new LedgerError('E_WITNESS_REQUIRED', { people: people.size, rule: 'approver', person: approver });
  const batch = insertBatch(rec, 'destroy', 'XH', input.at, {
    approver: [...new Set(used.map((u) => u.approverName))].join('、'),
    approvals: used.map((u) => u.approvalNo),
    method: input.method,
    place: input.place,
    destroyers,
    witnesses,
  });
  for (const [i, { doc, copies }] of loaded.entries()) {
    setCopies(rec.db, copies, { status: 'destroyed', locationId: null });
    insertEvent(rec, {
      documentId: doc.id,
      kind: 'destroy',
      at: input.at,
      approver: used[i]!.approverName,
      approvalId: used[i]!.approvalId,
      batchId: batch.batchId,
      details: { batchNo: batch.batchNo, method: input.method, place: input.place, destroyers, witnesses, approval: approvalNote(used[i]!) },
      copyIds: copies.map((c) => c.id),
    });
  }
  return batch;
}

/** An 内部 document keeps its 发放范围: widening it (anyone added) needs an approval, refused in its own words without one. */
function assertInternalScopeKept(doc: DocumentRow, scope: readonly string[] | undefined, approval: ApprovalGrant | undefined): void {
  if (approval || doc.level !== 'internal' || !scope) return;
  const kept = JSON.parse(doc.scope) as string[];
  if (scope.some((s) => !kept.includes(s))) throw new LedgerError('E_APPROVAL_REQUIRED', { rule: 'internal_scope_widening' });
}

/**
 * 变更 / 解密: decided by the originator or its superior (an external decision with its document number), never by
 * the custodian alone; for what the unit classified itself, its approver may decide. Recorded with the marking before
 * and after.
 */
export function changeMarking(
  rec: Recorder,
  input: {
    documentId: number;
    marking?: string | undefined;
    scope?: string[] | undefined;
    declassify: boolean;
    approval?: ApprovalGrant | undefined;
    at: string;
  },
  use: UseApproval,
): void {
  const doc = requireDocument(rec.db, input.documentId);
  if (doc.declassified) throw new LedgerError('E_VALIDATION', { field: 'documentId' });
  if (!input.declassify && input.marking === undefined && input.scope === undefined) throw new LedgerError('E_VALIDATION', { field: 'marking' });
  if (input.scope) assertNotDeparted(rec.db, input.scope, 'scope');
  assertInternalScopeKept(doc, input.scope, input.approval);
  const used = use(input.approval, {
    kind: 'change_marking',
    subject: { type: 'document', id: doc.id },
    authority: doc.origin === 'received' ? 'external' : 'either',
    at: input.at,
  });
  const before = { marking: doc.marking, scope: JSON.parse(doc.scope) as string[], secrecyEnd: doc.secrecy_end };
  let after: typeof before;
  if (input.declassify) {
    run(rec.db, sql`UPDATE documents SET declassified = 1, secrecy_end = ${input.at.slice(0, 10)} WHERE id = ${doc.id}`);
    after = { ...before, secrecyEnd: input.at.slice(0, 10) };
  } else {
    const parsed = input.marking === undefined ? null : parseChecked(input.marking, doc.issue_date);
    if (parsed) {
      // A copy on loan comes back to its location: it must be able to hold the new level too.
      for (const c of copiesOf(rec.db, doc.id).filter((c) => HELD.includes(c.status) && c.location_id !== null))
        assertLocationHolds(requireLocation(rec.db, c.location_id!), parsed.marking.level);
    }
    after = {
      marking: parsed ? formatMarking(parsed.marking) : before.marking,
      scope: input.scope ?? before.scope,
      secrecyEnd: parsed ? parsed.end : before.secrecyEnd,
    };
    run(
      rec.db,
      sql`UPDATE documents SET marking = ${after.marking}, scope = ${JSON.stringify(after.scope)}, secrecy_end = ${after.secrecyEnd},
                      level = coalesce(${parsed?.marking.level ?? null}, level), level_rank = coalesce(${parsed ? levelRank(parsed.marking.level) : null}, level_rank)
                    WHERE id = ${doc.id}`,
    );
  }
  insertEvent(rec, {
    documentId: doc.id,
    kind: input.declassify ? 'declassify' : 'change_marking',
    at: input.at,
    approver: used.approverName,
    approvalId: used.approvalId,
    details: { decisionDocNo: input.approval?.way === 'external' ? input.approval.docNo : null, approval: approvalNote(used), before, after },
  });
}

/** 年度定密审查: the yearly review of items still held; records that each was reviewed this year. */
export function reviewDocuments(rec: Recorder, input: { documentIds: number[]; reviewedBy: string; conclusion: string; at: string }): void {
  const year = yearOf(input.at);
  for (const id of new Set(input.documentIds)) {
    const doc = requireDocument(rec.db, id);
    run(rec.db, sql`UPDATE documents SET last_review_year = ${year} WHERE id = ${doc.id}`);
    insertEvent(rec, { documentId: doc.id, kind: 'review', at: input.at, approver: input.reviewedBy, details: { year, conclusion: input.conclusion } });
  }
}

/** The copies out on loan at a batch, with their borrower: the 清查报告 and 移交清单 show them apart from those present. */
function onLoanOf(copies: readonly CopyRow[]): { copyNo: number; holder: string | null }[] {
  return copies.filter((c) => c.status === 'on_loan').map((c) => ({ copyNo: c.copy_no, holder: c.holder }));
}

/**
 * One inventory event: a document's copies counted together (for a stocktake by cabinet, those of one cabinet).
 * present: found, or out on loan; missing: not found; `also`: other copies the event names (found misplaced, in details).
 */
export interface InventoryGroup {
  documentId: number;
  present: readonly CopyRow[];
  missing: readonly CopyRow[];
  also?: readonly number[];
  details?: Record<string, unknown>;
}

/**
 * 清查 written: the batch, one 'inventory' event per group, and every copy not found set 'missing' (off its cabinet),
 * where the missing reminder follows it until it is found or reported lost. The whole-ledger inventory and the
 * stocktake by cabinet both record through here.
 */
export function recordInventory(
  rec: Recorder,
  batch: { at: string; details: Record<string, unknown>; reserved?: { year: number; seq: number } },
  groups: readonly InventoryGroup[],
): { batchId: number; batchNo: string } {
  const written = insertBatch(rec, 'inventory', 'QC', batch.at, batch.details, batch.reserved);
  for (const g of groups) {
    if (g.missing.length) setCopies(rec.db, g.missing, { status: 'missing', locationId: null });
    insertEvent(rec, {
      documentId: g.documentId,
      kind: 'inventory',
      at: batch.at,
      batchId: written.batchId,
      details: {
        batchNo: written.batchNo,
        present: g.present.map((c) => c.copy_no),
        missing: g.missing.map((c) => c.copy_no),
        onLoan: onLoanOf(g.present),
        ...g.details,
      },
      copyIds: [...g.present, ...g.missing].map((c) => c.id).concat(g.also ?? []),
    });
  }
  return written;
}

/** 清查: every copy the unit answers for is confirmed present or reported missing, in one batch. */
export function takeInventory(
  rec: Recorder,
  input: { missing: BatchItem[]; checkedBy: string[]; at: string },
): { batchId: number; batchNo: string; present: number; missing: number } {
  assertNoneOpen(rec.db);
  const missingIds = new Set<number>();
  for (const item of input.missing) {
    const copies = requireCopies(rec.db, item.documentId, item.copyNos);
    assertStatus(copies, HELD, 'inventory');
    for (const c of copies) missingIds.add(c.id);
  }
  const held = all<CopyRow>(rec.db, sql`SELECT * FROM copies WHERE status IN ('in_custody', 'on_loan') ORDER BY document_id, copy_no`);
  const batch = recordInventory(
    rec,
    { at: input.at, details: { checkedBy: input.checkedBy, held: held.length, missing: missingIds.size } },
    [...groupBy(held, (c) => c.document_id)].map(([documentId, copies]) => ({
      documentId,
      present: copies.filter((c) => !missingIds.has(c.id)),
      missing: copies.filter((c) => missingIds.has(c.id)),
    })),
  );
  return { ...batch, present: held.length - missingIds.size, missing: missingIds.size };
}

/** A copy reported lost (报失) is gone for good: it is neither found nor reported again. */
function assertNotLost(rec: Recorder, copies: readonly CopyRow[], action: CopyAction): void {
  const lost = get<{ copy_no: number; document_id: number }>(
    rec.db,
    sql`SELECT c.copy_no, c.document_id FROM copies c JOIN event_copies ec ON ec.copy_id = c.id JOIN events e ON e.id = ec.event_id
        WHERE e.kind = 'reported_lost' AND c.id IN (SELECT value FROM json_each(${JSON.stringify(copies.map((c) => c.id))})) ORDER BY c.copy_no LIMIT 1`,
  );
  if (lost) throw new LedgerError('E_NOT_IN_CUSTODY', { documentId: lost.document_id, copyNo: lost.copy_no, status: 'missing', action });
}

/** 找回: a copy missing since an inventory is found and goes back into a cabinet that may hold it. */
export function recordFound(rec: Recorder, input: { documentId: number; copyNos: number[]; locationId: number; at: string }): void {
  const doc = requireDocument(rec.db, input.documentId);
  const copies = requireCopies(rec.db, doc.id, input.copyNos);
  assertStatus(copies, ['missing'], 'found');
  assertNotLost(rec, copies, 'found');
  const location = requireLocation(rec.db, input.locationId);
  assertLocationHolds(location, doc.level);
  assertLocationKind(location, doc.carrier);
  setCopies(rec.db, copies, { status: 'in_custody', locationId: location.id });
  insertEvent(rec, {
    documentId: doc.id,
    kind: 'found',
    at: input.at,
    counterpart: location.code,
    details: { locationId: location.id, location: location.code },
    copyIds: copies.map((c) => c.id),
  });
}

/** 报失: a missing copy reported lost, with the report's reference; it stays missing, and off the reminders. */
export function reportLost(rec: Recorder, input: { documentId: number; copyNos: number[]; reportRef: string; at: string }): void {
  const doc = requireDocument(rec.db, input.documentId);
  const copies = requireCopies(rec.db, doc.id, input.copyNos);
  assertStatus(copies, ['missing'], 'report lost');
  assertNotLost(rec, copies, 'report lost');
  insertEvent(rec, { documentId: doc.id, kind: 'reported_lost', at: input.at, details: { reportRef: input.reportRef }, copyIds: copies.map((c) => c.id) });
}

/** 移交: a custodian leaving the post hands every held copy over; the list is the batch's data. */
export function handOver(
  rec: Recorder,
  input: { from: string; to: string; supervisor: string; at: string },
): { batchId: number; batchNo: string; copies: number } {
  if (input.from.trim() === input.to.trim()) throw new LedgerError('E_VALIDATION', { field: 'to' });
  const held = all<CopyRow>(rec.db, sql`SELECT * FROM copies WHERE status IN ('in_custody', 'on_loan') ORDER BY document_id, copy_no`);
  const batch = insertBatch(rec, 'handover', 'YJ', input.at, { from: input.from, to: input.to, supervisor: input.supervisor, copies: held.length });
  for (const [documentId, copies] of groupBy(held, (c) => c.document_id)) {
    insertEvent(rec, {
      documentId,
      kind: 'handover',
      at: input.at,
      counterpart: input.to,
      batchId: batch.batchId,
      details: { batchNo: batch.batchNo, from: input.from, copyNos: copies.map((c) => c.copy_no), onLoan: onLoanOf(copies) },
    });
  }
  return { ...batch, copies: held.length };
}
