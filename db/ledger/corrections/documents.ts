// 更正 / 作废 of a registered document. The register's columns are a projection: they change only together with a
// correction event in the same transaction, and the registration as first entered is kept verbatim in the first
// correction's event (`registered`), so nothing entered is ever lost.
import { formatCopyNo } from '../../domain/copies';
import { documentKey } from '../../domain/keys';
import { levelRank } from '../../domain/levels';
import { formatMarking } from '../../domain/marking';
import { LedgerError } from '../../errors';
import { all, get, run, sql } from '../../store/sql';
import {
  assertLocationHolds,
  copiesOf,
  HELD,
  insertEvent,
  requireDocument,
  requireLocation,
  setCopies,
  type DocumentRow,
  type Recorder,
} from '../documents/model';
import { insertCopies, parseChecked } from '../documents/operations';
import { isKeyField, type DocumentCorrectedField } from '../../domain/corrections';

/** What a correction may change, each with the value it takes; the key fields (密级标志, 份数, 文号) need an approval. */
export type DocumentCorrection = { field: Exclude<DocumentCorrectedField, 'copies'>; value: string } | { field: 'copies'; value: number };

/** The approval an action used, as its event records it (db/ledger/approvals/use.ts gives it). */
export interface UsedApproval {
  approvalId: number;
  approvalNo: string;
  way: string;
  approverName: string;
}
/** Asks for the approval of a kind for this document; refuses (throws) when there is none that fits. */
export type Approve = (kind: 'correction' | 'void') => UsedApproval;

/** The events that are the registration's own paperwork; anything else means something happened to the item. */
const PAPERWORK = ['receive', 'produce', 'correct'];

function assertNotVoided(doc: DocumentRow): void {
  if (doc.voided_at !== null) throw new LedgerError('E_VOIDED', { receiptNo: doc.receipt_no });
}

const approvalOf = (a: UsedApproval) => ({ approvalId: a.approvalId, approvalNo: a.approvalNo, way: a.way });

/** The registration as first entered: taken into the first correction, before any column changes. */
function snapshotIfFirst(rec: Recorder, doc: DocumentRow): Record<string, unknown> {
  if (get(rec.db, sql`SELECT 1 FROM events WHERE document_id = ${doc.id} AND kind = 'correct'`)) return {};
  const copies = copiesOf(rec.db, doc.id)
    .filter((c) => c.reproduction === 0)
    .map((c) => c.copy_no);
  const { held_copies: _held, held_originals: _originals, ...registered } = doc;
  return { registered: { ...registered, copyNos: copies } };
}

/** The originals the register counts as 份数 now (a correction may have taken some off). */
const standingOriginals = (rec: Recorder, documentId: number) => copiesOf(rec.db, documentId).filter((c) => c.reproduction === 0 && c.status !== 'voided');

/** 文号 / 来文单位: each 份号 of the item stays the only one under its 来文单位 + 文号. */
function assertKeyFree(rec: Recorder, doc: DocumentRow, key: string): void {
  if (!key) return;
  const taken = get<{ doc_number: string; copy_no: number }>(
    rec.db,
    sql`SELECT d.doc_number, c.copy_no FROM documents d JOIN copies c ON c.document_id = d.id
        WHERE d.doc_key = ${key} AND d.id <> ${doc.id} AND c.copy_no IN (SELECT copy_no FROM copies WHERE document_id = ${doc.id}) ORDER BY c.copy_no LIMIT 1`,
  );
  if (taken) throw new LedgerError('E_DUPLICATE', { field: 'docNumber', value: `${taken.doc_number} ${formatCopyNo(taken.copy_no)}` });
}

