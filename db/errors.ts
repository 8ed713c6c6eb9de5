// Stable error codes: the renderer and the CLI translate these; never change a code's meaning.
import type { z } from 'zod';

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
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface LedgerErrorShape {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** A refusal or failure with a stable code; `message` is English for logs, the UI translates `code`. */
export class LedgerError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'LedgerError';
    this.code = code;
    this.details = details;
  }
  toJSON(): LedgerErrorShape {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

/** Maps an unknown throwable to a LedgerError, recognising disk and SQLite failures. */
export function toLedgerError(err: unknown): LedgerError {
  if (err instanceof LedgerError) return err;
  const e = err as { code?: string; message?: string };
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = typeof e?.message === 'string' ? e.message : String(err);
  if (code === 'ENOSPC' || code === 'SQLITE_FULL' || code === 'EDQUOT' || code === 'EFBIG') {
    return new LedgerError('E_DISK_FULL', 'The disk is full; nothing was written.', { cause: code });
  }
  if (code === 'SQLITE_NOTADB') return new LedgerError('E_NOT_A_LEDGER', 'The file is not a ledger database.');
  if (code.startsWith('SQLITE_CORRUPT')) return new LedgerError('E_CORRUPT', 'The ledger database is damaged.', { cause: code });
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new LedgerError('E_LEDGER_IN_USE', 'The ledger is in use by another program.', { cause: code });
  }
  if (code.startsWith('SQLITE_IOERR') || /^E(ACCES|PERM|ROFS|IO|NOENT)$/.test(code)) {
    return new LedgerError('E_IO', `Reading or writing the ledger failed (${code}).`, { cause: code });
  }
  return new LedgerError('E_INTERNAL', message);
}

/** Parses input with a schema; a mismatch is E_VALIDATION listing each issue by path. */
export function validate<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message }));
  throw new LedgerError('E_VALIDATION', `Invalid input: ${issues.map((i) => `${i.path || '(input)'} ${i.message}`).join('; ')}`, { issues });
}
