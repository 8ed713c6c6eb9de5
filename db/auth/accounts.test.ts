import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADMIN, addUser, auditRows, dataSnapshot, login, makeLedger, ok, refused, type SetUpLedger } from '../testing';
import { passwordSlotId, readKeyFile } from '../store/keyring';
import type { AccountView, SessionInfo } from '../views';

const accounts = (t: SetUpLedger) => ok<AccountView[]>(t.service, 'account.list');
const account = (t: SetUpLedger, username: string) => accounts(t).find((a) => a.username === username);
const slotIds = (t: SetUpLedger) => readKeyFile(t.keyPath).slots.map((s) => s.id);
const hasSlot = (t: SetUpLedger, username: string) => {
  const k = readKeyFile(t.keyPath);
  return k.slots.some((s) => s.id === passwordSlotId(k.ledgerId, username));
};

/** The refusal leaves the data and the key file exactly as they were. */
function expectRefusedUnchanged(t: SetUpLedger, name: string, input: unknown, code: string) {
  const data = dataSnapshot(t);
  const keys = readFileSync(t.keyPath);
  const error = refused(t.service, name, input);
  expect(error.code).toBe(code);
  expect(dataSnapshot(t)).toEqual(data);
  expect(readFileSync(t.keyPath).equals(keys)).toBe(true);
  return error;
}

describe('account.create', () => {
  it('creates an account with its own keyslot, a temporary password, and no secret in the view', () => {
    const t = makeLedger();
    const view = ok<AccountView>(t.service, 'account.create', {
      username: 'wangxiuying',
      displayName: '王秀英',
      roles: ['custodian', 'admin', 'custodian'],
      password: 'Clerk2026pass',
    });
    expect(view).toEqual({
      username: 'wangxiuying',
      displayName: '王秀英',
      roles: ['custodian', 'admin'],
      active: true,
      mustChangePassword: true,
      createdAt: new Date(t.clock.now).toISOString(),
      lastLoginAt: null,
    });
    expect(hasSlot(t, 'wangxiuying')).toBe(true);
    expect(JSON.stringify(accounts(t))).not.toContain('Clerk2026pass');
    t.clock.advance(5000);
    expect(ok<SessionInfo>(t.service, 'session.login', { username: 'wangxiuying', password: 'Clerk2026pass' })).toMatchObject({
      username: 'wangxiuying',
      roles: ['custodian', 'admin'],
      mustChangePassword: true,
    });
  });

  it('a username is taken regardless of case', () => {
    const t = makeLedger();
    expectRefusedUnchanged(
      t,
      'account.create',
      { username: ADMIN.username.toUpperCase(), displayName: 'x', roles: ['approver'], password: 'Other2026pass' },
      'E_USERNAME_TAKEN',
    );
  });

  it('a username is taken when it differs only in non-ASCII case or Unicode normalization (they share one keyslot)', () => {
    const t = makeLedger();
    ok(t.service, 'account.create', { username: 'Émile', displayName: 'É', roles: ['approver'], password: 'First2026pass' });
    expectRefusedUnchanged(t, 'account.create', { username: 'émile', displayName: 'é', roles: ['custodian'], password: 'Second2026pass' }, 'E_USERNAME_TAKEN');
    expectRefusedUnchanged(
      t,
      'account.create',
      { username: 'E\u0301mile', displayName: 'É', roles: ['custodian'], password: 'Second2026pass' },
      'E_USERNAME_TAKEN',
    );
    // And the account is found by any spelling its keyslot answers to.
    expect(ok<SessionInfo>(t.service, 'session.login', { username: 'ÉMILE', password: 'First2026pass' }).username).toBe('Émile');
  });
});