/** The copies a lower 份数 takes off: the highest-numbered originals, each nothing has happened to since registration. */
function copiesToTakeOff(rec: Recorder, doc: DocumentRow, count: number) {
  const off = standingOriginals(rec, doc.id).slice(-count);
  const used = all<{ copy_no: number }>(
    rec.db,
    sql`SELECT DISTINCT c.copy_no FROM copies c
        WHERE c.id IN (SELECT value FROM json_each(${JSON.stringify(off.map((c) => c.id))}))
          AND (c.status <> 'in_custody'
               OR EXISTS (SELECT 1 FROM event_copies ec JOIN events e ON e.id = ec.event_id
                          WHERE ec.copy_id = c.id AND e.kind NOT IN (SELECT value FROM json_each(${JSON.stringify(PAPERWORK)})))
               OR EXISTS (SELECT 1 FROM copies r WHERE r.source_copy_id = c.id))
        ORDER BY c.copy_no`,
  );
  if (used.length) throw new LedgerError('E_COPIES_IN_USE', { receiptNo: doc.receipt_no, copyNos: used.map((u) => u.copy_no) });
  return off;
}

interface Applied {
  before: unknown;
  after: unknown;
  copyIds?: number[];
}

/** Writes one field's new value (and what follows from it), after checking it as registration would. */
function apply(rec: Recorder, doc: DocumentRow, c: DocumentCorrection): Applied {
  switch (c.field) {
    case 'title':
      run(rec.db, sql`UPDATE documents SET title = ${c.value} WHERE id = ${doc.id}`);
      return { before: doc.title, after: c.value };
    case 'attachments':
      run(rec.db, sql`UPDATE documents SET attachments = ${c.value} WHERE id = ${doc.id}`);
      return { before: doc.attachments, after: c.value };
    case 'remarks':
      run(rec.db, sql`UPDATE documents SET remarks = ${c.value} WHERE id = ${doc.id}`);
      return { before: doc.remarks, after: c.value };
    case 'originUnit':
    case 'docNumber': {
      const originUnit = c.field === 'originUnit' ? c.value : doc.origin_unit;
      const docNumber = c.field === 'docNumber' ? c.value : doc.doc_number;
      const key = documentKey(originUnit, docNumber);
      assertKeyFree(rec, doc, key);
      run(rec.db, sql`UPDATE documents SET origin_unit = ${originUnit}, doc_number = ${docNumber}, doc_key = ${key} WHERE id = ${doc.id}`);
      return c.field === 'originUnit' ? { before: doc.origin_unit, after: originUnit } : { before: doc.doc_number, after: docNumber };
    }
    case 'issueDate': {
      if (c.value > doc.registered_at) throw new LedgerError('E_VALIDATION', { field: 'issueDate' });
      const { end } = parseChecked(doc.marking, c.value);
      run(rec.db, sql`UPDATE documents SET issue_date = ${c.value}, secrecy_end = ${doc.declassified ? doc.secrecy_end : end} WHERE id = ${doc.id}`);
      return { before: doc.issue_date, after: c.value };
    }
    case 'marking': {
      const { marking, end } = parseChecked(c.value, doc.issue_date);
      if (doc.origin === 'produced' && marking.level !== 'internal' && (!doc.classified_by || !doc.classification_basis)) {
        throw new LedgerError('E_VALIDATION', { field: 'classifiedBy' });
      }
      // Every copy held keeps (or comes back to) its cabinet: the cabinet must be able to hold the corrected level.
      for (const copy of copiesOf(rec.db, doc.id).filter((k) => HELD.includes(k.status) && k.location_id !== null))
        assertLocationHolds(requireLocation(rec.db, copy.location_id!), marking.level);
      const text = formatMarking(marking);
      run(
        rec.db,
        sql`UPDATE documents SET marking = ${text}, level = ${marking.level}, level_rank = ${levelRank(marking.level)}, secrecy_end = ${end} WHERE id = ${doc.id}`,
      );
      return { before: doc.marking, after: text };
    }
    case 'copies': {
      const standing = standingOriginals(rec, doc.id);
      if (c.value === standing.length) throw new LedgerError('E_VALIDATION', { field: 'change' });
      if (c.value < standing.length) {
        const off = copiesToTakeOff(rec, doc, standing.length - c.value);
        setCopies(rec.db, off, { status: 'voided', locationId: null });
        return { before: standing.length, after: c.value, copyIds: off.map((k) => k.id) };
      }
      // More copies: numbered on after every 份号 the item has, in the cabinet of its first copy, as registration would.
      const first = (get<{ n: number }>(rec.db, sql`SELECT max(copy_no) AS n FROM copies WHERE document_id = ${doc.id}`)?.n ?? 0) + 1;
      const count = c.value - standing.length;
      const locationId = standing[0]?.location_id ?? null;
      if (locationId !== null) assertLocationHolds(requireLocation(rec.db, locationId), doc.level);
      assertNewCopyNosFree(rec, doc, first, count);
      return { before: standing.length, after: c.value, copyIds: insertCopies(rec, doc.id, first, count, locationId, null) };
    }
  }
}

