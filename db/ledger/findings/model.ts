// Findings and their rectification (问题及整改措施): what a finding is on screen and on paper, and the rules every
// operation on it checks first. Where a finding stands is read from its rows (plans, closes, confirmations), never kept.
import type { CheckKind } from '../../domain/computer-checks';
import type { FindingDecision, FindingSeverity, FindingSource, FindingStatus } from '../../domain/findings';
import { LedgerError } from '../../errors';
import { get, sql, type Db } from '../../store/sql';

type Fragment = ReturnType<typeof sql>;

export interface FindingRow {
  id: number;
  finding_no: string;
  year: number;
  seq: number;
  source: FindingSource;
  source_ref: string;
  stocktake_id: number | null;
  computer_id: number | null;
  computer_check_id: number | null;
  found_on: string;
  description: string;
  place: string;
  severity: FindingSeverity;
  owner: string;
  recorded_at: string;
  recorded_by: string;
}

export interface FindingPlan {
  deadline: string;
  measures: string;
  /** Why it was changed; '' for the plan the finding was registered with. */
  reason: string;
  at: string;
  recordedBy: string;
}

export interface FindingConfirmation {
  decision: FindingDecision;
  way: 'in_app' | 'on_the_spot';
  /** The approver account's display name. */
  approver: string;
  note: string;
  at: string;
}

export interface FindingClose {
  id: number;
  done: string;
  closedOn: string;
  recordedBy: string;
  recordedAt: string;
  /** null: awaiting the approver. */
  confirmation: FindingConfirmation | null;
}

export interface FindingView {
  id: number;
  no: string;
  source: FindingSource;
  sourceRef: string;
  stocktake: { id: number; no: string } | null;
  computer: { id: number; code: string } | null;
  /** The check it came from (computer_check): when, and of which kind. */
  computerCheck: { id: number; at: string; kind: CheckKind } | null;
  foundOn: string;
  description: string;
  place: string;
  severity: FindingSeverity;
  owner: string;
  /** The standing plan (the latest row). */
  deadline: string;
  measures: string;
  /** Every plan, first (as registered) to last. */
  plans: FindingPlan[];
  /** Every close recorded, first to last; a rejected one stays in the history. */
  closes: FindingClose[];
  status: FindingStatus;
  /** The confirmed close's date and who confirmed it (null while not closed). */
  closedOn: string | null;
  confirmedBy: string | null;
  recordedAt: string;
  recordedBy: string;
}

export function requireFinding(db: Db, id: number): FindingRow {
  const row = get<FindingRow>(db, sql`SELECT * FROM findings WHERE id = ${id}`);
  if (!row) throw new LedgerError('E_NO_SUCH_FINDING', { findingId: id });
  return row;
}

/** The standing deadline of the finding `f` (an alias in the query). */
export const deadlineOf = (f: string): Fragment =>
  sql.trusted(`(SELECT p.deadline FROM finding_plans p WHERE p.finding_id = ${f}.id ORDER BY p.id DESC LIMIT 1)`);

/**
 * Where the finding `f` stands on `today`: closed once a close is confirmed, awaiting while its latest close has no
 * word yet, else overdue past its standing deadline, else open.
 */
export function statusOf(f: string, today: string): Fragment {
  const closes = `finding_closes c WHERE c.finding_id = ${f}.id`;
  return sql`(CASE
    WHEN EXISTS (SELECT 1 FROM ${sql.trusted(closes)} AND EXISTS (SELECT 1 FROM finding_confirmations k WHERE k.close_id = c.id AND k.decision = 'confirmed')) THEN 'closed'
    WHEN EXISTS (SELECT 1 FROM ${sql.trusted(closes)} AND NOT EXISTS (SELECT 1 FROM finding_confirmations k WHERE k.close_id = c.id)) THEN 'awaiting'
    WHEN ${deadlineOf(f)} < ${today} THEN 'overdue'
    ELSE 'open' END)`;
}

export function findingStatus(db: Db, id: number, today: string): FindingStatus {
  return get<{ s: FindingStatus }>(db, sql`SELECT ${statusOf('f', today)} AS s FROM findings f WHERE f.id = ${id}`)!.s;
}

/** The confirmed close of a finding, if any. */
const confirmedClose = (db: Db, id: number) =>
  get<{ closed_on: string }>(
    db,
    sql`SELECT c.closed_on FROM finding_closes c JOIN finding_confirmations k ON k.close_id = c.id WHERE c.finding_id = ${id} AND k.decision = 'confirmed'`,
  );

/**
 * Nothing more is recorded of a finding the approver confirmed closed, and nothing while its close awaits them: a
 * close awaiting is confirmed or sent back first.
 */
export function assertOpen(db: Db, f: FindingRow, today: string, action: 'close' | 'change'): void {
  const closed = confirmedClose(db, f.id);
  if (closed) throw new LedgerError('E_FINDING_CLOSED', { findingNo: f.finding_no, closedOn: closed.closed_on });
  const status = findingStatus(db, f.id, today);
  if (status === 'awaiting') throw new LedgerError('E_FINDING_STATE', { findingNo: f.finding_no, status, action });
}

/** A deadline is never before the finding was found. */
export function assertDeadline(f: { found_on: string }, deadline: string): void {
  if (deadline < f.found_on) throw new LedgerError('E_DATE_ORDER', { rule: 'deadline_before_found', at: deadline, earliest: f.found_on });
}