describe('三员分立: the auditor is never also admin or custodian', () => {
  it.each([[['auditor', 'admin']], [['custodian', 'auditor']], [['approver', 'auditor', 'admin']]])('account.create with %j is E_ROLE_CONFLICT', (roles) => {
    const t = makeLedger();
    const slots = slotIds(t);
    expectRefusedUnchanged(t, 'account.create', { username: 'liming', displayName: '李明', roles, password: 'Liming2026pass' }, 'E_ROLE_CONFLICT');
    expect(slotIds(t)).toEqual(slots);
  });

  it('account.update cannot give an auditor admin or custodian, nor an admin the auditor role', () => {
    const t = makeLedger();
    addUser(t, { username: 'auditor1', roles: ['auditor'], password: 'Auditor2026pass' });
    expectRefusedUnchanged(t, 'account.update', { username: 'auditor1', roles: ['auditor', 'admin'] }, 'E_ROLE_CONFLICT');
    expectRefusedUnchanged(t, 'account.update', { username: 'auditor1', roles: ['auditor', 'custodian'] }, 'E_ROLE_CONFLICT');
    expectRefusedUnchanged(t, 'account.update', { username: ADMIN.username, roles: ['admin', 'custodian', 'auditor'] }, 'E_ROLE_CONFLICT');
    // The auditor alone is allowed (issue 12: no role beside it, db/ledger/accounts/duties.test.ts).
    expect(ok<AccountView>(t.service, 'account.update', { username: 'auditor1', roles: ['auditor'], displayName: '审计员' }).roles).toEqual(['auditor']);
  });
});

describe('password rules', () => {
  it('at least 8 characters with letters and digits (E_WEAK_PASSWORD names the rule)', () => {
    const t = makeLedger();
    const create = (password: string) =>
      t.service.invoke('account.create', { username: `u${password.length}${password.charCodeAt(0)}`, displayName: 'x', roles: ['approver'], password });
    expect(create('Ab12345')).toMatchObject({ ok: false, error: { code: 'E_WEAK_PASSWORD', details: { rule: 'minLength', minLength: 8 } } });
    expect(create('abcdefghij')).toMatchObject({ ok: false, error: { code: 'E_WEAK_PASSWORD', details: { rule: 'lettersAndDigits' } } });
    expect(create('1234567890')).toMatchObject({ ok: false, error: { code: 'E_WEAK_PASSWORD', details: { rule: 'lettersAndDigits' } } });
    expect(create('abcd1234').ok).toBe(true);
    expect(create('保密守则第一条12').ok).toBe(true);
  });

  it('a stricter policy set by the admin (mixed case, symbol, 12 characters) is enforced on create, reset, change and recovery', () => {
    const t = makeLedger();
    addUser(t, { username: 'clerk', roles: ['custodian'], password: 'Clerk2026pass' });
    ok(t.service, 'settings.update', { passwordPolicy: { minLength: 12, requireMixedCase: true, requireSymbol: true } });
    const rule = (name: string, input: Record<string, unknown>) => refused(t.service, name, input).details?.rule;
    const create = (password: string) => ({ username: 'newbie', displayName: 'x', roles: ['approver'], password });
    expect(rule('account.create', create('Abcdef1234!'))).toBe('minLength');
    expect(rule('account.create', create('abcdefgh1234!'))).toBe('mixedCase');
    expect(rule('account.create', create('ABCDEFGH1234!'))).toBe('mixedCase');
    expect(rule('account.create', create('Abcdefgh1234'))).toBe('symbol');
    expect(rule('account.create', create('Abcdefgh!!!!'))).toBe('lettersAndDigits');
    expect(rule('account.resetPassword', { username: 'clerk', newPassword: 'Abcdefgh1234' })).toBe('symbol');
    expect(rule('account.changePassword', { oldPassword: ADMIN.password, newPassword: 'abcdefgh1234!' })).toBe('mixedCase');
    ok(t.service, 'account.create', create('Abcdefgh1234!'));
    ok(t.service, 'session.logout');
    expect(rule('session.recover', { username: 'clerk', recoveryCode: t.recoveryCode, newPassword: 'Clerk2026!' })).toBe('minLength');
    expect(rule('session.recover', { username: 'clerk', recoveryCode: t.recoveryCode, newPassword: 'Clerk2026pass' })).toBe('symbol');
    ok(t.service, 'session.recover', { username: 'clerk', recoveryCode: t.recoveryCode, newPassword: 'Clerk-2026-Pass' });
  });
});

