// Findings and their rectification: one finding with its history, the register (by status and year), the reminders
// (open past the deadline, due within the reminder days, awaiting the approver) and a year's findings for the annual pack.
import type { CheckKind } from '../../domain/computer-checks';
import type { FindingDecision, FindingStatus } from '../../domain/findings';
import { all, get, sql, type Db } from '../../store/sql';
import { recorderName } from '../recorders';
import { deadlineOf, requireFinding, statusOf, type FindingClose, type FindingPlan, type FindingRow, type FindingView } from './model';

interface ListedRow extends FindingRow {
  status: FindingStatus;
  deadline: string;
  measures: string;
  stocktake_no: string | null;
  computer_code: string | null;
  check_at: string | null;
  check_kind: CheckKind | null;
  recorded_by_name: string;
}

const LISTED = (today: string) => sql`SELECT f.*, ${statusOf('f', today)} AS status, ${deadlineOf('f')} AS deadline,
    (SELECT p.measures FROM finding_plans p WHERE p.finding_id = f.id ORDER BY p.id DESC LIMIT 1) AS measures,
    (SELECT s.stocktake_no FROM stocktakes s WHERE s.id = f.stocktake_id) AS stocktake_no,
    (SELECT pc.code FROM computers pc WHERE pc.id = f.computer_id) AS computer_code,
    (SELECT k.at FROM computer_checks k WHERE k.id = f.computer_check_id) AS check_at,
    (SELECT k.kind FROM computer_checks k WHERE k.id = f.computer_check_id) AS check_kind,
    ${recorderName('f.recorded_by')} AS recorded_by_name
  FROM findings f`;

function plansOf(db: Db, ids: readonly number[]): Map<number, FindingPlan[]> {
  const rows = all<{ finding_id: number; deadline: string; measures: string; reason: string; at: string; by: string }>(
    db,
    sql`SELECT finding_id, deadline, measures, reason, at, ${recorderName('recorded_by')} AS by FROM finding_plans
        WHERE finding_id IN (SELECT value FROM json_each(${JSON.stringify(ids)})) ORDER BY id`,
  );
  const out = new Map<number, FindingPlan[]>();
  for (const r of rows)
    out.set(r.finding_id, [...(out.get(r.finding_id) ?? []), { deadline: r.deadline, measures: r.measures, reason: r.reason, at: r.at, recordedBy: r.by }]);
  return out;
}

function closesOf(db: Db, ids: readonly number[]): Map<number, FindingClose[]> {
  const rows = all<{
    id: number;
    finding_id: number;
    done: string;
    closed_on: string;
    recorded_at: string;
    by: string;
    decision: FindingDecision | null;
    way: 'in_app' | 'on_the_spot' | null;
    approver: string | null;
    note: string | null;
    at: string | null;
  }>(
    db,
    sql`SELECT c.id, c.finding_id, c.done, c.closed_on, c.recorded_at, ${recorderName('c.recorded_by')} AS by,
          k.decision, k.way, (SELECT a.display_name FROM accounts a WHERE a.id = k.approver_id) AS approver, k.note, k.at
        FROM finding_closes c LEFT JOIN finding_confirmations k ON k.close_id = c.id
        WHERE c.finding_id IN (SELECT value FROM json_each(${JSON.stringify(ids)})) ORDER BY c.id`,
  );
  const out = new Map<number, FindingClose[]>();
  for (const r of rows) {
    const close: FindingClose = {
      id: r.id,
      done: r.done,
      closedOn: r.closed_on,
      recordedBy: r.by,
      recordedAt: r.recorded_at,
      confirmation: r.decision ? { decision: r.decision, way: r.way!, approver: r.approver ?? '', note: r.note ?? '', at: r.at! } : null,
    };
    out.set(r.finding_id, [...(out.get(r.finding_id) ?? []), close]);
  }
  return out;
}

