// Separation of duties (issue 12): which roles one account may hold, the administrator never gives their own account a
// role, and an administrator alone writes no register.
import { describe, expect, it } from 'vitest';
import { commands, type CommandDef } from '../../commands';
import { ADMIN, addUser, dataSnapshot, login, makeLedger, ok, refused } from '../../testing';
import type { AccountView, Role } from '../../views';
import { errorMessage } from '../../domain/errors';

const create = (username: string, roles: string[]) => ({ username, displayName: username, roles, password: 'Temp2026pass' });

describe('role combinations', () => {
  it.each([
    [['custodian', 'approver'], 'approver_not_custodian'],
    [['admin', 'custodian', 'approver'], 'approver_not_custodian'],
    [['auditor', 'approver'], 'auditor_alone'],
    [['auditor', 'admin'], 'auditor_alone'],
  ])('account.create with %j is E_ROLE_CONFLICT (%s), nothing written', (roles, rule) => {
    const t = makeLedger();
    const before = dataSnapshot(t);
    expect(refused(t.service, 'account.create', create('liming', roles))).toMatchObject({ code: 'E_ROLE_CONFLICT', details: { roles, rule } });
    expect(dataSnapshot(t)).toEqual(before);
  });

  it('account.update cannot make a custodian an approver, nor put another role beside the auditor', () => {
    const t = makeLedger();
    addUser(t, { username: 'clerk', roles: ['custodian'], password: 'Clerk2026pass' });
    addUser(t, { username: 'auditor1', roles: ['auditor'], password: 'Auditor2026pass' });
    expect(refused(t.service, 'account.update', { username: 'clerk', roles: ['custodian', 'approver'] }).details).toMatchObject({
      rule: 'approver_not_custodian',
    });
    expect(refused(t.service, 'account.update', { username: 'auditor1', roles: ['auditor', 'approver'] }).details).toMatchObject({ rule: 'auditor_alone' });
    // The allowed ones: a one-person secrecy room, and a unit head who also administers.
    expect(ok<AccountView>(t.service, 'account.update', { username: 'clerk', roles: ['admin', 'custodian'] }).roles).toEqual(['admin', 'custodian']);
    ok(t.service, 'account.create', create('boss', ['admin', 'approver']));
  });

  it('the refusal says which rule, in each language', () => {
    const sentence = (rule: string, language: 'zh-CN' | 'zh-TW' | 'en') => errorMessage({ code: 'E_ROLE_CONFLICT', details: { roles: [], rule } }, language);
    expect(sentence('approver_not_custodian', 'zh-CN')).toContain('审批人不能同时担任保管员');
    expect(sentence('auditor_alone', 'zh-CN')).toContain('审计员只能单独担任');
    expect(sentence('approver_not_custodian', 'zh-TW')).toContain('審批人');
    expect(sentence('approver_not_custodian', 'en')).toContain('approver');
  });
});

describe('an administrator never gives their own account a role', () => {
  it('E_OWN_ROLES naming the added roles; dropping one of their own, or renaming themselves, is still allowed', () => {
    const t = makeLedger(); // ADMIN is admin + custodian
    const before = dataSnapshot(t);
    expect(refused(t.service, 'account.update', { username: ADMIN.username, roles: ['admin', 'approver'] })).toMatchObject({
      code: 'E_OWN_ROLES',
      details: { username: ADMIN.username, added: ['approver'] },
    });
    expect(dataSnapshot(t)).toEqual(before);
    expect(errorMessage({ code: 'E_OWN_ROLES', details: { username: ADMIN.username, added: ['approver'] } }, 'zh-CN')).toContain('另一名系统管理员');
    expect(ok<AccountView>(t.service, 'account.update', { username: ADMIN.username, roles: ['admin'], displayName: '张伟（管理员）' })).toMatchObject({
      roles: ['admin'],
      displayName: '张伟（管理员）',
    });
    expect(refused(t.service, 'account.update', { username: ADMIN.username, roles: ['admin', 'custodian'] }).code).toBe('E_OWN_ROLES');
  });

  it('another administrator can give it', () => {
    const t = makeLedger();
    addUser(t, { username: 'admin2', roles: ['admin'], password: 'Admin2nd2026' });
    login(t.service, 'admin2', 'Admin2nd2026');
    expect(refused(t.service, 'account.update', { username: 'admin2', roles: ['admin', 'custodian'] }).code).toBe('E_OWN_ROLES');
    expect(ok<AccountView>(t.service, 'account.update', { username: ADMIN.username, roles: ['admin', 'approver'] }).roles).toEqual(['admin', 'approver']);
  });
});

describe('an administrator alone writes no register', () => {
  const signedIn = (Object.entries(commands) as [string, CommandDef][]).filter(
    (e): e is [string, Extract<CommandDef, { access: 'signed-in' }>] => e[1].access === 'signed-in',
  );
  const adminMay = (roles: readonly Role[] | 'any') => roles === 'any' || roles.includes('admin');
  /** The administrator's own duties: accounts, settings, their own password and session, checking the audit chain. */
  const ADMIN_DUTY = /^(account|settings|session|audit)\./;

  it("the table gives the administrator no write outside their duties (every area's part of the table is enumerated)", () => {
    const writes = signedIn.filter(([, c]) => c.mutates && adminMay(c.roles)).map(([name]) => name);
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.filter((name) => !ADMIN_DUTY.test(name))).toEqual([]);
  });

  it('an admin-only account is refused every other write with E_FORBIDDEN', () => {
    const t = makeLedger();
    addUser(t, { username: 'admin2', roles: ['admin'], password: 'Admin2nd2026' });
    login(t.service, 'admin2', 'Admin2nd2026');
    const registerWrites = signedIn.filter(([name, c]) => c.mutates && !ADMIN_DUTY.test(name));
    expect(registerWrites.map(([name]) => name)).toEqual(
      expect.arrayContaining(['documents.receive', 'documents.destroy', 'computers.register', 'media.lend']),
    );
    for (const [name] of registerWrites) expect({ name, code: refused(t.service, name, {}).code }).toEqual({ name, code: 'E_FORBIDDEN' });
  });
});
