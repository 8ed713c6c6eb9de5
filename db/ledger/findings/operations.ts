// Findings and their rectification: register, change the plan, record the close, confirm or send it back. Each checks
// its rules before it writes and runs inside the command's transaction; every row it writes is history (append-only).
import type { FindingDecision, FindingSeverity, FindingSource } from '../../domain/findings';
import type { SignedInContext } from '../../context';
import { LedgerError } from '../../errors';
import { get, run, sql } from '../../store/sql';
import { countersignature } from '../approvals/use';
import { requireComputer } from '../devices/devices';
import { assertNotDeparted } from '../devices/people';
import { dayOfTime, localDate, yearOf, type Recorder } from '../documents/model';
import { batchNumber } from '../documents/operations';
import { requireStocktake } from '../stocktake/model';
import { assertDeadline, assertOpen, findingStatus, requireFinding, type FindingRow } from './model';

const todayOf = (rec: Recorder) => localDate(Date.parse(rec.now));

export interface FindingInput {
  source: FindingSource;
  sourceRef: string;
  stocktakeId?: number | undefined;
  computerId?: number | undefined;
  computerCheckId?: number | undefined;
  foundOn: string;
  description: string;
  place: string;
  severity: FindingSeverity;
  owner: string;
  deadline: string;
  measures: string;
}

/**
 * Where the finding came from: a stocktake names its stocktake, a computer check the computer checked; each is found
 * no earlier than what it came from (the stocktake's start, the computer's being put into service). Returns the source's
 * number for the audit entry. A self-inspection or an inspection names neither.
 */
function checkSource(rec: Recorder, input: FindingInput): { stocktakeNo?: string; computerCode?: string } {
  if (input.source !== 'stocktake' && input.stocktakeId !== undefined) throw new LedgerError('E_VALIDATION', { field: 'stocktakeId' });
  if (input.source !== 'computer_check' && (input.computerId !== undefined || input.computerCheckId !== undefined))
    throw new LedgerError('E_VALIDATION', { field: 'computerId' });
  const notBefore = (earliest: string) => {
    if (input.foundOn < earliest) throw new LedgerError('E_DATE_ORDER', { rule: 'before_source', at: input.foundOn, earliest });
  };
  if (input.source === 'stocktake') {
    if (input.stocktakeId === undefined) throw new LedgerError('E_VALIDATION', { field: 'stocktakeId' });
    const st = requireStocktake(rec.db, input.stocktakeId);
    notBefore(dayOfTime(st.started_at));
    return { stocktakeNo: st.stocktake_no };
  }
  if (input.source === 'computer_check') {
    if (input.computerId === undefined) throw new LedgerError('E_VALIDATION', { field: 'computerId' });
    const pc = requireComputer(rec.db, input.computerId);
    notBefore(dayOfTime(pc.enabled_at));
    if (input.computerCheckId !== undefined) {
      // The check recorded in the computer's check log that found it: of this computer, and no later than the finding.
      const check = get<{ computer_id: number; at: string }>(rec.db, sql`SELECT computer_id, at FROM computer_checks WHERE id = ${input.computerCheckId}`);
      if (check?.computer_id !== pc.id) throw new LedgerError('E_VALIDATION', { field: 'computerId' });
      notBefore(dayOfTime(check.at));
    }
    return { computerCode: pc.code };
  }
  return {};
}

/** 登记问题: the finding with its first plan (deadline and measures); numbered ZG-YYYY-NNN by the year it was found. */
export function registerFinding(rec: Recorder, input: FindingInput): { id: number; no: string; stocktakeNo?: string; computerCode?: string } {
  if (input.foundOn > todayOf(rec)) throw new LedgerError('E_VALIDATION', { field: 'foundOn' });
  const source = checkSource(rec, input);
  assertDeadline({ found_on: input.foundOn }, input.deadline);
  assertNotDeparted(rec.db, [input.owner], 'responsible');
  const year = yearOf(input.foundOn);
  const seq = (get<{ n: number | null }>(rec.db, sql`SELECT max(seq) AS n FROM findings WHERE year = ${year}`)?.n ?? 0) + 1;
  const no = batchNumber('ZG', year, seq);
  const id = Number(
    run(
      rec.db,
      sql`INSERT INTO findings (finding_no, year, seq, source, source_ref, stocktake_id, computer_id, computer_check_id, found_on, description, place, severity, owner, recorded_at, recorded_by)
          VALUES (${no}, ${year}, ${seq}, ${input.source}, ${input.sourceRef}, ${input.stocktakeId}, ${input.computerId}, ${input.computerCheckId}, ${input.foundOn},
                  ${input.description}, ${input.place}, ${input.severity}, ${input.owner}, ${rec.now}, ${rec.actor})`,
    ).lastInsertRowid,
  );
  insertPlan(rec, id, { deadline: input.deadline, measures: input.measures, reason: '' });
  return { id, no, ...source };
}