function views(db: Db, rows: readonly ListedRow[]): FindingView[] {
  const ids = rows.map((r) => r.id);
  const plans = plansOf(db, ids);
  const closes = closesOf(db, ids);
  return rows.map((r) => {
    const own = closes.get(r.id) ?? [];
    const confirmed = own.find((c) => c.confirmation?.decision === 'confirmed');
    return {
      id: r.id,
      no: r.finding_no,
      source: r.source,
      sourceRef: r.source_ref,
      stocktake: r.stocktake_id === null ? null : { id: r.stocktake_id, no: r.stocktake_no ?? '' },
      computer: r.computer_id === null ? null : { id: r.computer_id, code: r.computer_code ?? '' },
      computerCheck: r.computer_check_id === null ? null : { id: r.computer_check_id, at: r.check_at ?? '', kind: r.check_kind! },
      foundOn: r.found_on,
      description: r.description,
      place: r.place,
      severity: r.severity,
      owner: r.owner,
      deadline: r.deadline,
      measures: r.measures,
      plans: plans.get(r.id) ?? [],
      closes: own,
      status: r.status,
      closedOn: confirmed?.closedOn ?? null,
      confirmedBy: confirmed?.confirmation?.approver ?? null,
      recordedAt: r.recorded_at,
      recordedBy: r.recorded_by_name,
    };
  });
}

export function getFinding(db: Db, id: number, today: string): FindingView {
  requireFinding(db, id);
  return views(db, all<ListedRow>(db, sql`${LISTED(today)} WHERE f.id = ${id}`))[0]!;
}

export interface FindingFilters {
  status?: FindingStatus | undefined;
  /** Found in this year. */
  year?: number | undefined;
}

/** The register: newest found first; by status as it stands today, and by the year found. */
export function listFindings(db: Db, today: string, filters: FindingFilters = {}): FindingView[] {
  const rows = all<ListedRow>(
    db,
    sql`SELECT * FROM (${LISTED(today)} WHERE (${filters.year ?? null} IS NULL OR f.year = ${filters.year ?? null}))
        WHERE (${filters.status ?? null} IS NULL OR status = ${filters.status ?? null}) ORDER BY found_on DESC, id DESC`,
  );
  return views(db, rows);
}

export interface FindingReminders {
  /** Open past their deadline (no close recorded, or the last one sent back). */
  findingsOverdue: number;
  /** Open with the deadline from today to the reminder horizon. */
  findingsDueSoon: number;
  /** A close recorded and waiting for the approver's confirmation. */
  findingsAwaiting: number;
}

export function findingReminders(db: Db, day: { today: string; horizon: string }): FindingReminders {
  const r = get<{ overdue: number; soon: number; awaiting: number }>(
    db,
    sql`SELECT total(status = 'overdue') AS overdue, total(status = 'open' AND deadline <= ${day.horizon}) AS soon, total(status = 'awaiting') AS awaiting
        FROM (SELECT ${statusOf('f', day.today)} AS status, ${deadlineOf('f')} AS deadline FROM findings f)`,
  )!;
  return { findingsOverdue: r.overdue, findingsDueSoon: r.soon, findingsAwaiting: r.awaiting };
}

/**
 * A year's findings for the annual pack: those found in it, and those found before that were still not closed when it
 * began; each as it stands on `asOf` (the pack's day, never the clock: the same ledger gives the same pack).
 */
export function findingsOfYear(db: Db, year: number, asOf: string): FindingView[] {
  const from = `${year}-01-01`;
  const rows = all<ListedRow>(
    db,
    sql`${LISTED(asOf)} WHERE f.year = ${year} OR (f.found_on < ${from} AND NOT EXISTS (
          SELECT 1 FROM finding_closes c JOIN finding_confirmations k ON k.close_id = c.id WHERE c.finding_id = f.id AND k.decision = 'confirmed' AND c.closed_on < ${from}))
        ORDER BY f.found_on, f.id`,
  );
  return views(db, rows);
}
