// Opening a ledger that cannot or must not be opened: each refusal has its code and leaves ledger.db as it was.
import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, openSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { ADMIN, auditRows, fileSize, login, makeLedger, makeTempLedger, ok, openRaw, refused, sha256File, type SetUpLedger } from './testing';
import type { LedgerService } from './service';
import { readKeyFile } from './store/keyring';
import { MIGRATIONS } from './store/migrations';
import type { LedgerStatus } from './views';

const PAGE = 4096;

/** A set-up ledger, closed (WAL folded in), and a fresh service on it as after a restart. */
function closedLedger(): SetUpLedger & { before: string } {
  const t = makeLedger();
  t.restart();
  return Object.assign(t, { before: sha256File(t.dbPath) });
}

/** ledger.db has exactly the bytes it had, and no write-ahead log holds changes for it. */
function expectDbUnchanged(t: SetUpLedger, before: string): void {
  expect(sha256File(t.dbPath)).toBe(before);
  expect(fileSize(t.walPath)).toBe(0);
}

const loginAdmin = (s: LedgerService, password: string = ADMIN.password) => s.invoke('session.login', { username: ADMIN.username, password });

function overwrite(path: string, offset: number, bytes: Buffer): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, bytes, 0, bytes.length, offset);
  } finally {
    closeSync(fd);
  }
}

describe('wrong password', () => {
  it('is E_WRONG_PASSWORD for a wrong password and for an unknown user alike; the database is untouched', () => {
    const t = closedLedger();
    const wrong = refused(t.service, 'session.login', { username: ADMIN.username, password: 'Wrong2026pass' });
    expect(wrong).toMatchObject({ code: 'E_WRONG_PASSWORD', details: { failures: 1, retryAfterMs: 0 } });
    const unknown = refused(t.service, 'session.login', { username: 'nobody', password: ADMIN.password });
    expect(unknown).toMatchObject({ code: 'E_WRONG_PASSWORD', message: wrong.message, details: { failures: 2 } });
    expect(t.service.status()).toMatchObject({ state: 'locked', session: null });
    expect(refused(t.service, 'ledger.info').code).toBe('E_NOT_LOGGED_IN');
    expectDbUnchanged(t, t.before);
  });

  it('an empty folder has no ledger', () => {
    const t = makeTempLedger();
    expect(t.service.status()).toEqual({ state: 'no-ledger', backup: null, session: null, lockedUser: null, retryAfterMs: 0 });
    expect(refused(t.service, 'session.login', { username: 'admin', password: 'Admin2026pass' }).code).toBe('E_NO_LEDGER');
  });
});

describe('failed-attempt throttle', () => {
  it('after 5 failures in a row waits 30 s, then 60 s; the wait survives a restart and a success resets it', () => {
    const t = closedLedger();
    let s = t.service;
    for (let i = 1; i <= 4; i++) {
      expect(refused(s, 'session.login', { username: ADMIN.username, password: `Wrong${i}pass` }).details).toEqual({ failures: i, retryAfterMs: 0 });
      t.clock.advance(1000);
    }
    expect(refused(s, 'session.login', { username: ADMIN.username, password: 'Wrong5pass' }).details).toEqual({ failures: 5, retryAfterMs: 30_000 });

    // Even the right password is refused while the wait lasts, and the refusal is not another failure.
    expect(refused(s, 'session.login', { username: ADMIN.username, password: ADMIN.password })).toMatchObject({
      code: 'E_TOO_MANY_ATTEMPTS',
      details: { retryAfterMs: 30_000 },
    });
    t.clock.advance(10_000);
    expect(refused(s, 'session.login', { username: ADMIN.username, password: ADMIN.password })).toMatchObject({
      code: 'E_TOO_MANY_ATTEMPTS',
      details: { retryAfterMs: 20_000 },
    });
    expect(ok<LedgerStatus>(s, 'ledger.status').retryAfterMs).toBe(20_000);

    // A restart does not clear it.
    s = t.restart();
    expect(ok<LedgerStatus>(s, 'ledger.status')).toMatchObject({ state: 'locked', retryAfterMs: 20_000 });
    expect(refused(s, 'session.login', { username: ADMIN.username, password: ADMIN.password })).toMatchObject({
      code: 'E_TOO_MANY_ATTEMPTS',
      details: { retryAfterMs: 20_000 },
    });
    expect(refused(s, 'session.recover', { username: ADMIN.username, recoveryCode: t.recoveryCode, newPassword: 'Fresh2026pass' }).code).toBe(
      'E_TOO_MANY_ATTEMPTS',
    );

    // The next failure doubles the wait.
    t.clock.advance(20_000);
    expect(refused(s, 'session.login', { username: ADMIN.username, password: 'Wrong6pass' }).details).toEqual({ failures: 6, retryAfterMs: 60_000 });
    t.clock.advance(59_999);
    expect(refused(s, 'session.login', { username: ADMIN.username, password: ADMIN.password })).toMatchObject({
      code: 'E_TOO_MANY_ATTEMPTS',
      details: { retryAfterMs: 1 },
    });
    expectDbUnchanged(t, t.before);

    t.clock.advance(1);
    expect(loginAdmin(s).ok).toBe(true);
    expect(readKeyFile(t.keyPath).throttle).toEqual({ failures: 0, lastFailureAt: null });
    ok(s, 'session.logout');

    // Reset: counting starts again from one, and the sixth-in-a-row schedule does not carry over.
    expect(refused(s, 'session.login', { username: ADMIN.username, password: 'Wrong7pass' }).details).toEqual({ failures: 1, retryAfterMs: 0 });
    for (let i = 2; i <= 5; i++) refused(s, 'session.login', { username: ADMIN.username, password: 'Wrong8pass' });
    expect(ok<LedgerStatus>(s, 'ledger.status').retryAfterMs).toBe(30_000);
  });

  it('wrong recovery codes count toward the same throttle', () => {
    const t = closedLedger();
    for (let i = 1; i <= 5; i++) {
      const e = refused(t.service, 'session.recover', {
        username: ADMIN.username,
        recoveryCode: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF',
        newPassword: 'Fresh2026pass',
      });
      expect(e).toMatchObject({ code: 'E_WRONG_RECOVERY_CODE', details: { failures: i } });
    }
    expect(refused(t.service, 'session.login', { username: ADMIN.username, password: ADMIN.password }).code).toBe('E_TOO_MANY_ATTEMPTS');
    expect(refused(t.service, 'session.recover', { username: ADMIN.username, recoveryCode: t.recoveryCode, newPassword: 'Fresh2026pass' }).code).toBe(
      'E_TOO_MANY_ATTEMPTS',
    );
    expectDbUnchanged(t, t.before);
    t.clock.advance(30_000);
    expect(loginAdmin(t.service).ok).toBe(true);
  });
});

