// Domain-facing shapes returned by commands (row types stay inside db/).
import type { AuditCategory } from './domain/audit';
import type { ApprovalKind, ApprovalStatus, ApprovalSubjectType, ApprovalWay } from './domain/approvals';
import type { DeviceLevel, DocumentLevel, Level } from './domain/levels';
import type { PasswordPolicy } from './domain/passwords';
import type { Role } from './domain/roles';
import type { StocktakeDue } from './ledger/stocktake/model';
import type { CheckKind, CheckResult, SecurityProduct } from './domain/computer-checks';
import type { AuditChainState, StatisticFigure } from './domain/statistics';

export type { Role } from './domain/roles';
export type { PasswordPolicy } from './domain/passwords';

export interface SessionInfo {
  username: string;
  displayName: string;
  roles: Role[];
  mustChangePassword: boolean;
  unitName: string;
  idleMinutes: number;
}

export interface LedgerStatus {
  state: 'no-ledger' | 'locked' | 'unlocked';
  /** What the service knew about backups when the ledger was last unlocked in this run (null before that). */
  backup: BackupStatusView | null;
  session: SessionInfo | null;
  /** The user whose session the lock screen resumes, when the ledger was locked rather than logged out. */
  lockedUser: { username: string; displayName: string } | null;
  /** Milliseconds until the next password attempt is accepted (0 when none is pending). */
  retryAfterMs: number;
}