function insertPlan(rec: Recorder, findingId: number, plan: { deadline: string; measures: string; reason: string }): void {
  run(
    rec.db,
    sql`INSERT INTO finding_plans (finding_id, deadline, measures, reason, at, recorded_at, recorded_by)
        VALUES (${findingId}, ${plan.deadline}, ${plan.measures}, ${plan.reason}, ${todayOf(rec)}, ${rec.now}, ${rec.actor})`,
  );
}

const standingPlan = (rec: Recorder, id: number) =>
  get<{ deadline: string; measures: string }>(rec.db, sql`SELECT deadline, measures FROM finding_plans WHERE finding_id = ${id} ORDER BY id DESC LIMIT 1`)!;

/**
 * 调整整改期限或措施: a new plan row with its reason; the earlier plan stays in the history. Not after the close was
 * confirmed, nor while a close awaits the approver.
 */
export function changePlan(
  rec: Recorder,
  input: { id: number; deadline: string; measures: string; reason: string },
): { finding: FindingRow; before: { deadline: string; measures: string } } {
  const f = requireFinding(rec.db, input.id);
  assertOpen(rec.db, f, todayOf(rec), 'change');
  assertDeadline(f, input.deadline);
  const before = standingPlan(rec, f.id);
  if (before.deadline === input.deadline && before.measures === input.measures) throw new LedgerError('E_VALIDATION', { field: 'change' });
  insertPlan(rec, f.id, input);
  return { finding: f, before };
}

export interface CloseInput {
  id: number;
  done: string;
  closedOn: string;
  /** The approver's countersignature on the spot; without it the close awaits their confirmation in the app. */
  confirmation?: { approverId: number; password: string } | undefined;
}

/**
 * 整改完成: what was done and when (not before the finding was found, not in the future). It stands once an approver
 * confirms it: countersigned here on the spot (their own account and password, never the one recording), or later in
 * the app by the approver signed in.
 */
export function recordClose(rec: Recorder, ctx: SignedInContext, input: CloseInput): { finding: FindingRow; confirmedBy: string | null } {
  const f = requireFinding(rec.db, input.id);
  assertOpen(rec.db, f, todayOf(rec), 'close');
  if (input.closedOn > todayOf(rec)) throw new LedgerError('E_VALIDATION', { field: 'at' });
  if (input.closedOn < f.found_on) throw new LedgerError('E_DATE_ORDER', { rule: 'before_found', at: input.closedOn, earliest: f.found_on });
  const approver = input.confirmation ? countersignature(ctx, input.confirmation.approverId, input.confirmation.password) : null;
  const closeId = Number(
    run(
      rec.db,
      sql`INSERT INTO finding_closes (finding_id, done, closed_on, recorded_at, recorded_by) VALUES (${f.id}, ${input.done}, ${input.closedOn}, ${rec.now}, ${rec.actor})`,
    ).lastInsertRowid,
  );
  if (approver) insertConfirmation(rec, closeId, { decision: 'confirmed', way: 'on_the_spot', approverId: approver.id, note: '' });
  return { finding: f, confirmedBy: approver?.displayName ?? null };
}

function insertConfirmation(
  rec: Recorder,
  closeId: number,
  c: { decision: FindingDecision; way: 'in_app' | 'on_the_spot'; approverId: number; note: string },
): void {
  run(
    rec.db,
    sql`INSERT INTO finding_confirmations (close_id, decision, way, approver_id, note, at, recorded_at, recorded_by)
        VALUES (${closeId}, ${c.decision}, ${c.way}, ${c.approverId}, ${c.note}, ${rec.now}, ${rec.now}, ${rec.actor})`,
  );
}

/**
 * 确认整改 by the approver signed in: the close awaiting is confirmed (the finding is closed) or sent back with the
 * reason (the finding is open again and a new close is recorded later). Never by the account that recorded the close
 * or the finding.
 */
export function confirmClose(
  rec: Recorder,
  ctx: SignedInContext,
  input: { id: number; decision: FindingDecision; note: string },
): { finding: FindingRow; closedOn: string } {
  const f = requireFinding(rec.db, input.id);
  const close = get<{ id: number; closed_on: string; recorded_by: string }>(
    rec.db,
    sql`SELECT c.id, c.closed_on, c.recorded_by FROM finding_closes c WHERE c.finding_id = ${f.id}
        AND NOT EXISTS (SELECT 1 FROM finding_confirmations k WHERE k.close_id = c.id) ORDER BY c.id DESC LIMIT 1`,
  );
  if (!close) {
    assertOpen(rec.db, f, todayOf(rec), 'close');
    const status = findingStatus(rec.db, f.id, todayOf(rec)) as 'open' | 'overdue';
    throw new LedgerError('E_FINDING_STATE', { findingNo: f.finding_no, status, action: 'confirm' });
  }
  if (close.recorded_by === ctx.session.username || f.recorded_by === ctx.session.username) throw new LedgerError('E_SELF_APPROVAL', {});
  insertConfirmation(rec, close.id, { decision: input.decision, way: 'in_app', approverId: ctx.session.accountId, note: input.note });
  return { finding: f, closedOn: close.closed_on };
}