describe('account.changePassword', () => {
  it('the old password stops working and the new one works', () => {
    const t = makeLedger();
    const before = readKeyFile(t.keyPath).slots.find((s) => s.id === passwordSlotId(readKeyFile(t.keyPath).ledgerId, ADMIN.username));
    ok(t.service, 'account.changePassword', { oldPassword: ADMIN.password, newPassword: 'Newer2026pass' });
    const after = readKeyFile(t.keyPath).slots.find((s) => s.id === passwordSlotId(readKeyFile(t.keyPath).ledgerId, ADMIN.username));
    expect(after!.salt).not.toBe(before!.salt);
    expect(refused(t.service, 'session.login', { username: ADMIN.username, password: ADMIN.password }).code).toBe('E_WRONG_PASSWORD');
    login(t.service, ADMIN.username, 'Newer2026pass');
    ok(t.service, 'session.lock');
    ok(t.service, 'session.unlock', { password: 'Newer2026pass' });
  });

  it('a wrong current password is E_WRONG_PASSWORD and changes nothing', () => {
    const t = makeLedger();
    const data = dataSnapshot(t);
    const slots = readKeyFile(t.keyPath).slots;
    expect(refused(t.service, 'account.changePassword', { oldPassword: 'Guess2026pass', newPassword: 'Newer2026pass' }).code).toBe('E_WRONG_PASSWORD');
    expect(dataSnapshot(t)).toEqual(data);
    expect(readKeyFile(t.keyPath).slots).toEqual(slots);
    expect(refused(t.service, 'session.login', { username: ADMIN.username, password: 'Newer2026pass' }).code).toBe('E_WRONG_PASSWORD');
    login(t.service, ADMIN.username, ADMIN.password);
  });

  it('wrong current passwords are throttled like wrong logins', () => {
    const t = makeLedger();
    for (let i = 1; i <= 5; i++)
      expect(refused(t.service, 'account.changePassword', { oldPassword: `Guess${i}pass`, newPassword: 'Newer2026pass' }).code).toBe('E_WRONG_PASSWORD');
    // Guessing on an unlocked screen gets the same delay as guessing on the lock screen.
    expect(refused(t.service, 'account.changePassword', { oldPassword: ADMIN.password, newPassword: 'Newer2026pass' })).toMatchObject({
      code: 'E_TOO_MANY_ATTEMPTS',
      details: { retryAfterMs: 30_000 },
    });
    t.clock.advance(30_000);
    ok(t.service, 'account.changePassword', { oldPassword: ADMIN.password, newPassword: 'Newer2026pass' });
  });

  it('a right current password ends the run of failures', () => {
    const t = makeLedger();
    for (let i = 1; i <= 3; i++) refused(t.service, 'account.changePassword', { oldPassword: `Guess${i}pass`, newPassword: 'Newer2026pass' });
    expect(readKeyFile(t.keyPath).throttle.failures).toBe(3);
    ok(t.service, 'account.changePassword', { oldPassword: ADMIN.password, newPassword: 'Newer2026pass' });
    expect(readKeyFile(t.keyPath).throttle).toEqual({ failures: 0, lastFailureAt: null });
  });
});

describe('account.resetPassword', () => {
  it('sets a temporary password the user must replace; the old one stops working', () => {
    const t = makeLedger();
    addUser(t, { username: 'clerk', roles: ['custodian'], password: 'Clerk2026pass' });
    expect(account(t, 'clerk')!.mustChangePassword).toBe(false);
    ok(t.service, 'account.resetPassword', { username: 'clerk', newPassword: 'Temp2026pass' });
    expect(account(t, 'clerk')!.mustChangePassword).toBe(true);
    expect(refused(t.service, 'session.login', { username: 'clerk', password: 'Clerk2026pass' }).code).toBe('E_WRONG_PASSWORD');
    expect(ok<SessionInfo>(t.service, 'session.login', { username: 'clerk', password: 'Temp2026pass' }).mustChangePassword).toBe(true);
  });

  it('an unknown account is E_NO_SUCH_ACCOUNT', () => {
    const t = makeLedger();
    expectRefusedUnchanged(t, 'account.resetPassword', { username: 'ghost', newPassword: 'Temp2026pass' }, 'E_NO_SUCH_ACCOUNT');
    expectRefusedUnchanged(t, 'account.update', { username: 'ghost', displayName: 'x' }, 'E_NO_SUCH_ACCOUNT');
  });
});

