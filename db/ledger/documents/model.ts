// Row types and the small reads and writes every documents operation shares.
import type { CopyAction } from '../../domain/errors';
import type { DocumentLevel as Level } from '../../domain/levels';
import { cabinetRefusal, type Cabinet, type CabinetRefusal } from '../../domain/locations';
import { LedgerError } from '../../errors';
import { all, get, run, sql, type Db } from '../../store/sql';

/** 'voided': the registration was voided (作废), or a 份数 correction took the copy off before anything happened to it. */
export const COPY_STATUSES = ['in_custody', 'on_loan', 'transmitted', 'returned', 'destroyed', 'missing', 'voided'] as const;
export type CopyStatus = (typeof COPY_STATUSES)[number];
/** Copies the unit still answers for: in the cabinet or lent out. */
export const HELD: readonly CopyStatus[] = ['in_custody', 'on_loan'];
/** 载体形式: 'telegram' is 密码电报 / 级发电, a carrier of its own (kept apart, always returned, never copied). */
export const CARRIERS = ['paper', 'disc', 'other', 'telegram'] as const;
export type Carrier = (typeof CARRIERS)[number];

export interface DocumentRow {
  id: number;
  year: number;
  seq: number;
  receipt_no: string;
  origin: 'received' | 'produced';
  doc_number: string;
  title: string;
  origin_unit: string;
  carrier: Carrier;
  level: Level;
  level_rank: number;
  marking: string;
  issue_date: string;
  secrecy_end: string | null;
  scope: string;
  must_return: 0 | 1;
  return_by: string | null;
  classified_by: string | null;
  classification_basis: string | null;
  attachments: string;
  remarks: string;
  declassified: 0 | 1;
  last_review_year: number | null;
  registered_at: string;
  created_at: string;
  created_by: string;
  /** Copies in custody or on loan (kept by triggers on copies). */
  held_copies: number;
  /** The same, originals only (not 复制件). */
  held_originals: number;
  /** 来文单位 + 文号 as compared (domain/keys documentKey). */
  doc_key: string;
  /** When the registration was voided (作废); null while it stands. */
  voided_at: string | null;
}

export interface CopyRow {
  id: number;
  document_id: number;
  copy_no: number;
  reproduction: 0 | 1;
  source_copy_id: number | null;
  status: CopyStatus;
  location_id: number | null;
  holder: string | null;
  holder_department: string | null;
  due_at: string | null;
}

export interface LocationRow {
  id: number;
  code: string;
  name: string;
  max_level: Level;
  keeper: string | null;
  active: 0 | 1;
  created_at: string;
  /** Marked for telegrams: holds 密码电报 / 级发电 only. */
  telegrams: 0 | 1;
}

/** Who records, and when: one clock reading for every row a command writes. */
export interface Recorder {
  db: Db;
  now: string;
  actor: string;
}

export function requireDocument(db: Db, id: number): DocumentRow {
  const row = get<DocumentRow>(db, sql`SELECT * FROM documents WHERE id = ${id}`);
  if (!row) throw new LedgerError('E_NO_SUCH_DOCUMENT', { documentId: id });
  return row;
}

/** The named copies of a document, each once; an unknown 份号 is refused by number. */
export function requireCopies(db: Db, documentId: number, copyNos: readonly number[]): CopyRow[] {
  const wanted = [...new Set(copyNos)].sort((a, b) => a - b);
  const rows = all<CopyRow>(
    db,
    sql`SELECT * FROM copies WHERE document_id = ${documentId} AND copy_no IN (SELECT value FROM json_each(${JSON.stringify(wanted)})) ORDER BY copy_no`,
  );
  const missing = wanted.filter((n) => !rows.some((r) => r.copy_no === n));
  if (missing.length) throw new LedgerError('E_NO_SUCH_COPY', { documentId, copyNos: missing });
  return rows;
}

export function copiesOf(db: Db, documentId: number): CopyRow[] {
  return all<CopyRow>(db, sql`SELECT * FROM copies WHERE document_id = ${documentId} ORDER BY copy_no`);
}

/** Refuses the whole operation when any copy is not in a state it applies to (lent twice, used after destruction, ...). */
export function assertStatus(copies: readonly CopyRow[], allowed: readonly CopyStatus[], action: CopyAction): void {
  const wrong = copies.find((c) => !allowed.includes(c.status));
  if (wrong) {
    throw new LedgerError('E_NOT_IN_CUSTODY', {
      documentId: wrong.document_id,
      copyNo: wrong.copy_no,
      status: wrong.status,
      action,
    });
  }
}

export function requireLocation(db: Db, id: number): LocationRow {
  const row = get<LocationRow>(db, sql`SELECT * FROM locations WHERE id = ${id}`);
  if (!row || !row.active) throw new LedgerError('E_NO_SUCH_LOCATION', { locationId: id });
  return row;
}

/** The cabinet as the domain rule reads it. */
const cabinetOf = (location: LocationRow): Cabinet => ({ code: location.code, maxLevel: location.max_level, telegrams: location.telegrams === 1 });

function refuse(refusal: CabinetRefusal | null): void {
  if (refusal?.code === 'E_LOCATION_LEVEL') throw new LedgerError(refusal.code, refusal.details);
  if (refusal?.code === 'E_TELEGRAM') throw new LedgerError(refusal.code, refusal.details);
}