describe('failed attempts while locked', () => {
  it('are sealed in the key file and enter the audit log, refused, at the next successful login', () => {
    const t = closedLedger();
    const s = t.service;
    const startSeq = auditRows(t).length;
    const attempts: { at: string; action: string; actor: string; code: string }[] = [];
    const attempt = (action: string, input: Record<string, string>, actor: string, code: string) => {
      t.clock.advance(1000);
      attempts.push({ at: new Date(t.clock.now).toISOString(), action, actor, code });
      expect(refused(s, action, input).code).toBe(code);
    };
    attempt('session.login', { username: ADMIN.username, password: 'Wrong2026pass' }, ADMIN.username, 'E_WRONG_PASSWORD');
    attempt('session.login', { username: 'mallory', password: 'Guess2026pass' }, 'mallory', 'E_WRONG_PASSWORD');
    attempt(
      'session.recover',
      { username: ADMIN.username, recoveryCode: 'AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF', newPassword: 'Fresh2026pass' },
      ADMIN.username,
      'E_WRONG_RECOVERY_CODE',
    );
    expect(readKeyFile(t.keyPath).pendingAudit).toHaveLength(3);
    expect(readFileSync(t.keyPath, 'utf8')).not.toContain('mallory');
    expectDbUnchanged(t, t.before);

    t.clock.advance(1000);
    expect(loginAdmin(s).ok).toBe(true);
    const added = auditRows(t).slice(startSeq);
    expect(added.map((r) => ({ at: r.at, action: r.action, actor: r.actor, code: r.error_code, outcome: r.outcome, summary: JSON.parse(r.summary) }))).toEqual([
      ...attempts.map((a) => ({ ...a, outcome: 'refused', summary: { recordedWhileLocked: true } })),
      { at: new Date(t.clock.now).toISOString(), action: 'session.login', actor: ADMIN.username, code: null, outcome: 'ok', summary: {} },
    ]);
    expect(readKeyFile(t.keyPath).pendingAudit).toEqual([]);

    // Imported once only.
    ok(s, 'session.logout');
    expect(loginAdmin(s).ok).toBe(true);
    expect(auditRows(t).filter((r) => r.outcome === 'refused')).toHaveLength(3);
  });

  it('attempts refused during the wait are sealed and logged too, without lengthening the wait', () => {
    const t = closedLedger();
    for (let i = 1; i <= 5; i++) refused(t.service, 'session.login', { username: ADMIN.username, password: `Wrong${i}pass` });
    expect(refused(t.service, 'session.login', { username: ADMIN.username, password: ADMIN.password }).code).toBe('E_TOO_MANY_ATTEMPTS');
    expect(readKeyFile(t.keyPath).throttle.failures).toBe(5);
    expect(readKeyFile(t.keyPath).pendingAudit).toHaveLength(6);
    t.clock.advance(30_000);
    expect(loginAdmin(t.service).ok).toBe(true);
    expect(
      auditRows(t)
        .filter((r) => r.error_code === 'E_TOO_MANY_ATTEMPTS')
        .map((r) => [r.action, r.outcome]),
    ).toEqual([['session.login', 'refused']]);
  });

  it('a wrong unlock of a locked session is sealed too', () => {
    const t = makeLedger();
    ok(t.service, 'session.lock');
    expect(refused(t.service, 'session.unlock', { password: 'Wrong2026pass' }).code).toBe('E_WRONG_OWN_PASSWORD');
    ok(t.service, 'session.unlock', { password: ADMIN.password });
    const rows = auditRows(t).slice(-3);
    expect(rows.map((r) => [r.action, r.outcome, r.error_code])).toEqual([
      ['session.lock', 'ok', null],
      ['session.unlock', 'refused', 'E_WRONG_OWN_PASSWORD'],
      ['session.unlock', 'ok', null],
    ]);
  });
});