describe('disabling an account', () => {
  it('removes its keyslot: its password no longer opens the ledger; a reset re-enables it', () => {
    const t = makeLedger();
    addUser(t, { username: 'clerk', roles: ['custodian'], password: 'Clerk2026pass' });
    const before = slotIds(t).length;
    expect(ok<AccountView>(t.service, 'account.update', { username: 'clerk', active: false }).active).toBe(false);
    expect(hasSlot(t, 'clerk')).toBe(false);
    expect(slotIds(t)).toHaveLength(before - 1);
    expect(refused(t.service, 'session.login', { username: 'clerk', password: 'Clerk2026pass' }).code).toBe('E_WRONG_PASSWORD');
    login(t.service, ADMIN.username, ADMIN.password);
    // Re-enabling alone gives no way in; a reset gives a temporary password.
    ok(t.service, 'account.update', { username: 'clerk', active: true });
    expect(refused(t.service, 'session.login', { username: 'clerk', password: 'Clerk2026pass' }).code).toBe('E_WRONG_PASSWORD');
    login(t.service, ADMIN.username, ADMIN.password);
    ok(t.service, 'account.update', { username: 'clerk', active: false });
    ok(t.service, 'account.resetPassword', { username: 'clerk', newPassword: 'Temp2026pass' });
    expect(account(t, 'clerk')).toMatchObject({ active: true, mustChangePassword: true });
    expect(ok<SessionInfo>(t.service, 'session.login', { username: 'clerk', password: 'Temp2026pass' }).mustChangePassword).toBe(true);
  });

  it('an admin cannot disable their own account', () => {
    const t = makeLedger();
    expectRefusedUnchanged(t, 'account.update', { username: ADMIN.username, active: false }, 'E_VALIDATION');
  });
});

describe('the last admin', () => {
  it('cannot lose the admin role (E_LAST_ADMIN), also when the only other admin is disabled', () => {
    const t = makeLedger();
    expectRefusedUnchanged(t, 'account.update', { username: ADMIN.username, roles: ['custodian'] }, 'E_LAST_ADMIN');
    addUser(t, { username: 'boss2', roles: ['admin'], password: 'Boss2026pass' });
    ok(t.service, 'account.update', { username: 'boss2', active: false });
    expectRefusedUnchanged(t, 'account.update', { username: ADMIN.username, roles: ['custodian'] }, 'E_LAST_ADMIN');
    ok(t.service, 'account.resetPassword', { username: 'boss2', newPassword: 'Boss2027pass' });
    login(t.service, 'boss2', 'Boss2027pass');
    ok(t.service, 'account.changePassword', { oldPassword: 'Boss2027pass', newPassword: 'Boss2028pass' });
    ok(t.service, 'account.update', { username: ADMIN.username, active: false });
    expectRefusedUnchanged(t, 'account.update', { username: 'boss2', roles: ['approver'] }, 'E_LAST_ADMIN');
  });

  it('with another active admin, an admin may give up the role, and the session loses it at once', () => {
    const t = makeLedger();
    addUser(t, { username: 'boss2', roles: ['admin'], password: 'Boss2026pass' });
    ok(t.service, 'account.update', { username: ADMIN.username, roles: ['custodian'], displayName: '张伟（保管员）' });
    expect(ok<{ session: SessionInfo }>(t.service, 'ledger.status').session).toMatchObject({ roles: ['custodian'], displayName: '张伟（保管员）' });
    expect(refused(t.service, 'account.list').code).toBe('E_FORBIDDEN');
    // boss2 is now the last admin.
    login(t.service, 'boss2', 'Boss2026pass');
    expect(refused(t.service, 'account.update', { username: 'boss2', roles: ['approver'] }).code).toBe('E_LAST_ADMIN');
  });
});

describe('sign-in bookkeeping', () => {
  it('records the last login time', () => {
    const t = makeLedger();
    addUser(t, { username: 'clerk', roles: ['custodian'], password: 'Clerk2026pass' });
    t.clock.advance(3_600_000);
    login(t.service, 'clerk', 'Clerk2026pass');
    login(t.service, ADMIN.username, ADMIN.password);
    expect(account(t, 'clerk')!.lastLoginAt).toBe(new Date(t.clock.now).toISOString());
    expect(auditRows(t).at(-1)).toMatchObject({ action: 'session.login', actor: ADMIN.username, outcome: 'ok' });
  });
});
