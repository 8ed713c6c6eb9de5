// The catalogue says every error the backend can raise, in each language, and no code is kept that nothing raises.
// (A test may read files; the catalogue itself stays pure.)
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../terms';
import { errorMessage } from './catalogue';
import { ERROR_CODES, type ErrorCode, type ErrorDetails } from './codes';
import { en } from './en';
import { LedgerError } from './ledger-error';
import { zhCN } from './zh-CN';
import { zhTW } from './zh-TW';

const ROOT = join(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.includes('node_modules'))
    .map((f) => join(dir, f));
}

// The backend (db/), and the hosts that answer for it (main/ prints, the test host stands in for main).
const FILES = [...sources('db').filter((f) => !f.startsWith(join('db', 'domain', 'errors'))), ...sources('main'), ...sources('test/host')];
const raised = new Map<string, string>();
for (const file of FILES) {
  for (const [, code] of readFileSync(join(ROOT, file), 'utf8').matchAll(/'(E_[A-Z_]+)'/g))
    if (!raised.has(code!)) raised.set(code!, relative(ROOT, join(ROOT, file)));
}

/** One representative details value per code, typed by the code: the catalogue must say each in every language. */
const SAMPLES: { [C in ErrorCode]: ErrorDetails[C] } = {
  E_VALIDATION: { field: 'dueAt' },
  E_UNKNOWN_COMMAND: { name: 'documents.fly' },
  E_NO_LEDGER: {},
  E_ALREADY_INITIALIZED: {},
  E_WRONG_PASSWORD: { failures: 1, retryAfterMs: 0 },
  E_TOO_MANY_ATTEMPTS: { retryAfterMs: 30_000 },
  E_WRONG_RECOVERY_CODE: { failures: 1 },
  E_NOT_A_LEDGER: {},
  E_CORRUPT: { cause: 'SQLITE_CORRUPT' },
  E_LEDGER_TOO_NEW: { fileVersion: 9, appVersion: 5 },
  E_LEDGER_IN_USE: { cause: 'SQLITE_BUSY' },
  E_NOT_LOGGED_IN: {},
  E_FORBIDDEN: { command: 'accounts.create', needs: ['admin'] },
  E_PASSWORD_CHANGE_REQUIRED: {},
  E_WEAK_PASSWORD: { rule: 'minLength', minLength: 10 },
  E_USERNAME_TAKEN: { username: 'wangfang' },
  E_NO_SUCH_ACCOUNT: { username: 'wangfang' },
  E_ACCOUNT_DISABLED: {},
  E_ROLE_CONFLICT: { roles: ['auditor', 'admin'] },
  E_LAST_ADMIN: {},
  E_BAD_MARKING: { reason: 'over_maximum', text: '秘密★15年', max: 10 },
  E_NO_SUCH_DOCUMENT: { documentId: 7 },
  E_NO_SUCH_COPY: { documentId: 7, copyNos: [7, 9] },
  E_NO_SUCH_LOCATION: { locationId: 3 },
  E_DUPLICATE: { field: 'serial', value: 'SN-1' },
  E_NOT_IN_CUSTODY: { documentId: 7, copyNo: 2, status: 'on_loan', action: 'lend' },
  E_APPROVAL_REQUIRED: { rule: 'outside_scope', borrower: '赵六' },
  E_FORBIDDEN_CHANNEL: { rule: 'channel', channel: '顺丰快递' },
  E_MUST_RETURN: { documentId: 7, receiptNo: '2026-0007' },
  E_LOCATION_LEVEL: { location: 'BMG-01', maxLevel: 'secret', level: 'top_secret' },
  E_WITNESS_REQUIRED: { people: 1 },
  E_NO_SUCH_DEVICE: { device: 'computer', id: 4 },
  E_NETWORK_FORBIDDEN: { level: 'secret', network: 'internet' },
  E_CROSS_USE: { rule: 'medium_above_computer', medium: 'U-01', mediumLevel: 'secret', computer: 'PC-01', computerLevel: 'confidential' },
  E_DATA_ABOVE_MEDIUM: { medium: 'U-01', mediumLevel: 'confidential', dataLevel: 'secret' },
  E_DOWNGRADE_FORBIDDEN: { medium: 'U-01', rule: 'ever_classified' },
  E_DEVICE_NOT_IN_SERVICE: { device: 'computer', code: 'PC-01', status: 'repair' },
  E_REPAIR_CONDITIONS: { missing: ['storageRemoved', 'escort'] },
  E_STILL_HOLDS: { person: '李明', documentCopies: 1, computers: 0, media: 2 },
  E_MEDIUM_NOT_APPROVED: { reason: 'level-too-low', medium: 'U-01', mediumLevel: 'confidential', ledgerLevel: 'secret' },
  E_BACKUP_FOLDER_BOUND: { reason: 'other-medium', boundTo: 'HDD-02', medium: 'HDD-01' },
  E_BACKUP_TARGET_UNAVAILABLE: { reason: 'not-writable', folder: '/media/hdd' },
  E_NOT_A_BACKUP: {},
  E_BACKUP_DAMAGED: { file: 'ledger.db', reason: 'hash' },
  E_IMPORT_TOO_LARGE: { fileName: 'a.xlsx', size: 30_000_000, max: 20 * 1024 * 1024 },
  E_IMPORT_FILE_UNREADABLE: { fileName: 'a.xls', reason: 'xls' },
  E_IMPORT_NO_SHEET: { sheet: '台账', sheets: ['Sheet1'] },
  E_IMPORT_NO_DATA: { sheet: 'Sheet1' },
  E_IMPORT_HAS_ERRORS: { bad: 2, good: 8 },
  E_NO_SUCH_BATCH: { batchNo: 'QT-2026-007' },
  E_PRINT_FAILED: {},
  E_DISK_FULL: { cause: 'ENOSPC' },
  E_IO: { cause: 'EACCES' },
  E_INTERNAL: {},
  E_DATE_ORDER: { rule: 'before_opening', at: '2026-11-09', earliest: '2026-11-10' },
  E_COMPILATION_MARKING: { rule: 'level', marking: '秘密★10年', sources: ['2026-0001'] },
  E_PERSON_DEPARTED: { person: '钱新', departedAt: '2026-11-20', role: 'borrower' },
  E_DESTRUCTION_METHOD: { rule: 'shredder_quantity', copies: 12, max: 10 },
  E_NO_SUCH_APPROVAL: { approvalId: 4 },
  E_SELF_APPROVAL: { approvalNo: 'SP-2026-0004' },
  E_APPROVAL_DECIDED: { approvalNo: 'SP-2026-0004', status: 'approved' },
  E_APPROVAL_UNUSABLE: { approvalNo: 'SP-2026-0004', status: 'expired', at: '2026-12-25' },
  E_APPROVAL_MISMATCH: { approvalNo: 'SP-2026-0004', rule: 'count', approved: 2, asked: 3 },
  E_NOT_AN_APPROVER: { approver: '王芳', reason: 'role' },
  E_APPROVAL_AUTHORITY: { kind: 'copy', needs: 'external', way: 'on_the_spot' },
  E_APPROVER_PASSWORD: { approver: '王局长', failures: 1 },
  E_OWN_ROLES: { username: 'zhangwei', added: ['approver'] },
  E_TELEGRAM: { rule: 'telegram_location', location: 'BMG-01' },
  E_NO_SUCH_PRINT: { printId: '00000000-0000-4000-8000-000000000000' },
  E_VOIDED: { receiptNo: '2026-0007' },
  E_NOT_VOIDABLE: { receiptNo: '2026-0007', kind: 'lend' },
  E_COPIES_IN_USE: { receiptNo: '2026-0007', copyNos: [3] },
  E_LOCATION_NOT_EMPTY: { location: 'BMG-01', copies: 2 },
  E_WRONG_OWN_PASSWORD: { failures: 1, retryAfterMs: 0 },
  E_CODE_INVALID: { reason: 'check', text: 'SL7KD00012X' },
  E_CODE_FOREIGN: { code: 'SL7KD00012Q' },
  E_CODE_UNKNOWN: { code: 'SL7KD00012Q' },
  E_NO_SUCH_STOCKTAKE: { stocktakeId: 3 },
  E_STOCKTAKE_OPEN: { no: 'QC-2026-002' },
  E_STOCKTAKE_CLOSED: { no: 'QC-2026-002' },
  E_STOCKTAKE_UNVISITED: { cabinets: ['一号柜', '二号柜'], devices: false },
  E_STATISTICS_CHANGED: { year: 2026 },
  E_NO_SUCH_FINDING: { findingId: 7 },
  E_FINDING_CLOSED: { findingNo: 'ZG-2026-001', closedOn: '2026-11-24' },
  E_FINDING_STATE: { findingNo: 'ZG-2026-001', status: 'awaiting', action: 'close' },
  E_CHECK_BEFORE_ENABLED: { computer: 'BM-JSJ-1', at: '2026-01-01', enabledAt: '2026-01-05' },
  E_CHECK_PROBLEMS_REQUIRED: { computer: 'BM-JSJ-1' },
  E_NO_SUCH_REVIEW: { reviewId: 3 },
  E_REVIEW_STANDS: { reviewNo: 'GK-2026-003', title: '年度工作总结' },
  E_REVIEW_STATE: { reviewNo: 'GK-2026-003', state: 'published', action: 'decide' },
  E_NOT_CLEARED_FOR_PUBLICATION: { reviewNo: 'GK-2026-003', state: 'refused' },
  E_TELEGRAM_HEADERS: { reviewNo: 'GK-2026-003', rule: 'headers' },
  E_DOCUMENT_NOT_HELD: { receiptNo: '2026-0007' },
  E_CONVEYANCE_SCOPE: { rule: 'scope', receiptNo: '2026-0007', outside: ['财务科', '赵六'] },
  E_NO_PLAN: { receiptNo: '2026-0007', plan: 'conveyance' },
  E_PUBLICATION_DECISION: { receiptNo: '2026-0007', rule: 'originator' },
  E_PUBLICATION_DONE: { receiptNo: '2026-0007', at: '2027-01-05' },
};

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();

