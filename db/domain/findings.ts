// Findings and their rectification (问题及整改措施, seed §三): the words of the register in the three languages — where a
// finding came from, how grave it is, where it stands, the 问题整改登记表's columns, and the audit log's field names.
// The rules live in db/ledger/findings/; the screen in renderer/src/features/findings/.
import { CHECK_KIND_TERMS, type CheckKind } from './computer-checks';
import { say, type Language, type Term } from './terms';

export const FINDING_SOURCES = ['self_inspection', 'inspection', 'stocktake', 'computer_check'] as const;
export type FindingSource = (typeof FINDING_SOURCES)[number];

export const FINDING_SOURCE_TERMS: Record<FindingSource, Term> = {
  self_inspection: ['自查', '自查', 'Self-inspection'],
  inspection: ['检查', '檢查', 'Inspection'],
  stocktake: ['清查', '清查', 'Stocktake'],
  computer_check: ['计算机检查', '計算機檢查', 'Computer check'],
};

export const FINDING_SEVERITIES = ['minor', 'serious', 'grave'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

export const FINDING_SEVERITY_TERMS: Record<FindingSeverity, Term> = {
  minor: ['一般', '一般', 'Minor'],
  serious: ['较重', '較重', 'Serious'],
  grave: ['严重', '嚴重', 'Grave'],
};

/**
 * Where a finding stands: being rectified, past its deadline, its close waiting for the approver's confirmation, or
 * closed (confirmed). A close the approver rejected leaves it open (or overdue) again.
 */
export const FINDING_STATUSES = ['open', 'overdue', 'awaiting', 'closed'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export const FINDING_STATUS_TERMS: Record<FindingStatus, Term> = {
  open: ['整改中', '整改中', 'Being rectified'],
  overdue: ['逾期未整改', '逾期未整改', 'Overdue'],
  awaiting: ['整改完成待确认', '整改完成待確認', 'Done, awaiting confirmation'],
  closed: ['已整改', '已整改', 'Rectified'],
};

export const FINDING_DECISIONS = ['confirmed', 'rejected'] as const;
export type FindingDecision = (typeof FINDING_DECISIONS)[number];

export const FINDING_DECISION_TERMS: Record<FindingDecision, Term> = {
  confirmed: ['确认整改完成', '確認整改完成', 'Confirmed'],
  rejected: ['退回重新整改', '退回重新整改', 'Sent back'],
};

/** How the approver confirmed: signed in themselves, or countersigned on the spot with their own password. */
export const FINDING_CONFIRM_WAY_TERMS: Record<'in_app' | 'on_the_spot', Term> = {
  in_app: ['系统内确认', '系統內確認', 'in the app'],
  on_the_spot: ['当面确认', '當面確認', 'on the spot'],
};

export const FINDINGS_SHEET_TITLE: Term = ['问题整改登记表', '問題整改登記表', 'Register of findings and rectification'];

/** The register's columns (printout, export, annual pack), by key. */
export const FINDING_COLUMN_TERMS = {
  findingNo: ['编号', '編號', 'No.'],
  foundOn: ['发现日期', '發現日期', 'Found on'],
  findingSource: ['来源', '來源', 'Source'],
  finding: ['发现的问题', '發現的問題', 'Finding'],
  findingPlace: ['部门 / 部位', '部門 / 部位', 'Department / place'],
  severity: ['程度', '程度', 'Severity'],
  owner: ['整改责任人', '整改責任人', 'Responsible'],
  deadline: ['整改期限', '整改期限', 'Deadline'],
  measures: ['整改措施', '整改措施', 'Measures'],
  done: ['整改情况', '整改情況', 'What was done'],
  closedOn: ['完成日期', '完成日期', 'Done on'],
  confirmedBy: ['确认人', '確認人', 'Confirmed by'],
  findingStatus: ['状态', '狀態', 'Status'],
} as const satisfies Record<string, Term>;

/** The audit log's names for the findings commands' fields and summaries. */
export const FINDING_AUDIT_FIELD_TERMS: Record<string, Term> = {
  findingId: ['问题', '問題', 'Finding'],
  findingNo: ['问题编号', '問題編號', 'Finding no.'],
  source: ['来源', '來源', 'Source'],
  sourceRef: ['来源说明', '來源說明', 'Source details'],
  stocktakeId: ['清查', '清查', 'Stocktake'],
  stocktakeNo: ['清查编号', '清查編號', 'Stocktake no.'],
  computerCheckId: ['计算机检查记录', '計算機檢查記錄', 'Computer check'],
  computerCode: ['计算机编号', '計算機編號', 'Computer'],
  foundOn: ['发现日期', '發現日期', 'Found on'],
  description: ['发现的问题', '發現的問題', 'Finding'],
  severity: ['程度', '程度', 'Severity'],
  owner: ['整改责任人', '整改責任人', 'Responsible'],
  deadline: ['整改期限', '整改期限', 'Deadline'],
  measures: ['整改措施', '整改措施', 'Measures'],
  done: ['整改情况', '整改情況', 'What was done'],
  closedOn: ['完成日期', '完成日期', 'Done on'],
  confirmation: ['确认', '確認', 'Confirmation'],
  confirmedBy: ['确认人', '確認人', 'Confirmed by'],
};

/** The audit log's words for the findings fields' coded values. */
export const FINDING_AUDIT_VALUE_TERMS: Record<string, Readonly<Record<string, Term>>> = {
  source: FINDING_SOURCE_TERMS,
  severity: FINDING_SEVERITY_TERMS,
};

/** What says where a finding came from (a FindingView has them). */
export interface FindingSourceFacts {
  source: FindingSource;
  sourceRef: string;
  stocktake: { no: string } | null;
  computer: { code: string } | null;
  computerCheck: { at: string; kind: CheckKind } | null;
}

/** Where a finding came from, in words: 清查 QC-2026-001, 计算机检查 BM-JSJ-1, 检查 (省保密局检查组). */
export function findingSourceText(f: FindingSourceFacts, l: Language): string {
  const source = say(FINDING_SOURCE_TERMS[f.source], l);
  const named = f.stocktake?.no ?? f.computer?.code ?? '';
  // The check it came from, by its day and kind: 计算机检查 BM-JSJ-1（2026-11-22 病毒查杀）.
  const check = f.computerCheck ? `${f.computerCheck.at} ${say(CHECK_KIND_TERMS[f.computerCheck.kind], l)}` : '';
  const said = [check, f.sourceRef].filter(Boolean).join(l === 'en' ? '; ' : '；');
  const ref = said ? (l === 'en' ? ` (${said})` : `（${said}）`) : '';
  return `${source}${named ? ` ${named}` : ''}${ref}`;
}