export interface AccountView {
  username: string;
  displayName: string;
  roles: Role[];
  active: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface LedgerSettings {
  unitName: string;
  idleMinutes: number;
  passwordPolicy: PasswordPolicy;
  /** 收文编号 pattern: {year}, {seq} or {seq:N} (zero-padded). */
  receiptNoFormat: string;
  /** How many days ahead reminders look (secrecy periods ending, return deadlines). */
  reminderDays: number;
  /** Days between backups to an approved medium before one is due. */
  backupIntervalDays: number;
  /** The most copies of 机密 / 秘密 one destruction batch may put through the unit's shredder (default 10). */
  shredderMaxCopies: number;
  /** Days a transmission may wait for its 回执 before the reminders name it (default 14). */
  receiptReminderDays: number;
  /** Years before the current one a registration by hand may be dated without a 补登 reason (default 1). */
  lateEntryYears: number;
  /** Days an approval stays usable after its decision (default 30). */
  approvalValidDays: number;
  /** Months between stocktakes of a cabinet by the most secret level it holds (1..24, default 12 each). */
  stocktakeCadenceMonths: { top_secret: number; secret: number; confidential: number };
  /** Days between a computer's checks of each kind before the reminders name it (computerChecksDue, default 30). */
  computerCheckIntervalDays: number;
}

export interface AuditEntryView {
  seq: number;
  at: string;
  actor: string | null;
  /** The actor account's display name (张伟), as the screens name people; null when the account is gone or none acted. */
  actorName: string | null;
  kind: string;
  /** The command's category (涉密文件, 计算机 ...), from its name; null for a name no category knows. */
  category: AuditCategory | null;
  action: string;
  target: string | null;
  /** When the target is an account (its login name): the account's display name; null otherwise or when it is gone. */
  targetName: string | null;
  /** Codes and typed details: the reader's language turns them into words (db/domain/audit). */
  summary: Record<string, unknown>;
  /** The ledger numbers of the ids the summary's input names (收文编号, 设备编号, 保密柜), by field. */
  refs: Record<string, string>;
  outcome: 'ok' | 'refused' | 'failed';
  errorCode: string | null;
  hash: string;
}

/** 核对打印件: what a printout's `审计链 #seq hash` proves today. */
export interface PrintoutCheckView {
  /** The log has an entry #seq. */
  found: boolean;
  /** Entry #seq still has the hash the paper shows. */
  matches: boolean;
  /** The chain from entry #seq to the head. */
  chain: AuditVerifyView;
  /** The print entries made at that head: what the printout was, and who printed it (display name). */
  prints: { seq: number; at: string; actor: string | null; title: string; pages: number | null; copies: number | null; destination: string | null }[];
}

export type AuditVerifyView =
  | { intact: true; count: number; head: { seq: number; hash: string } }
  | { intact: false; count: number; firstBroken: { seq: number; reason: 'hash' | 'link' | 'sequence' } };

// ---- the classified documents register ----------------------------------------------------------

export type LevelCode = DocumentLevel;
/** 载体形式; 'telegram': 密码电报 / 级发电, a group of their own. */
export type CarrierCode = 'paper' | 'disc' | 'other' | 'telegram';
export type CopyStatusCode = 'in_custody' | 'on_loan' | 'transmitted' | 'returned' | 'destroyed' | 'missing' | 'voided';

export interface LocationView {
  id: number;
  code: string;
  name: string;
  maxLevel: LevelCode;
  keeper: string | null;
  active: boolean;
  /** Marked for telegrams (密码电报 / 级发电): holds them and nothing else. */
  telegrams: boolean;
  /** 标签编码 on the cabinet's label (db/domain/item-codes). */
  labelCode: string;
}

/** Copies of one item by state; their sum is the number registered. */
export type CopyCounts = Record<CopyStatusCode, number>;

export interface DocumentListItem {
  id: number;
  receiptNo: string;
  origin: 'received' | 'produced';
  docNumber: string;
  title: string;
  originUnit: string;
  carrier: CarrierCode;
  level: LevelCode;
  marking: string;
  issueDate: string;
  secrecyEnd: string | null;
  /** The marking is a declassification condition: it never lapses by itself, a review must decide (the screen warns). */
  needsManualReview: boolean;
  declassified: boolean;
  /** The registration was voided (作废): shown with a badge, held by no one, on no reminder. */
  voided: boolean;
  registeredAt: string;
  mustReturn: boolean;
  returnBy: string | null;
  copies: number;
  counts: CopyCounts;
  /** 份号 of the copies, compressed: 0001-0003, 0005. */
  copyNos: string;
  overdue: boolean;
  /** The reminders the item is on (the 提示 column), overdue apart from due soon. */
  reminders?: DocumentReminder[];
}

export type DocumentReminder =
  | 'loanOverdue'
  | 'loanDueSoon'
  | 'returnOverdue'
  | 'returnNear'
  | 'secrecyEnded'
  | 'secrecyEndingSoon'
  | 'reviewDue'
  | 'receiptPending'
  | 'receiptOverdue'
  | 'missing'
  // 公开方案 whose day has come, not yet recorded as published (H1)
  | 'publicationDue';

export interface CopyView {
  id: number;
  copyNo: number;
  reproduction: boolean;
  sourceCopyNo: number | null;
  status: CopyStatusCode;
  /** The cabinet's code; null once the copy has left (destroyed, returned, transmitted out) or was voided. */
  location: string | null;
  holder: string | null;
  holderDepartment: string | null;
  dueAt: string | null;
  overdue: boolean;
  /** 标签编码 on the copy's label (db/domain/item-codes). */
  labelCode: string;
}

export interface DocumentEventView {
  id: number;
  kind: string;
  at: string;
  counterpart: string | null;
  approver: string | null;
  /** The approval (审批) the event used: its page is approvals.get; details.approval says its number and how it was given. */
  approvalId: number | null;
  batchNo: string | null;
  copyNos: number[];
  details: Record<string, unknown>;
  imported: boolean;
  recordedAt: string;
  /** Who entered it: the account's display name. */
  recordedBy: string;
  /** A transmission (传递 / 转发) entered here: waiting for its 回执, or closed by it. */
  receipt?: 'pending' | 'confirmed';
}

export interface DocumentDetail extends DocumentListItem {
  scope: string[];
  classifiedBy: string | null;
  classificationBasis: string | null;
  attachments: string;
  remarks: string;
  lastReviewYear: number | null;
  copyList: CopyView[];
  events: DocumentEventView[];
}

export interface ReminderCounts {
  overdueLoans: number;
  returnDue: number;
  secrecyEnding: number;
  reviewDue: number;
  /** Cabinets whose stocktake is due by the cadence of the most secret level each holds (settings stocktakeCadenceMonths). */
  stocktakeDue: StocktakeDue[];
  /** Computers in use with a check overdue by the setting computerCheckIntervalDays. */
  computerChecksDue: ComputerCheckDue[];
  // Overdue (or ended) apart from due within reminderDays; the older keys above sum a pair each.
  /** Items with a copy on loan past its due date (the same as overdueLoans). */
  loansOverdue: number;
  /** Items with a copy on loan due from today to the horizon. */
  loansDueSoon: number;
  /** Must-return items still held or missing whose return-by date has passed. */
  returnOverdue: number;
  returnNear: number;
  /** Secrecy period already ended: a review (declassify, extend or keep by decision) is due. */
  secrecyEnded: number;
  secrecyEndingSoon: number;
  /** Items with a transmission still waiting for its 回执, and those waiting longer than receiptReminderDays. */
  receiptsPending: number;
  receiptsOverdue: number;
  /** Items with a copy missing since an inventory, neither found nor reported lost. */
  missingCopies: number;
  /** Copies in custody or on loan: 0 means no inventory is due, and none is done. */
  heldCopies: number;
  inventoriesThisYear: number;
  /** 密码电报 / 级发电 as a group of their own: held, due back within reminderDays, past their return-by date. */
  telegramsHeld: number;
  telegramsDueSoon: number;
  telegramsOverdue: number;
  /** Findings (问题整改): open past their deadline, open with the deadline within reminderDays, a close awaiting the approver. */
  findingsOverdue: number;
  findingsDueSoon: number;
  findingsAwaiting: number;
  /** Approval requests waiting for a decision this account may give (an approver's, never their own); 0 for other roles. */
  approvalsPending: number;
  /** Items whose 公开方案 in force allows publication from today or earlier and is not yet recorded as published. */
  publicationDue: number;
}

// ---- computers and removable media ----------------------------------------------------------------

export type DeviceLevelCode = DeviceLevel;

export interface ComputerView {
  id: number;
  code: string;
  name: string;
  model: string;
  serial: string;
  diskSerial: string | null;
  mac: string | null;
  os: string;
  osInstalledAt: string | null;
  level: DeviceLevelCode;
  network: 'standalone' | 'classified_intranet' | 'egov_extranet' | 'internet';
  purpose: string;
  department: string;
  responsible: string;
  location: string;
  enabledAt: string;
  status: 'in_use' | 'stopped' | 'repair' | 'scrapped' | 'destroyed';
  remarks: string;
  /** 违规外联监控 and 三合一: installed, not installed, or null when nothing was recorded (registered before). */
  monitoring: boolean | null;
  threeInOne: boolean | null;
  /** The security products with their versions. */
  securityProducts: SecurityProduct[];
}

/** One entry of a computer's check log (病毒查杀, 系统升级, 违规外联检查, 保密检查). */
export interface ComputerCheckView {
  id: number;
  computerId: number;
  computer: string;
  computerName: string;
  computerLevel: DeviceLevelCode;
  kind: CheckKind;
  at: string;
  checker: string;
  result: CheckResult;
  problems: string;
  recordedAt: string;
  recordedBy: string;
}

/** A computer in use whose last check of some kind is older than computerCheckIntervalDays (or never done). */
export interface ComputerCheckDue {
  id: number;
  code: string;
  level: DeviceLevelCode;
  /** Each kind due, with its last check's date (null: never checked). */
  kinds: { kind: CheckKind; lastAt: string | null }[];
}

export interface MediumView {
  id: number;
  code: string;
  type: 'usb' | 'hdd' | 'disc' | 'card' | 'tape';
  model: string;
  serial: string;
  capacity: string;
  level: DeviceLevelCode;
  everClassified: boolean;
  responsible: string;
  department: string;
  usageScope: string;
  enabledAt: string;
  status: 'in_use' | 'stopped' | 'scrapped' | 'destroyed';
  backupApproved: boolean;
  holder: string | null;
  loanComputer: string | null;
  dueAt: string | null;
  remarks: string;
}

export interface DeviceEventView {
  id: number;
  kind: string;
  at: string;
  details: Record<string, unknown>;
  /** The approval (审批) the event used (off-site repair, scrap and destroy, a lower level). */
  approvalId: number | null;
  /** Taken over from an old register by an import (导入的历史记录). */
  imported: boolean;
  recordedAt: string;
  /** Who entered it: the account's display name. */
  recordedBy: string;
}

export interface MediaUsageView {
  id: number;
  at: string;
  medium: string;
  mediumLevel: DeviceLevelCode;
  computer: string;
  computerLevel: DeviceLevelCode;
  user: string;
  purpose: string;
  dataLevel: Level;
  /** The account's display name. */
  recordedBy: string;
}

// ---- label codes (标签编码) ----------------------------------------------------------------------------

/** What codes.lookup finds for a scanned or typed code; a voided copy or a retired device still resolves (status says). */
export type CodeLookupView =
  | {
      kind: 'copy';
      code: string;
      copy: {
        copyId: number;
        documentId: number;
        copyNo: number;
        receiptNo: string;
        level: LevelCode;
        status: CopyStatusCode;
        locationId: number | null;
        locationName: string | null;
        holder: string | null;
      };
    }
  /** name: a computer's name; a medium, which has none, by its 品牌型号. */
  | {
      kind: 'computer' | 'medium';
      code: string;
      device: { id: number; deviceCode: string; name: string; level: DeviceLevelCode; status: ComputerView['status'] | MediumView['status'] };
    }
  | { kind: 'cabinet'; code: string; cabinet: { id: number; code: string; name: string; maxLevel: LevelCode } };

// ---- backup and restore ----------------------------------------------------------------------------

export interface BackupStatusView {
  state: 'ok' | 'due' | 'overdue';
  /** null: never backed up (the interval counts from the ledger's creation). */
  lastBackupAt: string | null;
  dueAt: string;
  intervalDays: number;
  /** When the latest backup attempt failed, if none has succeeded since (null: none failed). */
  lastFailedAt: string | null;
}

export interface BackupMediumView {
  id: number;
  code: string;
  serial: string;
  level: DeviceLevelCode;
}

export interface BackupView {
  id: number;
  at: string;
  medium: BackupMediumView;
  folder: string;
  name: string;
  dbSha256: string;
  dbSize: number;
  auditHead: { seq: number; hash: string };
  counts: Record<string, number>;
  seconds: number;
  recordedBy: string;
}

/** A backup folder as inspected without a key, beside what is known of the current ledger. */
export interface BackupInspectView {
  folder: string;
  createdAt: string;
  createdBy: string;
  unitName: string;
  appVersion: string;
  schemaVersion: number;
  ledgerId: string;
  counts: Record<string, number>;
  auditHead: { seq: number; hash: string };
  medium: { id: number; code: string; serial: string };
  current: {
    exists: boolean;
    sameLedger: boolean;
    /** Counts and audit head, when the ledger is open or was open earlier in this run. */
    counts: Record<string, number> | null;
    auditHead: { seq: number; hash: string } | null;
    lastBackupAt: string | null;
  };
}

export interface RestoreResultView {
  restoredFrom: string;
  createdAt: string;
  auditHead: { seq: number; hash: string };
  /** Where the ledger that was replaced is kept (null when the folder held none). */
  preRestoreDir: string | null;
}

/** An approval (审批): what it allows, who asked, how and by whom it was decided, and the action it enabled. */
export interface ApprovalView {
  id: number;
  /** SP-<year>-<seq:4>. */
  approvalNo: string;
  kind: ApprovalKind;
  /** label: the item's ledger number (收文编号, 设备编号, 保密柜编号). */
  subject: { type: ApprovalSubjectType; id: number; label: string };
  copyNos: number[];
  count: number | null;
  reason: string;
  requestedBy: { id: number; displayName: string };
  requestedAt: string;
  /** How it was decided: null while pending. */
  way: ApprovalWay | null;
  status: ApprovalStatus;
  /** The approver account; null while pending and for a decision from outside the unit. */
  decidedBy: { id: number; displayName: string } | null;
  decidedAt: string | null;
  note: string;
  /** 纸质审批单 No.: the paper form's number, when recorded from paper. */
  paperNo: string | null;
  /** A decision from outside the unit: the issuing body, its document number (同意函 / 通知 文号) and date. */
  external: { body: string; docNo: string; date: string } | null;
  expiresAt: string | null;
  usedAt: string | null;
  /** The event it enabled: in a document's history (register 'document') or a device's ('device'). */
  enabled: { kind: string; at: string; eventId: number; register: 'document' | 'device' } | null;
}

// ---- statistics (统计) -----------------------------------------------------------------------------

/** One breakdown cell: how many items, and their copies (份) where the figure counts copies (null otherwise). */
export interface StatisticsCell {
  count: number;
  copies: number | null;
}

/** One figure (db/domain/statistics): its count, by level, by its group (carrier, device, rule ...) and by month (YYYY-MM). */
export interface StatisticsFigureView {
  figure: StatisticFigure;
  count: number;
  copies: number | null;
  byLevel: Record<string, StatisticsCell>;
  byGroup: Record<string, StatisticsCell>;
  byMonth: Record<string, StatisticsCell>;
}

/** statistics.figures: every figure for the dates; null where a chosen filter cannot narrow the figure. */
export interface StatisticsView {
  from: string;
  to: string;
  department: string | null;
  cabinetId: number | null;
  figures: Record<StatisticFigure, StatisticsFigureView | null>;
  /** The audit chain: its head now and its last check (statistics.figures only; the printouts say it too). */
  auditChain: AuditChainState;
}

/** One item a figure counts (statistics.items): what it opens, and what the list shows of it. */
export interface StatisticsItemView {
  key: string;
  /** The day it happened (null for a holding, which is now). */
  day: string | null;
  level: string | null;
  group: string | null;
  copies: number | null;
  subject: { type: 'document' | 'computer' | 'medium' | 'backup' | 'audit'; id: number };
  /** 收文编号, 设备编号, the backup's name, or the refused command's name. */
  label: string;
  title: string | null;
  copyNo: number | null;
  daysLate: number | null;
  /** The borrower's department, the destruction method, the issuer returned to, or the borrower. */
  detail: string | null;
}
