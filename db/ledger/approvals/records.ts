// The approval rows (request, decision, use: append-only) and the approval as the screens read it.
import { approvalStatus, formatApprovalNo, type ApprovalDecision, type ApprovalKind, type ApprovalSubject, type ApprovalWay } from '../../domain/approvals';
import { LedgerError } from '../../errors';
import { all, get, run, sql, type Db } from '../../store/sql';
import type { ApprovalView } from '../../views';
import { localDate, yearOf } from '../documents/model';

export interface ApprovalRow {
  id: number;
  approval_no: string;
  kind: ApprovalKind;
  subject_type: ApprovalSubject['type'];
  subject_id: number;
  copy_nos: string;
  count: number | null;
  reason: string;
  requested_by: number;
  requested_at: string;
  requester_name: string;
  label: string | null;
  decision: ApprovalDecision | null;
  way: ApprovalWay | null;
  decided_by: number | null;
  decider_name: string | null;
  decided_at: string | null;
  note: string | null;
  paper_no: string | null;
  external_body: string | null;
  external_doc_no: string | null;
  external_date: string | null;
  expires_at: string | null;
  used_at: string | null;
  document_event: string | null;
  device_event: string | null;
}

const SELECT = sql`
  SELECT a.*, ra.display_name AS requester_name,
         CASE a.subject_type
           WHEN 'document' THEN (SELECT receipt_no FROM documents WHERE id = a.subject_id)
           WHEN 'computer' THEN (SELECT code FROM computers WHERE id = a.subject_id)
           WHEN 'medium' THEN (SELECT code FROM media WHERE id = a.subject_id)
           ELSE (SELECT code FROM locations WHERE id = a.subject_id) END AS label,
         d.decision, d.way, d.decided_by, da.display_name AS decider_name, d.decided_at, d.note, d.paper_no,
         d.external_body, d.external_doc_no, d.external_date, d.expires_at, u.used_at,
         (SELECT json_object('kind', kind, 'at', at, 'eventId', id) FROM events WHERE approval_id = a.id ORDER BY id LIMIT 1) AS document_event,
         (SELECT json_object('kind', kind, 'at', at, 'eventId', id) FROM device_events WHERE approval_id = a.id ORDER BY id LIMIT 1) AS device_event
  FROM approvals a
  JOIN accounts ra ON ra.id = a.requested_by
  LEFT JOIN approval_decisions d ON d.approval_id = a.id
  LEFT JOIN accounts da ON da.id = d.decided_by
  LEFT JOIN approval_uses u ON u.approval_id = a.id`;

export function requireApproval(db: Db, id: number): ApprovalRow {
  const row = get<ApprovalRow>(db, sql`${SELECT} WHERE a.id = ${id}`);
  if (!row) throw new LedgerError('E_NO_SUCH_APPROVAL', { approvalId: id });
  return row;
}

export function listApprovals(db: Db, filter: { kind?: ApprovalKind | undefined }): ApprovalRow[] {
  return all<ApprovalRow>(db, filter.kind ? sql`${SELECT} WHERE a.kind = ${filter.kind} ORDER BY a.id DESC` : sql`${SELECT} ORDER BY a.id DESC`);
}

export const statusOf = (row: ApprovalRow, now: string) => approvalStatus({ decision: row.decision, usedAt: row.used_at, expiresAt: row.expires_at }, now);