/** 绝密 only in a 专柜 that may hold it: every location states the highest level it may hold. */
export function assertLocationHolds(location: LocationRow, level: Level): void {
  refuse(cabinetRefusal(cabinetOf(location), { level }));
}

/** Telegrams are kept apart: only in a location marked for telegrams, and such a location holds nothing else. */
export function assertLocationKind(location: LocationRow, carrier: Carrier): void {
  refuse(cabinetRefusal(cabinetOf(location), { telegram: carrier === 'telegram' }));
}

/** The local calendar date of an instant (the custodian's day, not UTC's). */
export function localDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A time given as a calendar date alone (YYYY-MM-DD), not a date-time. */
export const isDateOnly = (time: string): boolean => time.length === 10;

/** The calendar day of a date or a date-time. */
export const dayOfTime = (time: string): string => (isDateOnly(time) ? time : localDate(Date.parse(time)));

/**
 * Whether `a` happened before `b`. A date alone says only the day: against it, anything on the same day is not
 * before (a loan entered as 2026-11-10 may close with a return at 2026-11-10 08:00, and the other way round).
 */
export function happenedBefore(a: string, b: string): boolean {
  return isDateOnly(a) || isDateOnly(b) ? dayOfTime(a) < dayOfTime(b) : Date.parse(a) < Date.parse(b);
}

/**
 * Events in the order they happened: by day, and within a day in the order entered, except that events with a time
 * of day take the places of such events in the order of their times (a date alone says nothing about the hour).
 */
export function inOrderOfTime<E extends { id: number; at: string }>(events: readonly E[]): E[] {
  const sorted = events.map((e) => ({ e, day: dayOfTime(e.at) })).sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.e.id - b.e.id));
  const timedPlaces = new Map<string, number[]>();
  sorted.forEach(({ e, day }, i) => {
    if (!isDateOnly(e.at)) timedPlaces.set(day, [...(timedPlaces.get(day) ?? []), i]);
  });
  const result = sorted.map(({ e }) => e);
  for (const places of timedPlaces.values()) {
    const inTime = places.map((i) => result[i]!).sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id - b.id);
    places.forEach((place, k) => (result[place] = inTime[k]!));
  }
  return result;
}

/** Nothing happens before what it follows: its item's registration, or the event it closes. */
export function assertNotBefore(at: string, earliest: string, rule: 'before_registration' | 'before_opening'): void {
  if (happenedBefore(at, earliest)) throw new LedgerError('E_DATE_ORDER', { rule, at, earliest });
}

export interface EventDraft {
  documentId: number;
  kind: string;
  at: string;
  counterpart?: string | null;
  approver?: string | null;
  /** The approval (审批) the event used, when it needed one. */
  approvalId?: number | null;
  batchId?: number | null;
  details?: Record<string, unknown>;
  copyIds?: readonly number[];
  imported?: boolean;
}

export function insertEvent(rec: Recorder, e: EventDraft): number {
  assertNotBefore(
    e.at,
    get<{ registered_at: string }>(rec.db, sql`SELECT registered_at FROM documents WHERE id = ${e.documentId}`)!.registered_at,
    'before_registration',
  );
  const id = Number(
    run(
      rec.db,
      sql`INSERT INTO events (document_id, kind, at, counterpart, approver, approval_id, batch_id, details, imported, recorded_at, recorded_by)
                    VALUES (${e.documentId}, ${e.kind}, ${e.at}, ${e.counterpart ?? null}, ${e.approver ?? null}, ${e.approvalId ?? null}, ${e.batchId ?? null},
                            ${JSON.stringify(e.details ?? {})}, ${e.imported ?? false}, ${rec.now}, ${rec.actor})`,
    ).lastInsertRowid,
  );
  if (e.copyIds?.length) {
    run(rec.db, sql`INSERT INTO event_copies (event_id, copy_id) SELECT ${id}, value FROM json_each(${JSON.stringify(e.copyIds)})`);
  }
  return id;
}

export interface CopyChange {
  status: CopyStatus;
  locationId?: number | null;
  holder?: string | null;
  holderDepartment?: string | null;
  dueAt?: string | null;
}

/** Moves copies to a new state; holder and due date are cleared unless given (only a loan has them). */
export function setCopies(db: Db, copies: readonly CopyRow[], change: CopyChange): void {
  const ids = JSON.stringify(copies.map((c) => c.id));
  run(
    db,
    sql`UPDATE copies SET status = ${change.status},
                location_id = CASE WHEN ${change.locationId === undefined} THEN location_id ELSE ${change.locationId ?? null} END,
                holder = ${change.holder ?? null}, holder_department = ${change.holderDepartment ?? null}, due_at = ${change.dueAt ?? null}
              WHERE id IN (SELECT value FROM json_each(${ids}))`,
  );
}

/** The next number in a yearly sequence (收文编号, 清退单号 ...): numbering restarts every year. */
export function nextSeq(db: Db, table: 'documents' | 'batches', year: number, kind?: string): number {
  const row =
    table === 'documents'
      ? get<{ n: number | null }>(db, sql`SELECT max(seq) AS n FROM documents WHERE year = ${year}`)
      : get<{ n: number | null }>(db, sql`SELECT max(seq) AS n FROM batches WHERE year = ${year} AND kind = ${kind ?? ''}`);
  return (row?.n ?? 0) + 1;
}

export function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}