function assertNewCopyNosFree(rec: Recorder, doc: DocumentRow, first: number, count: number): void {
  if (!doc.doc_key) return;
  const taken = get<{ doc_number: string; copy_no: number }>(
    rec.db,
    sql`SELECT d.doc_number, c.copy_no FROM documents d JOIN copies c ON c.document_id = d.id
        WHERE d.doc_key = ${doc.doc_key} AND d.id <> ${doc.id} AND c.copy_no BETWEEN ${first} AND ${first + count - 1} ORDER BY c.copy_no LIMIT 1`,
  );
  if (taken) throw new LedgerError('E_DUPLICATE', { field: 'docNumber', value: `${taken.doc_number} ${formatCopyNo(taken.copy_no)}` });
}

/**
 * 更正: one registered field entered wrong gets its right value, with the reason and who corrected it; a key field
 * (密级标志, 份数, 文号) only with an approval of kind 'correction'. Returns the correction event's id.
 */
export function correctDocument(rec: Recorder, input: { documentId: number; reason: string } & DocumentCorrection, approve: Approve): { eventId: number } {
  const doc = requireDocument(rec.db, input.documentId);
  assertNotVoided(doc);
  const correction = { field: input.field, value: input.value } as DocumentCorrection;
  const registered = snapshotIfFirst(rec, doc);
  const applied = apply(rec, doc, correction);
  if (applied.before === applied.after) throw new LedgerError('E_VALIDATION', { field: 'change' });
  const approval = isKeyField(input.field) ? approve('correction') : null;
  const eventId = insertEvent(rec, {
    documentId: doc.id,
    kind: 'correct',
    at: rec.now,
    approver: approval?.approverName ?? null,
    approvalId: approval?.approvalId ?? null,
    details: {
      field: input.field,
      before: applied.before,
      after: applied.after,
      reason: input.reason,
      ...(approval ? { approval: approvalOf(approval) } : {}),
      ...registered,
    },
    copyIds: applied.copyIds ?? [],
  });
  return { eventId };
}

/**
 * 作废: a registration made in error, while nothing but its paperwork has happened to it, with a reason and an
 * approval of kind 'void'. It stays in the register, marked voided; its copies are held no more.
 */
export function voidDocument(rec: Recorder, input: { documentId: number; reason: string }, approve: Approve): { eventId: number } {
  const doc = requireDocument(rec.db, input.documentId);
  assertNotVoided(doc);
  const since = get<{ kind: string }>(
    rec.db,
    sql`SELECT kind FROM events WHERE document_id = ${doc.id} AND kind NOT IN (SELECT value FROM json_each(${JSON.stringify(PAPERWORK)})) ORDER BY id LIMIT 1`,
  );
  if (since) throw new LedgerError('E_NOT_VOIDABLE', { receiptNo: doc.receipt_no, kind: since.kind });
  const copies = copiesOf(rec.db, doc.id).filter((c) => c.status !== 'voided');
  const approval = approve('void');
  setCopies(rec.db, copies, { status: 'voided' });
  run(rec.db, sql`UPDATE documents SET voided_at = ${rec.now} WHERE id = ${doc.id}`);
  const eventId = insertEvent(rec, {
    documentId: doc.id,
    kind: 'void',
    at: rec.now,
    approver: approval.approverName,
    approvalId: approval.approvalId,
    details: { reason: input.reason, approval: approvalOf(approval) },
    copyIds: copies.map((c) => c.id),
  });
  return { eventId };
}
