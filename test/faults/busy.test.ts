// The database locked under the ledger by something that is not a ledger process (a raw connection holding a write
// transaction, as a copy tool or a hand-opened sqlite3 would): a write, an audited refusal and a lock each wait the
// bounded busy timeout and come back coded (E_LEDGER_IN_USE, or the refusal's own code), never E_INTERNAL; once the
// lock is gone the ledger works again and its chain is intact.
import { describe, expect, it } from 'vitest';
import { ADMIN, makeLedger, ok, openRaw, type SetUpLedger } from '../../db/testing';
import type { Db } from '../../db/store/sql';

const day = (t: SetUpLedger) => new Date(t.clock.now).toISOString().slice(0, 10);
const receive = (t: SetUpLedger, docNumber: string) => ({
  receivedAt: day(t),
  issueDate: day(t),
  originUnit: '省国家保密局',
  docNumber,
  title: '关于锁定测试的通知',
  marking: '机密★10年',
  copies: 1,
  scope: ['办公室'],
  locationId: 1,
  signedBy: '李明',
});

/** A set-up ledger with a location, and ledger.db held in a write transaction by a raw connection during `fn`. */
function whileLocked(fn: (t: SetUpLedger) => void): SetUpLedger {
  const t = makeLedger();
  ok(t.service, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' });
  const raw: Db = openRaw(t.dbPath, t.key);
  raw.exec('BEGIN IMMEDIATE');
  try {
    fn(t);
  } finally {
    raw.exec('ROLLBACK');
    raw.close();
  }
  return t;
}

describe('ledger.db locked by another connection', () => {
  it('a write and an audited refusal come back coded within the busy timeout; afterwards all is well', { timeout: 60_000 }, () => {
    const t = whileLocked((t) => {
      const started = Date.now();
      const write = t.service.invoke('documents.receive', receive(t, 'BUSY-1'));
      expect(write, JSON.stringify(write)).toMatchObject({ ok: false, error: { code: 'E_LEDGER_IN_USE' } });
      expect(Date.now() - started, 'the busy wait is bounded').toBeLessThan(15_000);
      const weak = t.service.invoke('account.create', { username: 'weakpw', displayName: '弱', roles: ['custodian'], password: '1' });
      expect(weak.ok).toBe(false);
      expect((weak as { error: { code: string } }).error.code).not.toBe('E_INTERNAL');
    });
    ok(t.service, 'documents.receive', receive(t, 'BUSY-2'));
    expect(ok(t.service, 'audit.verify')).toMatchObject({ intact: true });
  });
});

// Found by this suite: today a lock whose audit entry cannot be written (the database busy) leaves the session open.
describe('locking while ledger.db is locked by another connection', () => {
  it('the session is locked all the same (an unattended screen must not stay open), coded, never E_INTERNAL', { timeout: 60_000 }, () => {
    const t = whileLocked((t) => {
      const lock = t.service.invoke('session.lock', {});
      expect((lock as { error?: { code: string } }).error?.code).not.toBe('E_INTERNAL');
      expect(t.service.status().state).toBe('locked');
    });
    ok(t.service, 'session.unlock', { password: ADMIN.password });
    expect(ok(t.service, 'audit.verify')).toMatchObject({ intact: true });
  });
});

// Found by this suite: the idle tick (every 5 s from a timer in the backend process) threw when the database was busy,
// an uncaught exception that would end the backend process with the custodian's session in it.
describe('the idle tick while ledger.db is locked by another connection', () => {
  it('locks the idle session without throwing, and ticks on once the lock is gone', { timeout: 60_000 }, () => {
    const t = whileLocked((t) => {
      t.clock.advance(60 * 60_000);
      expect(() => t.service.tick()).not.toThrow();
      expect(t.service.status().state).toBe('locked');
    });
    ok(t.service, 'session.unlock', { password: ADMIN.password });
    expect(() => t.service.tick()).not.toThrow();
    expect(ok(t.service, 'audit.verify')).toMatchObject({ intact: true });
  });
});
