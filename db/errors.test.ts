import { describe, expect, it } from 'vitest';
import { LedgerError, toLedgerError } from './errors';
import { redact } from './service';

describe('toLedgerError', () => {
  it('keeps a LedgerError as it is', () => {
    const e = new LedgerError('E_FORBIDDEN', 'no', { a: 1 });
    expect(toLedgerError(e)).toBe(e);
    expect(e.toJSON()).toEqual({ code: 'E_FORBIDDEN', message: 'no', details: { a: 1 } });
    expect(new LedgerError('E_IO', 'x').toJSON()).toEqual({ code: 'E_IO', message: 'x' });
  });

  it.each([
    ['ENOSPC', 'E_DISK_FULL'],
    ['SQLITE_FULL', 'E_DISK_FULL'],
    ['SQLITE_NOTADB', 'E_NOT_A_LEDGER'],
    ['SQLITE_CORRUPT', 'E_CORRUPT'],
    ['SQLITE_CORRUPT_INDEX', 'E_CORRUPT'],
    ['SQLITE_BUSY', 'E_LEDGER_IN_USE'],
    // Every extended busy/locked code is the ledger in use, never E_INTERNAL (issue 14).
    ['SQLITE_BUSY_SNAPSHOT', 'E_LEDGER_IN_USE'],
    ['SQLITE_BUSY_RECOVERY', 'E_LEDGER_IN_USE'],
    ['SQLITE_BUSY_TIMEOUT', 'E_LEDGER_IN_USE'],
    ['SQLITE_LOCKED', 'E_LEDGER_IN_USE'],
    ['SQLITE_LOCKED_SHAREDCACHE', 'E_LEDGER_IN_USE'],
    ['SQLITE_LOCKED_VTAB', 'E_LEDGER_IN_USE'],
    ['SQLITE_CANTOPEN', 'E_IO'],
    ['SQLITE_READONLY_DBMOVED', 'E_IO'],
    ['SQLITE_PERM', 'E_IO'],
    ['SQLITE_IOERR_WRITE', 'E_IO'],
    ['EACCES', 'E_IO'],
    ['SQLITE_ERROR', 'E_INTERNAL'],
  ])('maps %s to %s', (code, expected) => {
    expect(toLedgerError(Object.assign(new Error('m'), { code })).code).toBe(expected);
  });

  it('names the cause of a busy ledger', () => {
    expect(toLedgerError(Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY_SNAPSHOT' })).details).toEqual({ cause: 'SQLITE_BUSY_SNAPSHOT' });
  });

  it('maps anything else to E_INTERNAL', () => {
    expect(toLedgerError('boom')).toMatchObject({ code: 'E_INTERNAL', message: 'boom' });
    expect(toLedgerError(undefined).code).toBe('E_INTERNAL');
  });
});

describe('redact', () => {
  it('hides every field named like a password or recovery code, at any depth', () => {
    expect(
      redact({ username: 'a', password: 'p1', nested: { oldPassword: 'p2', list: [{ NewPassword: 'p3' }] }, recoveryCode: 'c', RECOVERYCODE: 'c2' }),
    ).toEqual({
      username: 'a',
      password: '[redacted]',
      nested: { oldPassword: '[redacted]', list: [{ NewPassword: '[redacted]' }] },
      recoveryCode: '[redacted]',
      RECOVERYCODE: '[redacted]',
    });
  });

  it('keeps a password policy readable: it is a rule, not a secret', () => {
    const passwordPolicy = { minLength: 10, requireMixedCase: true, requireSymbol: false };
    expect(redact({ passwordPolicy, password: 'p' })).toEqual({ passwordPolicy, password: '[redacted]' });
  });

  it('shortens long strings and arrays', () => {
    const out = redact({ s: 'x'.repeat(600), a: Array.from({ length: 80 }, (_, i) => i) }) as { s: string; a: number[] };
    expect(out.s).toHaveLength(501);
    expect(out.a).toHaveLength(50);
  });
});
