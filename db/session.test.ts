// Sessions: manual and idle lock (the key is dropped), unlock, logout, recovery code.
import { describe, expect, it } from 'vitest';
import { ADMIN, addUser, auditRows, fileSize, login, makeLedger, ok, openRaw, refused, T0 } from './testing';
import { readKeyFile, RECOVERY_SLOT_ID } from './store/keyring';
import type { LedgerStatus, SessionInfo } from './views';

const status = (t: { service: { status(): LedgerStatus } }) => t.service.status();
const NEVER_BACKED_UP = { state: 'ok', lastBackupAt: null, lastFailedAt: null, dueAt: new Date(T0 + 7 * 86_400_000).toISOString(), intervalDays: 7 };

describe('lock', () => {
  it('a manual lock drops the key: signed-in commands are E_NOT_LOGGED_IN until the right password unlocks', () => {
    const t = makeLedger();
    expect(fileSize(t.walPath)).toBeGreaterThan(0);
    ok(t.service, 'session.lock');
    // The lock screen keeps what was known of the backup schedule (never backed up: due 7 days after setup).
    expect(status(t)).toEqual({
      state: 'locked',
      backup: NEVER_BACKED_UP,
      session: null,
      lockedUser: { username: ADMIN.username, displayName: ADMIN.displayName },
      retryAfterMs: 0,
    });
    expect(t.pushes).toEqual([{ type: 'locked', reason: 'manual' }]);
    // The connection is closed: the last connection's close folds the write-ahead log into the file and removes it.
    expect(fileSize(t.walPath)).toBe(0);
    for (const name of ['ledger.info', 'settings.get', 'session.touch', 'account.list']) expect(refused(t.service, name).code).toBe('E_NOT_LOGGED_IN');

    // Only a password is asked there: the refusal says the password is wrong, not "user name or password".
    expect(refused(t.service, 'session.unlock', { password: 'Wrong2026pass' }).code).toBe('E_WRONG_OWN_PASSWORD');
    expect(status(t).state).toBe('locked');
    const session = ok<SessionInfo>(t.service, 'session.unlock', { password: ADMIN.password });
    expect(session).toMatchObject({ username: ADMIN.username, roles: ['admin', 'custodian'] });
    expect(status(t)).toMatchObject({ state: 'unlocked', lockedUser: null });
    ok(t.service, 'account.list');
  });

  it('unlock resumes the locked user only; another user signs in with session.login', () => {
    const t = makeLedger();
    addUser(t, { username: 'clerk', roles: ['custodian'], password: 'Clerk2026pass' });
    ok(t.service, 'session.lock');
    // The clerk's password does not unlock the admin's session.
    expect(refused(t.service, 'session.unlock', { password: 'Clerk2026pass' }).code).toBe('E_WRONG_OWN_PASSWORD');
    expect(ok<SessionInfo>(t.service, 'session.login', { username: 'clerk', password: 'Clerk2026pass' }).username).toBe('clerk');
  });

  it('unlock with nothing locked is E_NOT_LOGGED_IN', () => {
    const t = makeLedger();
    ok(t.service, 'session.logout');
    expect(status(t)).toEqual({ state: 'locked', backup: NEVER_BACKED_UP, session: null, lockedUser: null, retryAfterMs: 0 });
    expect(t.pushes).toEqual([{ type: 'logged-out' }]);
    expect(refused(t.service, 'session.unlock', { password: ADMIN.password }).code).toBe('E_NOT_LOGGED_IN');
    expect(fileSize(t.walPath)).toBe(0);
  });

  it('idle: tick() locks once the user has been idle for idleMinutes, and any command counts as activity', () => {
    const t = makeLedger();
    const locks = () => t.pushes.filter((p) => p.type !== 'reminders' && p.type !== 'backup-status');
    const minute = 60_000;
    t.clock.advance(10 * minute - 1);
    t.service.tick();
    expect(status(t).state).toBe('unlocked');
    ok(t.service, 'session.touch');
    t.clock.advance(10 * minute - 1);
    t.service.tick();
    expect(status(t).state).toBe('unlocked');
    expect(locks()).toEqual([]);
    t.clock.advance(1);
    t.service.tick();
    expect(status(t)).toMatchObject({ state: 'locked', lockedUser: { username: ADMIN.username } });
    expect(locks()).toEqual([{ type: 'locked', reason: 'idle' }]);
    expect(refused(t.service, 'ledger.info').code).toBe('E_NOT_LOGGED_IN');
    expect(auditRows(t).at(-1)).toMatchObject({ action: 'session.lock', outcome: 'ok', summary: '{"reason":"idle"}' });
    // Ticking while locked does nothing more.
    t.clock.advance(60 * minute);
    t.service.tick();
    expect(locks()).toHaveLength(1);
    ok(t.service, 'session.unlock', { password: ADMIN.password });
  });

  it('reminders are pushed on the tick after a command, and when time alone makes a loan overdue; unchanged counts are not sent again', () => {
    const t = makeLedger();
    const reminders = () => t.pushes.filter((p) => p.type === 'reminders');
    const { id: locationId } = ok<{ id: number }>(t.service, 'locations.create', { code: 'G-01', name: '保密柜', maxLevel: 'secret' });
    const { id } = ok<{ id: number }>(t.service, 'documents.receive', {
      originUnit: '某厅',
      title: '关于某事的通知',
      marking: '秘密★5年',
      issueDate: '2026-11-01',
      scope: [ADMIN.displayName],
      copies: 1,
      locationId,
      signedBy: ADMIN.displayName,
    });
    ok(t.service, 'documents.lend', { documentId: id, copyNos: [1], borrower: { name: ADMIN.displayName }, dueAt: '2026-11-26' });
    t.service.tick();
    expect(reminders().at(-1)).toMatchObject({ counts: { overdueLoans: 0 } });
    const before = reminders().length;
    t.service.tick();
    expect(reminders()).toHaveLength(before); // nothing changed, nothing sent
    t.clock.advance(2 * 86_400_000);
    ok(t.service, 'session.touch');
    t.service.tick();
    expect(reminders().at(-1)).toMatchObject({ counts: { overdueLoans: 1 } });
  });

  it('idle: follows the idleMinutes setting', () => {
    const t = makeLedger();
    ok(t.service, 'settings.update', { idleMinutes: 30 });
    t.clock.advance(29 * 60_000);
    t.service.tick();
    expect(status(t).state).toBe('unlocked');
    t.clock.advance(60_000);
    t.service.tick();
    expect(status(t).state).toBe('locked');
    expect(ok<SessionInfo>(t.service, 'session.unlock', { password: ADMIN.password }).idleMinutes).toBe(30);
  });

  it('a lock whose audit entry meets a busy database still locks: the key is dropped, the refusal is coded', { timeout: 30_000 }, () => {
    const t = makeLedger();
    const other = openRaw(t.dbPath, t.key);
    other.exec('BEGIN IMMEDIATE'); // another connection holds the write lock past the busy timeout
    try {
      expect(refused(t.service, 'session.lock')).toMatchObject({ code: 'E_LEDGER_IN_USE' });
      expect(status(t)).toMatchObject({ state: 'locked', session: null });
      expect(refused(t.service, 'ledger.info').code).toBe('E_NOT_LOGGED_IN');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    ok(t.service, 'session.unlock', { password: ADMIN.password });
    expect(ok(t.service, 'audit.verify')).toMatchObject({ intact: true });
  });

  it('closing the service (process exit) locks with reason system', () => {
    const t = makeLedger();
    t.service.close();
    expect(t.pushes).toEqual([{ type: 'locked', reason: 'system' }]);
    expect(fileSize(t.walPath)).toBe(0);
    expect(auditRows(t).at(-1)).toMatchObject({ action: 'session.lock', summary: '{"reason":"system"}' });
  });

  it('signing in as someone else logs the current user out first', () => {
    const t = makeLedger();
    addUser(t, { username: 'clerk', roles: ['custodian'], password: 'Clerk2026pass' });
    const n = auditRows(t).length;
    login(t.service, 'clerk', 'Clerk2026pass');
    expect(
      auditRows(t)
        .slice(n)
        .map((r) => [r.action, r.actor]),
    ).toEqual([
      ['session.logout', ADMIN.username],
      ['session.login', 'clerk'],
    ]);
  });
});

describe('recovery code', () => {
  it('unlocks for a named user, sets the new password, issues a new code, and spends the old one', () => {
    const t = makeLedger();
    addUser(t, { username: 'clerk', roles: ['custodian'], password: 'Clerk2026pass' });
    ok(t.service, 'account.resetPassword', { username: ADMIN.username, newPassword: 'Temp2026pass' });
    ok(t.service, 'session.logout');
    const slotsBefore = readKeyFile(t.keyPath).slots;

    // Typed in lower case without dashes.
    const typed = t.recoveryCode.toLowerCase().replace(/-/g, '');
    const out = ok<{ session: SessionInfo; recoveryCode: string }>(t.service, 'session.recover', {
      username: ADMIN.username,
      recoveryCode: typed,
      newPassword: 'Recovered2026',
    });
    expect(out.session).toMatchObject({ username: ADMIN.username, roles: ['admin', 'custodian'], mustChangePassword: false });
    expect(out.recoveryCode).toMatch(/^([0-9A-Z]{5}-){5}[0-9A-Z]{5}$/);
    expect(out.recoveryCode).not.toBe(t.recoveryCode);
    ok(t.service, 'account.list');

    // Only the admin's slot and the recovery slot changed; the clerk's slot is the same.
    const slotsAfter = readKeyFile(t.keyPath).slots;
    expect(slotsAfter).toHaveLength(slotsBefore.length);
    const unchanged = slotsBefore.filter((s) => slotsAfter.some((a) => JSON.stringify(a) === JSON.stringify(s)));
    expect(unchanged).toHaveLength(slotsBefore.length - 2);
    expect(slotsAfter.filter((s) => s.id === RECOVERY_SLOT_ID)).toHaveLength(1);

    ok(t.service, 'session.logout');
    expect(refused(t.service, 'session.login', { username: ADMIN.username, password: 'Temp2026pass' }).code).toBe('E_WRONG_PASSWORD');
    expect(refused(t.service, 'session.recover', { username: ADMIN.username, recoveryCode: t.recoveryCode, newPassword: 'Again2026pass' }).code).toBe(
      'E_WRONG_RECOVERY_CODE',
    );
    login(t.service, 'clerk', 'Clerk2026pass');
    login(t.service, ADMIN.username, 'Recovered2026');
    // The new code works (and is spent in turn).
    ok(t.service, 'session.recover', { username: 'clerk', recoveryCode: out.recoveryCode, newPassword: 'ClerkNew2026' });
    login(t.service, 'clerk', 'ClerkNew2026');

    const actions = auditRows(t).map((r) => [r.action, r.outcome, r.error_code]);
    expect(actions).toContainEqual(['session.recover', 'ok', null]);
    expect(actions).toContainEqual(['session.recover', 'refused', 'E_WRONG_RECOVERY_CODE']);
  });

  it('a wrong code is E_WRONG_RECOVERY_CODE, counts toward the throttle, and changes nothing in the ledger', () => {
    const t = makeLedger();
    ok(t.service, 'session.logout');
    const slots = readKeyFile(t.keyPath).slots;
    const e = refused(t.service, 'session.recover', {
      username: ADMIN.username,
      recoveryCode: 'ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ',
      newPassword: 'Recovered2026',
    });
    expect(e).toMatchObject({ code: 'E_WRONG_RECOVERY_CODE', details: { failures: 1 } });
    expect(readKeyFile(t.keyPath)).toMatchObject({ slots, throttle: { failures: 1 } });
    login(t.service, ADMIN.username, ADMIN.password);
  });

  it('a disabled account is not re-enabled by the recovery code; the refusal is in the audit log', () => {
    const t = makeLedger();
    addUser(t, { username: 'custodian2', roles: ['custodian'], password: 'Keeper2026pass' });
    ok(t.service, 'account.update', { username: 'custodian2', active: false });
    ok(t.service, 'session.logout');
    expect(refused(t.service, 'session.recover', { username: 'custodian2', recoveryCode: t.recoveryCode, newPassword: 'Recovered2026' }).code).toBe(
      'E_ACCOUNT_DISABLED',
    );
    expect(refused(t.service, 'session.login', { username: 'custodian2', password: 'Recovered2026' }).code).toBe('E_WRONG_PASSWORD');
    login(t.service, ADMIN.username, ADMIN.password);
    expect(
      auditRows(t)
        .filter((r) => r.action === 'session.recover')
        .map((r) => [r.actor, r.outcome, r.error_code]),
    ).toEqual([['custodian2', 'refused', 'E_ACCOUNT_DISABLED']]);
  });

  it('a refused recovery (weak password, unknown user) does not spend the code', () => {
    const t = makeLedger();
    ok(t.service, 'session.logout');
    expect(refused(t.service, 'session.recover', { username: ADMIN.username, recoveryCode: t.recoveryCode, newPassword: 'weak' }).code).toBe('E_WEAK_PASSWORD');
    expect(refused(t.service, 'session.recover', { username: 'ghost', recoveryCode: t.recoveryCode, newPassword: 'Recovered2026' }).code).toBe(
      'E_NO_SUCH_ACCOUNT',
    );
    expect(status(t).state).toBe('locked');
    login(t.service, ADMIN.username, ADMIN.password);
    ok(t.service, 'session.logout');
    ok(t.service, 'session.recover', { username: ADMIN.username, recoveryCode: t.recoveryCode, newPassword: 'Recovered2026' });
  });
});
