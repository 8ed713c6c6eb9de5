// Every stable error code with the shape of its details: the backend throws a code and typed details, and the
// catalogue (./catalogue.ts) turns them into a sentence in the reader's language. Never change a code's meaning.
import type { ApprovalKind, ApprovalStatus, ApprovalWay } from '../approvals';
import type { Level } from '../levels';
import type { MarkingErrorReason } from '../marking';
import type { PasswordRule } from '../passwords';
import type { PublicationState } from '../publication';
import type { Role, RoleConflict } from '../roles';

export const ERROR_CODES = [
  'E_VALIDATION',
  'E_UNKNOWN_COMMAND',
  'E_NO_LEDGER',
  'E_ALREADY_INITIALIZED',
  'E_WRONG_PASSWORD',
  'E_TOO_MANY_ATTEMPTS',
  'E_WRONG_RECOVERY_CODE',
  'E_NOT_A_LEDGER',
  'E_CORRUPT',
  'E_LEDGER_TOO_NEW',
  'E_LEDGER_IN_USE',
  'E_NOT_LOGGED_IN',
  'E_FORBIDDEN',
  'E_PASSWORD_CHANGE_REQUIRED',
  'E_WEAK_PASSWORD',
  'E_USERNAME_TAKEN',
  'E_NO_SUCH_ACCOUNT',
  'E_ACCOUNT_DISABLED',
  'E_ROLE_CONFLICT',
  'E_LAST_ADMIN',
  'E_BAD_MARKING',
  'E_NO_SUCH_DOCUMENT',
  'E_NO_SUCH_COPY',
  'E_NO_SUCH_LOCATION',
  'E_DUPLICATE',
  'E_NOT_IN_CUSTODY',
  'E_APPROVAL_REQUIRED',
  'E_FORBIDDEN_CHANNEL',
  'E_MUST_RETURN',
  'E_LOCATION_LEVEL',
  'E_WITNESS_REQUIRED',
  'E_NO_SUCH_DEVICE',
  'E_NETWORK_FORBIDDEN',
  'E_CROSS_USE',
  'E_DATA_ABOVE_MEDIUM',
  'E_DOWNGRADE_FORBIDDEN',
  'E_DEVICE_NOT_IN_SERVICE',
  'E_REPAIR_CONDITIONS',
  'E_STILL_HOLDS',
  'E_MEDIUM_NOT_APPROVED',
  'E_BACKUP_FOLDER_BOUND',
  'E_BACKUP_TARGET_UNAVAILABLE',
  'E_NOT_A_BACKUP',
  'E_BACKUP_DAMAGED',
  'E_IMPORT_TOO_LARGE',
  'E_IMPORT_FILE_UNREADABLE',
  'E_IMPORT_NO_SHEET',
  'E_IMPORT_NO_DATA',
  'E_IMPORT_HAS_ERRORS',
  'E_NO_SUCH_BATCH',
  'E_PRINT_FAILED',
  'E_DISK_FULL',
  'E_IO',
  'E_INTERNAL',
  'E_DATE_ORDER',
  'E_DESTRUCTION_METHOD',
  'E_PERSON_DEPARTED',
  'E_COMPILATION_MARKING',
  'E_NO_SUCH_APPROVAL',
  'E_SELF_APPROVAL',
  'E_APPROVAL_DECIDED',
  'E_APPROVAL_UNUSABLE',
  'E_APPROVAL_MISMATCH',
  'E_NOT_AN_APPROVER',
  'E_APPROVAL_AUTHORITY',
  'E_APPROVER_PASSWORD',
  'E_OWN_ROLES',
  'E_NO_SUCH_PRINT',
  'E_TELEGRAM',
  'E_VOIDED',
  'E_NOT_VOIDABLE',
  'E_COPIES_IN_USE',
  'E_LOCATION_NOT_EMPTY',
  'E_WRONG_OWN_PASSWORD',
  'E_CODE_INVALID',
  'E_CODE_FOREIGN',
  'E_CODE_UNKNOWN',
  'E_NO_SUCH_STOCKTAKE',
  'E_STOCKTAKE_OPEN',
  'E_STOCKTAKE_CLOSED',
  'E_STOCKTAKE_UNVISITED',
  'E_STATISTICS_CHANGED',
  // issue 19, findings and rectification (H4)
  'E_NO_SUCH_FINDING',
  'E_FINDING_CLOSED',
  'E_FINDING_STATE',
  // issue 19, computer checks (H3)
  'E_CHECK_BEFORE_ENABLED',
  'E_CHECK_PROBLEMS_REQUIRED',
  // issue 19, publication reviews (H2)
  'E_NO_SUCH_REVIEW',
  'E_REVIEW_STANDS',
  'E_REVIEW_STATE',
  'E_NOT_CLEARED_FOR_PUBLICATION',
  'E_TELEGRAM_HEADERS',
  // issue 19, conveyance and publication plans on documents (H1)
  'E_DOCUMENT_NOT_HELD',
  'E_CONVEYANCE_SCOPE',
  'E_NO_PLAN',
  'E_PUBLICATION_DECISION',
  'E_PUBLICATION_DONE',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** A refusal that names no detail. */
type None = Record<never, never>;
/** What the operating system or SQLite called the failure (ENOSPC, SQLITE_BUSY ...). */
type Cause = { cause?: string };
type Retry = { failures?: number; retryAfterMs?: number };

export interface ValidationIssue {
  path: string;
  code: string;
  message: string;
}

/** The form fields a rule names when it refuses an input (E_VALIDATION / E_DUPLICATE details.field). */
export type ValidationField =
  | 'change'
  | 'facility'
  | 'approver'
  | 'at'
  | 'issueDate'
  | 'classifiedBy'
  | 'keeper'
  | 'dueAt'
  | 'eventId'
  | 'documentId'
  | 'marking'
  | 'to'
  | 'active'
  | 'roles'
  | 'auditSeq'
  | 'statusAt'
  | 'mapping'
  | 'json'
  | 'returnBy'
  | 'enabledAt'
  | 'pages'
  | 'interrupted'
  | 'layout'
  | 'labels'
  | 'items'
  | 'cabinetId'
  | 'checkers'
  | 'scanId'
  | 'copyId'
  | 'from'
  | 'department'
  | 'charts'
  // findings (H4)
  | 'foundOn'
  | 'deadline'
  | 'stocktakeId'
  | 'computerId';

export type MarkingReason = MarkingErrorReason | 'date_not_after_issue';
export type ApprovalRule =
  | 'outside_scope'
  | 'taken_out'
  | 'copy_top_secret'
  | 'copy_unit_head'
  | 'forward_originator'
  | 'medium_downgrade'
  | 'compile'
  | 'compile_top_secret'
  | 'destroy'
  | 'change_marking'
  | 'change_marking_originator'
  // 内部: widening its 发放范围 (H1)
  | 'internal_scope_widening'
  | 'offsite_repair'
  | 'correction'
  | 'void';
export type CrossUseRule = 'plain_medium_on_classified_computer' | 'classified_medium_on_plain_computer' | 'medium_above_computer';
export type RepairMissing = 'storageRemoved' | 'escort';
/** The steps assertStatus names when a copy is not where the step needs it. */
export type CopyAction =
  | 'lend'
  | 'return from loan'
  | 'transmit'
  | 'forward'
  | 'move'
  | 'copy'
  | 'return to the issuer'
  | 'destruction'
  | 'inventory'
  | 'handover'
  | 'found'
  | 'report lost';
export type MediumRefusal = 'not-registered' | 'not-in-service' | 'not-approved-for-backup' | 'level-too-low' | 'non-classified';
export type DateOrderRule =
  | 'before_registration'
  | 'before_opening'
  | 'return_by_before_receipt'
  | 'backdated'
  | 'before_approval'
  // findings (H4): a close or a deadline before the finding was found; a finding before the stocktake or check it came from
  | 'before_found'
  | 'deadline_before_found'
  | 'before_source'
  // conveyance and publication (H1): a conveyance before its plan, a publication before its decision or its date
  | 'before_plan'
  | 'before_decision'
  | 'before_publish_from';
/** What a departed person may no longer be named as. */
export type DepartedRole = 'borrower' | 'signedBy' | 'producedBy' | 'scope' | 'responsible';
export interface HeldItems {
  copies: { receiptNo: string; copyNo: number }[];
  computers: string[];
  media: string[];
}
export type TargetReason = 'missing' | 'not-a-folder' | 'not-writable' | 'vanished' | 'write-failed' | 'exists';

/** The details each code carries; the catalogue reads them, the renderer may mark a form field by them. */
export interface ErrorDetails {
  E_VALIDATION: { field?: ValidationField; issues?: ValidationIssue[]; documentId?: number; key?: string; reason?: string };
  E_UNKNOWN_COMMAND: { name: string };
  E_NO_LEDGER: None;
  E_ALREADY_INITIALIZED: None;
  E_WRONG_PASSWORD: Retry;
  E_TOO_MANY_ATTEMPTS: { retryAfterMs: number };
  E_WRONG_RECOVERY_CODE: Retry;
  E_NOT_A_LEDGER: { file?: string; reason?: 'missing-key-file' | 'other-ledger' | 'plain-sqlite' | 'not-this-app' | 'not-a-key-file' };
  E_CORRUPT: Cause & { check?: string; file?: string; slot?: string };
  E_LEDGER_TOO_NEW: { fileVersion: number; appVersion: number; backup?: boolean; backupApp?: string };
  E_LEDGER_IN_USE: Cause & { holder?: 'app' | 'cli'; pid?: number; since?: string };
  E_NOT_LOGGED_IN: None;
  E_FORBIDDEN: { command: string; needs: readonly Role[] };
  E_PASSWORD_CHANGE_REQUIRED: None;
  E_WEAK_PASSWORD: { rule: PasswordRule; minLength: number };
  E_USERNAME_TAKEN: { username: string };
  E_NO_SUCH_ACCOUNT: { username: string };
  E_ACCOUNT_DISABLED: None;
  E_ROLE_CONFLICT: { roles: readonly Role[]; rule?: RoleConflict };
  E_LAST_ADMIN: None;
  E_BAD_MARKING: { reason: MarkingReason; text: string; found?: string; max?: number; period?: unknown };
  E_NO_SUCH_DOCUMENT: { documentId: number };
  E_NO_SUCH_COPY: { documentId: number; copyNos: number[] };
  E_NO_SUCH_LOCATION: { locationId: number };
  E_DUPLICATE: { field?: string; value?: string; eventId?: number };
  E_NOT_IN_CUSTODY: { documentId: number; copyNo: number; status: string; action: CopyAction };
  E_APPROVAL_REQUIRED: { rule: ApprovalRule; borrower?: string };
  E_FORBIDDEN_CHANNEL: { rule: 'channel' | 'exchange_station_level'; channel: string };
  E_MUST_RETURN: { documentId: number; receiptNo: string };
  E_LOCATION_LEVEL: { location: string; maxLevel: Level; level: Level };
  /** rule: someone in both lists (both_lists), or the approver among them (approver); person: who. */
  E_WITNESS_REQUIRED: { people: number; rule?: 'both_lists' | 'approver'; person?: string };
  E_NO_SUCH_DEVICE: { device: 'computer' | 'medium'; id?: number; code?: string };
  E_NETWORK_FORBIDDEN: { level: Level; network: string };
  E_CROSS_USE: { rule: CrossUseRule; medium: string; mediumLevel: Level; computer: string; computerLevel: Level };
  E_DATA_ABOVE_MEDIUM: { medium: string; mediumLevel: Level; dataLevel: Level };
  E_DOWNGRADE_FORBIDDEN: { medium: string; rule: 'ever_classified' | 'held_higher_data' };
  E_DEVICE_NOT_IN_SERVICE: { device: 'computer' | 'medium'; code: string; status: string; to?: string };
  E_REPAIR_CONDITIONS: { missing: RepairMissing[] };
  /** items: each thing still held (新 since issue 13; older backends send the counts only). */
  E_STILL_HOLDS: { person: string; documentCopies: number; computers: number; media: number; items?: HeldItems };
  E_MEDIUM_NOT_APPROVED: { reason: MediumRefusal; medium: string; status?: string; mediumLevel?: Level; ledgerLevel?: Level };
  E_BACKUP_FOLDER_BOUND: { reason: 'other-medium' | 'other-ledger' | 'unreadable-marker'; boundTo?: string; medium?: string };
  E_BACKUP_TARGET_UNAVAILABLE: Cause & { reason: TargetReason; folder?: string };
  E_NOT_A_BACKUP: { file?: string; issues?: string[] };
  E_BACKUP_DAMAGED: Cause & { file: string; reason: string; expectedSize?: number; size?: number; check?: string[]; tables?: string[] };
  /** limit: which one the file passed (db/ledger/transfer ImportLimits; none in entries from before it was named);
   * size is max + 1 when reading stopped at the limit. bytes and unpackedBytes count bytes, the others items. */
  E_IMPORT_TOO_LARGE: { fileName: string; limit?: 'bytes' | 'unpackedBytes' | 'rows' | 'cells' | 'sharedStrings'; size: number; max: number };
  /** offset (0-based) and line (1-based) of the first bad byte when reason is 'bad_bytes'. */
  E_IMPORT_FILE_UNREADABLE: Cause & { fileName: string; reason: string; offset?: number; line?: number };
  E_IMPORT_NO_SHEET: { sheet: string | null; sheets: string[] };
  E_IMPORT_NO_DATA: { sheet: string; headerRow?: number };
  /** issues: the dry run's report rows (db/ledger/transfer ImportIssue). */
  E_IMPORT_HAS_ERRORS: { bad: number; good: number; issues?: readonly object[] };
  E_NO_SUCH_BATCH: { batchNo: string; kind?: string };
  E_PRINT_FAILED: Cause;
  E_DISK_FULL: Cause;
  E_IO: Cause & { file?: string };
  E_INTERNAL: Cause;
  /** at: the date refused; earliest: the first date it could be (the registration, the event it closes, the limit). */
  E_DATE_ORDER: { rule: DateOrderRule; at: string; earliest: string };
  /** sources: the 收文编号 of the sources above the marking given. */
  E_COMPILATION_MARKING: { rule: 'level' | 'period'; marking: string; sources: string[] };
  E_PERSON_DEPARTED: { person: string; departedAt: string; role: DepartedRole };
  E_DESTRUCTION_METHOD: { rule: 'top_secret_facility'; documentId: number; receiptNo: string } | { rule: 'shredder_quantity'; copies: number; max: number };
  E_NO_SUCH_APPROVAL: { approvalId: number };
  /** Whoever asked never approves: the requester deciding, or the acting custodian named as the approver on the spot. */
  E_SELF_APPROVAL: { approvalNo?: string };
  /** A request already decided is not decided again. */
  E_APPROVAL_DECIDED: { approvalNo: string; status: ApprovalStatus };
  /** at: when it lapsed (expired) or was used (used). */
  E_APPROVAL_UNUSABLE: { approvalNo: string; status: 'pending' | 'refused' | 'used' | 'expired'; at?: string };
  /** The action is not what the approval names: another kind or item, a copy it does not name, more copies than approved. */
  E_APPROVAL_MISMATCH: { approvalNo: string; rule: 'kind' | 'subject' | 'copies' | 'count'; approved?: string | number; asked?: string | number };
  /** approver: the account's display name (or its id when there is none). */
  E_NOT_AN_APPROVER: { approver: string; reason: 'role' | 'inactive' | 'temporary_password' };
  /** needs 'external': only the originator or its superior can decide it; 'unit': only the unit's approver. */
  E_APPROVAL_AUTHORITY: { kind: ApprovalKind; needs: 'external' | 'unit'; way: ApprovalWay };
  /** The approver's own password, typed on the spot, did not open their key slot. */
  E_APPROVER_PASSWORD: Retry & { approver: string };
  /** added: the roles an administrator tried to give their own account (another administrator must). */
  E_OWN_ROLES: { username: string; added: readonly Role[] };
  /** print.record names a print that print.prepare did not make for this account, or one already recorded. */
  E_NO_SUCH_PRINT: { printId: string };
  /** 密码电报 / 级发电 are kept apart and never copied. location: the one refused; receiptNo: the telegram; sources: the telegrams among them. */
  E_TELEGRAM: { rule: 'telegram_location' | 'document_location' | 'copy' | 'compile' | 'produced'; location?: string; receiptNo?: string; sources?: string[] };
  /** The registration was voided (作废): nothing more is done to it, nor corrected. */
  E_VOIDED: { receiptNo: string };
  /** Only a registration nothing else has happened to is voided; kind: the first event after it. */
  E_NOT_VOIDABLE: { receiptNo: string; kind: string };
  /** A 份数 correction may take off only copies nothing has happened to. */
  E_COPIES_IN_USE: { receiptNo: string; copyNos: number[] };
  /** A cabinet is taken out of use only when it holds nothing. */
  E_LOCATION_NOT_EMPTY: { location: string; copies: number };
  /** Where only the password is asked (unlocking one's own locked session): no user name to be wrong. */
  E_WRONG_OWN_PASSWORD: Retry;
  /** 标签编码 typed or scanned: not a code at all (format), or one with a character mistyped (check); text as given. */
  E_CODE_INVALID: { reason: 'format' | 'check'; text: string };
  /** Another ledger's label (another secrecy room's prefix). */
  E_CODE_FOREIGN: { code: string };
  /** A well-formed code of this ledger that names no copy, device or cabinet. */
  E_CODE_UNKNOWN: { code: string };
  E_NO_SUCH_STOCKTAKE: { stocktakeId: number };
  /** One stocktake at a time (no: the open one's number); the whole-ledger inventory waits for it too. */
  E_STOCKTAKE_OPEN: { no: string };
  /** Nothing is scanned, retracted, resolved or closed after a stocktake's close. */
  E_STOCKTAKE_CLOSED: { no: string };
  /** Closing with cabinets (or the devices part) no one scanned in, unless their expected items are taken as missing. */
  E_STOCKTAKE_UNVISITED: { cabinets: string[]; devices: boolean };
  /** The annual pack's figures moved since its charts were drawn (the ledger changed): build it again. */
  E_STATISTICS_CHANGED: { year: number };
  E_NO_SUCH_FINDING: { findingId: number };
  /** A finding whose close the approver confirmed: not closed again, its deadline and measures not changed. */
  E_FINDING_CLOSED: { findingNo: string; closedOn: string };
  /** status: where the finding stands; action: what was refused (a second close while one awaits, a confirmation with none). */
  E_FINDING_STATE: { findingNo: string; status: 'open' | 'overdue' | 'awaiting'; action: 'close' | 'confirm' | 'change' };
  /** A computer's check dated before the computer was put into service (enabledAt). */
  E_CHECK_BEFORE_ENABLED: { computer: string; at: string; enabledAt: string };
  /** A check whose result is 发现问题 says what was found. */
  E_CHECK_PROBLEMS_REQUIRED: { computer: string };
  E_NO_SUCH_REVIEW: { reviewId: number };
  /** 一事一审: the item (title) already has a review that stands (reviewNo), undecided or approved. */
  E_REVIEW_STANDS: { reviewNo: string; title: string };
  /** The review is past the step asked (decided, published, withdrawn) or not at it (no changes were asked). */
  E_REVIEW_STATE: { reviewNo: string; state: PublicationState; action: 'decide' | 'confirm' | 'publish' | 'withdraw' };
  /** 先审查后公开: published only after 同意公开, or 修改后公开 with the changes confirmed made. */
  E_NOT_CLEARED_FOR_PUBLICATION: { reviewNo: string; state: PublicationState };
  /** A telegram is published only with its headers and codes removed (headers), and never while still classified (classified). */
  E_TELEGRAM_HEADERS: { reviewNo: string; rule: 'headers' | 'classified'; receiptNo?: string };
  /** A conveyance or plan for a document the unit no longer holds (returned, destroyed, sent out). */
  E_DOCUMENT_NOT_HELD: { receiptNo: string };
  /** scope: plan entries outside the document's 知悉范围; plan: audience outside the conveyance plan's range. outside: those names. */
  E_CONVEYANCE_SCOPE: { rule: 'scope' | 'plan'; receiptNo: string; outside: string[] };
  /** A conveyance without a conveyance plan, a publication recorded without a publication plan. */
  E_NO_PLAN: { receiptNo: string; plan: 'conveyance' | 'publication' };
  /** originator: a received document's publication is the originator's decision (its document number), never the unit's;
   * approver: the unit's own document needs its approver's countersignature (or a decision from above). */
  E_PUBLICATION_DECISION: { receiptNo: string; rule: 'originator' | 'approver' };
  /** The plan in force was already carried out (at); a new plan comes first. */
  E_PUBLICATION_DONE: { receiptNo: string; at: string };
}

/** An error as it crosses a process boundary (IPC, the CLI, the audit log). */
export interface LedgerErrorShape {
  code: ErrorCode;
  message: string;
  details?: Readonly<Record<string, unknown>>;
}