describe('a file that is not a ledger: E_NOT_A_LEDGER', () => {
  it('a plain SQLite database (written by the same package, no key) placed as ledger.db', () => {
    const t = closedLedger();
    rmSync(t.dbPath);
    const plain = new Database(t.dbPath);
    plain.exec(`CREATE TABLE ledger_meta (key TEXT PRIMARY KEY, value TEXT); INSERT INTO ledger_meta VALUES ('ledger_id', 'x');`);
    plain.close();
    const before = sha256File(t.dbPath);
    expect(loginAdmin(t.service)).toMatchObject({ ok: false, error: { code: 'E_NOT_A_LEDGER' } });
    expectDbUnchanged(t, before);
  });

  it('an empty ledger.db', () => {
    const t = closedLedger();
    writeFileSync(t.dbPath, '');
    expect(loginAdmin(t.service)).toMatchObject({ ok: false, error: { code: 'E_NOT_A_LEDGER' } });
    expect(statSync(t.dbPath).size).toBe(0);
    expect(fileSize(t.walPath)).toBe(0);
  });

  it('a missing ledger.keys beside the database', () => {
    const t = closedLedger();
    rmSync(t.keyPath);
    expect(loginAdmin(t.service)).toMatchObject({ ok: false, error: { code: 'E_NOT_A_LEDGER' } });
    expect(refused(t.service, 'session.recover', { username: ADMIN.username, recoveryCode: t.recoveryCode, newPassword: 'Fresh2026pass' }).code).toBe(
      'E_NOT_A_LEDGER',
    );
    expectDbUnchanged(t, t.before);
  });

  it.each([
    ['random bytes', () => randomBytes(2000)],
    ['an empty file', () => Buffer.alloc(0)],
    ['cut-off JSON', (k: Buffer) => k.subarray(0, Math.floor(k.length / 2))],
    ['JSON of another shape', () => Buffer.from(JSON.stringify({ slots: [], ledgerId: 'x' }))],
  ])('a garbled ledger.keys: %s', (_name, garble) => {
    const t = closedLedger();
    const garbled = garble(readFileSync(t.keyPath));
    writeFileSync(t.keyPath, garbled);
    expect(ok<LedgerStatus>(t.service, 'ledger.status').state).toBe('locked');
    expect(loginAdmin(t.service)).toMatchObject({ ok: false, error: { code: 'E_NOT_A_LEDGER' } });
    expect(readFileSync(t.keyPath).equals(garbled)).toBe(true);
    expectDbUnchanged(t, t.before);
  });

  // Issue 14: one damaged slot is E_CORRUPT naming it (db/runtime/keys.test.ts has each kind of damage), not a
  // file that is no ledger's; still nothing is rewritten.
  it('a key file with one byte of a slot changed to a non-base64 character is E_CORRUPT naming that slot', () => {
    const t = closedLedger();
    const garbled = Buffer.from(readFileSync(t.keyPath, 'utf8').replace(/"salt": "./, '"salt": "!'));
    writeFileSync(t.keyPath, garbled);
    expect(ok<LedgerStatus>(t.service, 'ledger.status').state).toBe('locked');
    expect(loginAdmin(t.service)).toMatchObject({ ok: false, error: { code: 'E_CORRUPT', details: { file: 'ledger.keys', slot: expect.any(String) } } });
    expect(readFileSync(t.keyPath).equals(garbled)).toBe(true);
    expectDbUnchanged(t, t.before);
  });
});

describe('a damaged ledger: E_CORRUPT (SQLCipher page HMACs catch tampering)', () => {
  const damages: [string, (path: string) => void][] = [
    ['page 1 overwritten with random bytes', (p) => overwrite(p, 0, randomBytes(PAGE))],
    ['pages 2 and 3 overwritten with random bytes', (p) => overwrite(p, PAGE, randomBytes(2 * PAGE))],
    [
      'four bytes flipped in the middle of every page after the first',
      (p) => {
        const pages = statSync(p).size / PAGE;
        for (let i = 1; i < pages; i++) {
          const at = i * PAGE + PAGE / 2;
          const bytes = readFileSync(p).subarray(at, at + 4);
          overwrite(p, at, Buffer.from(bytes.map((b) => b ^ 0xff)));
        }
      },
    ],
    ['truncated to two pages', (p) => truncateSync(p, 2 * PAGE)],
    ['truncated inside page 1', (p) => truncateSync(p, 1000)],
    // With the right key from the right key file, a file that does not decrypt cannot be told apart from a
    // ledger whose first page was destroyed: both are reported as damaged.
    ['replaced by random bytes', (p) => writeFileSync(p, randomBytes(8 * PAGE))],
  ];

  it.each(damages)('%s', (_name, damage) => {
    const t = closedLedger();
    expect(statSync(t.dbPath).size % PAGE).toBe(0);
    damage(t.dbPath);
    const before = sha256File(t.dbPath);
    expect(loginAdmin(t.service)).toMatchObject({ ok: false, error: { code: 'E_CORRUPT' } });
    expect(refused(t.service, 'session.recover', { username: ADMIN.username, recoveryCode: t.recoveryCode, newPassword: 'Fresh2026pass' }).code).toBe(
      'E_CORRUPT',
    );
    expectDbUnchanged(t, before);
    // The password was right: a damaged file is no reason to slow the custodian down.
    expect(readKeyFile(t.keyPath).throttle.failures).toBe(0);
  });

  it('another ledger’s database beside this key file is refused', () => {
    const a = closedLedger();
    const b = closedLedger();
    copyFileSync(b.dbPath, a.dbPath);
    expect(loginAdmin(a.service)).toMatchObject({ ok: false, error: { code: 'E_CORRUPT' } });
    expectDbUnchanged(a, b.before);
  });
});

describe('a ledger written by a newer version', () => {
  it('is refused with E_LEDGER_TOO_NEW and the file is unchanged', () => {
    const t = closedLedger();
    const raw = openRaw(t.dbPath, t.key);
    raw.pragma('user_version = 99');
    raw.close();
    const before = sha256File(t.dbPath);
    expect(loginAdmin(t.service)).toMatchObject({
      ok: false,
      error: { code: 'E_LEDGER_TOO_NEW', details: { fileVersion: 99, appVersion: MIGRATIONS.length } },
    });
    expect(refused(t.service, 'session.recover', { username: ADMIN.username, recoveryCode: t.recoveryCode, newPassword: 'Fresh2026pass' }).code).toBe(
      'E_LEDGER_TOO_NEW',
    );
    expectDbUnchanged(t, before);
    // The recovery code was not spent by the refused attempt.
    const raw2 = openRaw(t.dbPath, t.key);
    raw2.pragma(`user_version = ${MIGRATIONS.length}`);
    raw2.close();
    expect(
      ok<{ recoveryCode: string }>(t.service, 'session.recover', { username: ADMIN.username, recoveryCode: t.recoveryCode, newPassword: 'Fresh2026pass' })
        .recoveryCode,
    ).not.toBe(t.recoveryCode);
  });
});

describe('setup', () => {
  it('a second setup in the same folder is E_ALREADY_INITIALIZED, from the same or a new service', () => {
    const t = makeLedger();
    const input = { unitName: '另一个单位', username: 'other', displayName: '其他', password: 'Other2026pass' };
    expect(refused(t.service, 'ledger.setup', input).code).toBe('E_ALREADY_INITIALIZED');
    t.service.close();
    const before = sha256File(t.dbPath);
    const keys = readFileSync(t.keyPath);
    expect(refused(t.restart(), 'ledger.setup', input).code).toBe('E_ALREADY_INITIALIZED');
    expectDbUnchanged(t, before);
    expect(readFileSync(t.keyPath).equals(keys)).toBe(true);
    login(t.service, ADMIN.username, ADMIN.password);
  });

  it('a weak setup password is refused and leaves no files behind', () => {
    const t = makeTempLedger();
    expect(refused(t.service, 'ledger.setup', { unitName: '单位', username: 'admin', displayName: '管理员', password: 'short1' })).toMatchObject({
      code: 'E_WEAK_PASSWORD',
      details: { rule: 'minLength' },
    });
    expect(t.service.status().state).toBe('no-ledger');
    expect(fileSize(t.dbPath) + fileSize(t.keyPath)).toBe(0);
  });
});