export function toApprovalView(row: ApprovalRow, now: string): ApprovalView {
  const enabled = row.document_event ?? row.device_event;
  return {
    id: row.id,
    approvalNo: row.approval_no,
    kind: row.kind,
    subject: { type: row.subject_type, id: row.subject_id, label: row.label ?? '' },
    copyNos: JSON.parse(row.copy_nos) as number[],
    count: row.count,
    reason: row.reason,
    requestedBy: { id: row.requested_by, displayName: row.requester_name },
    requestedAt: row.requested_at,
    way: row.way,
    status: statusOf(row, now),
    decidedBy: row.decided_by === null ? null : { id: row.decided_by, displayName: row.decider_name ?? '' },
    decidedAt: row.decided_at,
    note: row.note ?? '',
    paperNo: row.paper_no,
    external: row.external_body === null ? null : { body: row.external_body, docNo: row.external_doc_no ?? '', date: row.external_date ?? '' },
    expiresAt: row.expires_at,
    usedAt: row.used_at,
    enabled: enabled
      ? { ...(JSON.parse(enabled) as { kind: string; at: string; eventId: number }), register: row.document_event ? 'document' : 'device' }
      : null,
  };
}

export interface RequestDraft {
  kind: ApprovalKind;
  subject: ApprovalSubject;
  copyNos: readonly number[];
  count: number | null;
  reason: string;
  requestedBy: number;
  at: string;
}

/** Files a request; its number counts within the year of the request's local day. */
export function insertRequest(db: Db, r: RequestDraft): { id: number; approvalNo: string } {
  const year = yearOf(localDate(Date.parse(r.at)));
  const seq = (get<{ n: number | null }>(db, sql`SELECT max(seq) AS n FROM approvals WHERE year = ${year}`)?.n ?? 0) + 1;
  const approvalNo = formatApprovalNo(year, seq);
  const copyNos = JSON.stringify([...new Set(r.copyNos)].sort((a, b) => a - b));
  const id = Number(
    run(
      db,
      sql`INSERT INTO approvals (approval_no, year, seq, kind, subject_type, subject_id, copy_nos, count, reason, requested_by, requested_at)
          VALUES (${approvalNo}, ${year}, ${seq}, ${r.kind}, ${r.subject.type}, ${r.subject.id}, ${copyNos}, ${r.count}, ${r.reason}, ${r.requestedBy}, ${r.at})`,
    ).lastInsertRowid,
  );
  return { id, approvalNo };
}

export interface DecisionDraft {
  approvalId: number;
  decision: ApprovalDecision;
  way: ApprovalWay;
  decidedBy: number | null;
  decidedAt: string;
  note: string;
  paperNo?: string;
  external?: { body: string; docNo: string; date: string };
  /** Days it stays usable from the decision (the setting approvalValidDays). */
  validDays: number;
  recordedAt: string;
  recordedBy: string;
}

export function insertDecision(db: Db, d: DecisionDraft): void {
  const expiresAt = d.decision === 'approved' ? new Date(Date.parse(d.decidedAt) + d.validDays * 86_400_000).toISOString() : null;
  run(
    db,
    sql`INSERT INTO approval_decisions (approval_id, decision, way, decided_by, decided_at, note, paper_no, external_body, external_doc_no, external_date,
                                        expires_at, recorded_at, recorded_by)
        VALUES (${d.approvalId}, ${d.decision}, ${d.way}, ${d.decidedBy}, ${d.decidedAt}, ${d.note}, ${d.paperNo ?? null}, ${d.external?.body ?? null},
                ${d.external?.docNo ?? null}, ${d.external?.date ?? null}, ${expiresAt}, ${d.recordedAt}, ${d.recordedBy})`,
  );
}

/** Requests waiting for a decision this account may give: an approver's, never over their own request. */
export function pendingFor(db: Db, viewer: { accountId: number; roles: readonly string[] }): number {
  if (!viewer.roles.includes('approver')) return 0;
  return get<{ n: number }>(
    db,
    sql`SELECT count(*) AS n FROM approvals a WHERE a.requested_by <> ${viewer.accountId} AND NOT EXISTS (SELECT 1 FROM approval_decisions d WHERE d.approval_id = a.id)`,
  )!.n;
}

export function insertUse(db: Db, approvalId: number, at: string, by: string): void {
  run(db, sql`INSERT INTO approval_uses (approval_id, used_at, used_by) VALUES (${approvalId}, ${at}, ${by})`);
}
