// The backend's side of errors: mapping what Node and SQLite throw to stable codes, and validating command input.
// The codes, their typed details and their sentences live in the domain core (db/domain/errors).
import type { z } from 'zod';
import { LedgerError } from './domain/errors';

export { LedgerError, type ErrorCode, type LedgerErrorShape } from './domain/errors';

/** Maps an unknown throwable to a LedgerError, recognising disk and SQLite failures. */
export function toLedgerError(err: unknown): LedgerError {
  if (err instanceof LedgerError) return err;
  const e = err as { code?: string; message?: string };
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = typeof e?.message === 'string' ? e.message : String(err);
  if (code === 'ENOSPC' || code === 'SQLITE_FULL' || code === 'EDQUOT' || code === 'EFBIG') return new LedgerError('E_DISK_FULL', { cause: code });
  if (code === 'SQLITE_NOTADB') return new LedgerError('E_NOT_A_LEDGER');
  if (code.startsWith('SQLITE_CORRUPT')) return new LedgerError('E_CORRUPT', { cause: code });
  // Every extended code too (SQLITE_BUSY_SNAPSHOT, SQLITE_LOCKED_SHAREDCACHE ...): another writer, not a bug.
  if (/^SQLITE_(BUSY|LOCKED)(_|$)/.test(code)) return new LedgerError('E_LEDGER_IN_USE', { cause: code });
  if (/^SQLITE_(IOERR|CANTOPEN|READONLY|PERM)(_|$)/.test(code) || /^E(ACCES|PERM|ROFS|IO|NOENT)$/.test(code)) return new LedgerError('E_IO', { cause: code });
  // A bug: keep what was thrown, a report needs it.
  return new LedgerError('E_INTERNAL', message);
}

/** A command's input: no input at all is an empty object; null, an array or a scalar is no input of any command. */
function commandInput(raw: unknown): unknown {
  if (raw === undefined) return {};
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new LedgerError('E_VALIDATION', { issues: [{ path: '', code: 'invalid_type', message: 'Expected an object' }] });
  }
  return raw;
}

/** Parses input with a schema; a mismatch is E_VALIDATION listing each issue by path. */
export function validate<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(commandInput(raw));
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message }));
  throw new LedgerError('E_VALIDATION', { issues });
}