function leaves(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : leaves(value as object, `${prefix}${key}.`),
  );
}

describe('the error catalogue', () => {
  it('knows every code the backend raises', () => {
    expect(raised.size).toBeGreaterThan(40);
    expect([...raised].filter(([code]) => !(ERROR_CODES as readonly string[]).includes(code))).toEqual([]);
  });

  it('keeps no code that nothing raises', () => {
    expect(ERROR_CODES.filter((code) => !raised.has(code))).toEqual([]);
  });

  for (const language of LANGUAGES) {
    it(`says every code in ${language}, with its details filled in`, () => {
      for (const code of ERROR_CODES) {
        const general = errorMessage({ code }, language);
        const detailed = errorMessage(new LedgerError(code, ...([SAMPLES[code]] as [never])), language);
        expect(general.trim(), code).not.toBe('');
        expect(detailed.trim(), code).not.toBe('');
        expect(`${general} ${detailed}`, code).not.toMatch(/\{\{|undefined|\[object/);
      }
    });
  }

  it('has the same sentences with the same placeholders in each language', () => {
    const [cn, tw, english] = [zhCN, zhTW, en].map((texts) => new Map(leaves(texts)));
    expect([...tw!.keys()]).toEqual([...cn!.keys()]);
    expect([...english!.keys()]).toEqual([...cn!.keys()]);
    for (const [key, text] of cn!) {
      expect(placeholders(tw!.get(key)!), key).toEqual(placeholders(text));
      expect(placeholders(english!.get(key)!), key).toEqual(placeholders(text));
    }
  });

  it('fills the rule into the sentence (zh-CN, as the screens and the CLI show it)', () => {
    expect(errorMessage({ code: 'E_NO_SUCH_COPY', details: SAMPLES.E_NO_SUCH_COPY }, 'zh-CN')).toBe('这件文件没有份号 0007, 0009。');
    expect(errorMessage({ code: 'E_TOO_MANY_ATTEMPTS', details: SAMPLES.E_TOO_MANY_ATTEMPTS }, 'zh-CN')).toBe('尝试次数过多，请在 30 秒后再试');
    expect(errorMessage({ code: 'E_TOO_MANY_ATTEMPTS', details: SAMPLES.E_TOO_MANY_ATTEMPTS }, 'en', 4)).toBe('Too many attempts. Try again in 4 seconds');
    expect(errorMessage({ code: 'E_CROSS_USE', details: SAMPLES.E_CROSS_USE }, 'zh-CN')).toBe(
      '机密介质 U-01 不得在秘密计算机 PC-01 上使用：涉密介质只能在同级或更高密级的涉密计算机上使用。',
    );
    expect(errorMessage({ code: 'E_NOT_IN_CUSTODY', details: SAMPLES.E_NOT_IN_CUSTODY }, 'zh-TW')).toContain('0002');
    expect(errorMessage({ code: 'E_WEAK_PASSWORD', details: SAMPLES.E_WEAK_PASSWORD }, 'zh-CN')).toBe('密码至少 10 位');
    expect(errorMessage({ code: 'E_NOPE' }, 'zh-CN')).toBe(zhCN.errors.E_INTERNAL);
  });

  it('gives LedgerError an English message for logs, with the cause and the failed inputs', () => {
    expect(new LedgerError('E_IO', { cause: 'EACCES' }).message).toMatch(/^Reading or writing the ledger file failed.*\(EACCES\)$/);
    expect(new LedgerError('E_VALIDATION', { issues: [{ path: 'copies', code: 'too_small', message: 'Too small' }] }).message).toMatch(/\(copies Too small\)$/);
    expect(new LedgerError('E_NO_SUCH_COPY', SAMPLES.E_NO_SUCH_COPY).toJSON()).toEqual({
      code: 'E_NO_SUCH_COPY',
      message: 'The document has no copy 0007, 0009.',
      details: SAMPLES.E_NO_SUCH_COPY,
    });
  });
});
