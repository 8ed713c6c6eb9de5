// A computer's check log (seed §2, §4): 病毒查杀, 系统升级, 违规外联检查, 保密检查, each dated, by whom, its result and the
// problems found. Append-only (migration 20): a check entered wrong stays, and the right one follows it. The reminder
// names computers in use whose last check of a kind is older than the interval (settings computerCheckIntervalDays);
// the overview names classified computers in use without 违规外联监控 recorded.
import { CHECK_KINDS, type CheckKind, type CheckResult } from '../../domain/computer-checks';
import { LedgerError } from '../../errors';
import { all, get, run, sql, type Db } from '../../store/sql';
import type { ComputerCheckDue, ComputerCheckView } from '../../views';
import type { Recorder } from '../documents/model';
import { isDateOnly, localDate } from '../documents/model';
import { recorderName } from '../recorders';
import { assertInService, requireComputer, type DeviceLevel } from './devices';

export interface NewCheck {
  computerId: number;
  kind: CheckKind;
  checker: string;
  result: CheckResult;
  problems: string;
  /** When it was checked (never in the future: the command's `at`). */
  at: string;
}

/** The calendar day of a check: as given, or the custodian's day of a date-time. */
const dayOf = (at: string): string => (isDateOnly(at) ? at : localDate(Date.parse(at)));

/** 发现问题 says what was found. */
function assertProblemsNamed(computer: string, result: CheckResult, problems: string): void {
  if (result === 'problems' && problems.trim() === '') throw new LedgerError('E_CHECK_PROBLEMS_REQUIRED', { computer });
}

/** A check of a computer: not of one scrapped or destroyed, never dated before it was put into service. */
export function recordCheck(rec: Recorder, input: NewCheck): { id: number } {
  const pc = requireComputer(rec.db, input.computerId);
  if (pc.status === 'scrapped' || pc.status === 'destroyed') assertInService('computer', pc);
  const at = dayOf(input.at);
  if (at < pc.enabled_at) throw new LedgerError('E_CHECK_BEFORE_ENABLED', { computer: pc.code, at, enabledAt: pc.enabled_at });
  assertProblemsNamed(pc.code, input.result, input.problems);
  const id = Number(
    run(
      rec.db,
      sql`INSERT INTO computer_checks (computer_id, kind, at, checker, result, problems, recorded_at, recorded_by)
          VALUES (${pc.id}, ${input.kind}, ${at}, ${input.checker}, ${input.result}, ${input.problems}, ${rec.now}, ${rec.actor})`,
    ).lastInsertRowid,
  );
  return { id };
}

export interface CheckQuery {
  computerId?: number | undefined;
  kind?: CheckKind | undefined;
  year?: number | undefined;
  offset: number;
  limit: number;
}

/** The check log, newest first (by day, then as entered); limit -1 reads all. */
export function listChecks(db: Db, q: CheckQuery): { total: number; rows: ComputerCheckView[] } {
  const where = [sql`1 = 1`];
  if (q.computerId) where.push(sql`k.computer_id = ${q.computerId}`);
  if (q.kind) where.push(sql`k.kind = ${q.kind}`);
  if (q.year) where.push(sql`substr(k.at, 1, 4) = ${String(q.year)}`);
  const filter = sql.join(where, ' AND ');
  const total = get<{ n: number }>(db, sql`SELECT count(*) AS n FROM computer_checks k WHERE ${filter}`)!.n;
  const rows = all<ComputerCheckView>(
    db,
    sql`SELECT k.id, k.computer_id AS computerId, c.code AS computer, c.name AS computerName, c.level AS computerLevel, k.kind, k.at, k.checker, k.result,
               k.problems, k.recorded_at AS recordedAt, ${recorderName('k.recorded_by')} AS recordedBy
        FROM computer_checks k JOIN computers c ON c.id = k.computer_id WHERE ${filter} ORDER BY k.at DESC, k.id DESC LIMIT ${q.limit} OFFSET ${q.offset}`,
  );
  return { total, rows };
}

/** The day `days` after a date (YYYY-MM-DD), on the calendar. */
const plusDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Computers in use with a kind of check overdue: its last check (or, never checked, the day it was put into service)
 * more than `intervalDays` before today.
 */
export function computerChecksDue(db: Db, today: string, intervalDays: number): ComputerCheckDue[] {
  const rows = all<{ id: number; code: string; level: DeviceLevel; enabled_at: string; kind: CheckKind; last_at: string | null }>(
    db,
    sql`SELECT c.id, c.code, c.level, c.enabled_at, k.value AS kind,
               (SELECT max(x.at) FROM computer_checks x WHERE x.computer_id = c.id AND x.kind = k.value) AS last_at
        FROM computers c, json_each(${JSON.stringify(CHECK_KINDS)}) k WHERE c.status = 'in_use' ORDER BY c.code, k.key`,
  );
  const due = new Map<number, ComputerCheckDue>();
  for (const r of rows) {
    if (plusDays(r.last_at ?? r.enabled_at, intervalDays) >= today) continue;
    const entry = due.get(r.id) ?? { id: r.id, code: r.code, level: r.level, kinds: [] };
    entry.kinds.push({ kind: r.kind, lastAt: r.last_at });
    due.set(r.id, entry);
  }
  return [...due.values()];
}

/** Classified computers in use without 违规外联监控 recorded as installed (not installed, or nothing recorded). */
export function unmonitoredComputers(db: Db): { id: number; code: string; monitoring: boolean | null }[] {
  return all<{ id: number; code: string; monitoring: 0 | 1 | null }>(
    db,
    sql`SELECT id, code, monitoring FROM computers WHERE level <> 'non_secret' AND status = 'in_use' AND (monitoring IS NULL OR monitoring = 0) ORDER BY code`,
  ).map((r) => ({ id: r.id, code: r.code, monitoring: r.monitoring === null ? null : false }));
}
