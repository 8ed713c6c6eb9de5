// Approvals on paper (issue 12): the 审批单 of a request, printed for the approver to sign, and how every register
// that names an approver says how the approval was given (当面审批 / 纸质审批单 No. … / 系统内审批 SP-… / 外部：…).
import { compressCopyNos } from '../../domain/copies';
import type { Level } from '../../domain/levels';
import { APPROVAL_KIND_TERMS, APPROVAL_WAY_TERMS, colonOf, LEVEL_TERMS, say, type Language as SheetLanguage } from '../../domain/terms';
import type { ApprovalWay } from '../../domain/approvals';
import { get, sql, type Db } from '../../store/sql';
import { requireApproval } from '../approvals/records';
import { readSettings } from '../settings';
import { FORM_TITLES, type PrintForm } from './forms';
import { label, type LabelKey } from './labels';
import { cells, columnsOf, day, levelTracker } from './sheets';

/** The approval an event names, as the columns `APPROVAL_OF_EVENT` adds to a query on events `e`. */
export interface EventApproval {
  approver: string | null;
  approval_no: string | null;
  approval_way: ApprovalWay | null;
  approval_paper_no: string | null;
  approval_body: string | null;
  approval_doc_no: string | null;
  approval_date: string | null;
}

/** Columns and join of an event's approval (events and device_events both carry approval_id). */
export const APPROVAL_COLUMNS: ReturnType<typeof sql> = sql`, ap.approval_no AS approval_no, apd.way AS approval_way, apd.paper_no AS approval_paper_no,
  apd.external_body AS approval_body, apd.external_doc_no AS approval_doc_no, apd.external_date AS approval_date`;
export const APPROVAL_JOIN: ReturnType<typeof sql> =
  sql` LEFT JOIN approvals ap ON ap.id = e.approval_id LEFT JOIN approval_decisions apd ON apd.approval_id = e.approval_id`;

/**
 * Who approved and how, as an inspector reads it: 王局长（当面审批）, 王局长（纸质审批单 No. 12）, 王局长（系统内审批
 * SP-2026-0003）, 外部：省国家保密局 鲁保函〔2026〕8号 2026-11-24. An event from before approvals were records keeps its name.
 */
export function approvalText(e: EventApproval, language: SheetLanguage): string {
  const name = e.approver ?? '';
  if (!e.approval_way) return name;
  const way = say(APPROVAL_WAY_TERMS[e.approval_way], language);
  const [open, close, colon] = language === 'en' ? [' (', ')', colonOf(language)] : ['（', '）', colonOf(language)];
  switch (e.approval_way) {
    case 'external':
      return `${way}${colon}${[e.approval_body, e.approval_doc_no, day(e.approval_date)].filter(Boolean).join(' ')}`;
    case 'paper':
      return `${name}${open}${way} No. ${e.approval_paper_no ?? ''}${close}`;
    case 'in_app':
      return `${name}${open}${way} ${e.approval_no ?? ''}${close}`;
    case 'on_the_spot':
      return `${name}${open}${way}${close}`;
  }
}

const DECISION_TERMS = { approved: ['批准', '批准', 'Approved'], refused: ['不批准', '不批准', 'Refused'] } as const;

interface SubjectRow {
  code: string;
  doc_number: string;
  title: string;
  level: Level;
}

/** The item an approval names, as one row of the form: its ledger number, 文号, title (or name) and level. */
function subjectOf(db: Db, type: string, id: number): SubjectRow | undefined {
  switch (type) {
    case 'document':
      return get<SubjectRow>(db, sql`SELECT receipt_no AS code, doc_number, title, level FROM documents WHERE id = ${id}`);
    case 'computer':
      return get<SubjectRow>(db, sql`SELECT code, '' AS doc_number, name || ' ' || model AS title, level FROM computers WHERE id = ${id}`);
    case 'medium':
      return get<SubjectRow>(db, sql`SELECT code, '' AS doc_number, model AS title, level FROM media WHERE id = ${id}`);
    default:
      return get<SubjectRow>(db, sql`SELECT code, '' AS doc_number, name AS title, max_level AS level FROM locations WHERE id = ${id}`);
  }
}

/**
 * The 审批单 of a request (A4): its number SP-…, what it asks (kind), the item and its copies or count, the reason, who
 * asked and when, and signature lines for 申请人 and 审批人 with the date. A request already decided prints its
 * decision, so a reprint still says what was decided and how.
 */
export function buildApprovalForm(db: Db, approvalId: number, language: SheetLanguage): PrintForm {
  const a = requireApproval(db, approvalId);
  const subject = subjectOf(db, a.subject_type, a.subject_id);
  const copyNos = JSON.parse(a.copy_nos) as number[];
  const tracker = levelTracker();
  if (subject) tracker.see(subject.level);
  const decided: [LabelKey, string][] = a.decision
    ? [
        ['decision', say(DECISION_TERMS[a.decision], language)],
        ['approvalWay', approvalText({ approver: a.decider_name ?? a.external_body, ...wayColumns(a) }, language)],
        ['decidedAt', day(a.decided_at)],
      ]
    : [];
  return {
    kind: 'approval-form',
    title: say(FORM_TITLES['approval-form'], language),
    number: a.approval_no,
    unitName: readSettings(db).unitName,
    fields: (
      [
        ['approvalKind', say(APPROVAL_KIND_TERMS[a.kind], language)],
        ['requestedBy', a.requester_name],
        ['requestedAt', day(a.requested_at)],
        ['requestReason', a.reason],
        ...decided,
        ['note', a.note ?? ''],
      ] as const
    )
      .filter(([, value]) => value !== '')
      .map(([key, value]) => ({ label: label(key, language), value })),
    columns: columnsOf(
      [
        ['seq', 3],
        [a.subject_type === 'document' ? 'receiptNo' : 'code', 5],
        ['docNumber', 8],
        ['title', 14],
        ['level', 3],
        ['copyNos', 6],
        ['quantity', 3],
      ],
      language,
    ),
    rows: [
      cells([
        1,
        subject?.code ?? a.label,
        subject?.doc_number,
        subject?.title,
        subject ? say(LEVEL_TERMS[subject.level], language) : '',
        compressCopyNos(copyNos),
        a.count ?? copyNos.length,
      ]),
    ],
    totalText: '',
    signatures: [
      { label: label('requestedBy', language), names: a.requester_name },
      { label: label('approverName', language), names: a.way === 'external' ? '' : (a.decider_name ?? '') },
    ],
    ...tracker.result(language),
  };
}

function wayColumns(a: ReturnType<typeof requireApproval>): Omit<EventApproval, 'approver'> {
  return {
    approval_no: a.approval_no,
    approval_way: a.way,
    approval_paper_no: a.paper_no,
    approval_body: a.external_body,
    approval_doc_no: a.external_doc_no,
    approval_date: a.external_date,
  };
}
