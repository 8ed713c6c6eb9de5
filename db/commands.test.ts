// The command table as the backend enforces it: roles, the temporary-password gate, validation, unknown names.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commands, describeCommands, findCommand, joinCommands, type CommandDef } from './commands';
import { ADMIN, addUser, auditRows, dataSnapshot, login, makeLedger, makeTempLedger, ok, refused, type SetUpLedger } from './testing';
import type { Role } from './views';
import { backupLedger } from './backup/fixture';

const entries = Object.entries(commands) as [string, CommandDef][];
const signedIn = entries.filter((e): e is [string, Extract<CommandDef, { access: 'signed-in' }>] => e[1].access === 'signed-in');
const restricted = signedIn.filter(([, c]) => c.roles !== 'any');

/** Valid input for the restricted commands, so that a refusal can only come from the role check. */
const SAMPLE_INPUT: Record<string, unknown> = {
  'settings.update': { idleMinutes: 30 },
  'account.list': {},
  'account.create': { username: 'newbie', displayName: '新同事', roles: ['custodian'], password: 'Newbie2026pass' },
  'account.update': { username: 'approver1', displayName: '审批人（改名）' },
  'account.resetPassword': { username: 'approver1', newPassword: 'Reset2026pass' },
  'audit.list': { limit: 10 },
  'audit.verify': {},
};

const USERS: { username: string; roles: Role[]; password: string }[] = [
  { username: ADMIN.username, roles: ['admin', 'custodian'], password: ADMIN.password },
  { username: 'auditor1', roles: ['auditor'], password: 'Auditor2026pass' },
  { username: 'approver1', roles: ['approver'], password: 'Approver2026pass' },
];

function ledgerWithUsers(): SetUpLedger {
  const t = makeLedger();
  for (const u of USERS.slice(1)) addUser(t, u);
  return t;
}

/** Runs a command that must be refused with `code`, and checks it changed nothing but add one refused audit entry. */
function expectRefusedWithOnlyAnAuditEntry(t: SetUpLedger, actor: string, name: string, input: unknown, code: string) {
  const data = dataSnapshot(t);
  const keys = readFileSync(t.keyPath);
  const audit = auditRows(t);
  const error = refused(t.service, name, input);
  expect({ name, code: error.code }).toEqual({ name, code });
  expect(dataSnapshot(t)).toEqual(data);
  expect(readFileSync(t.keyPath).equals(keys)).toBe(true);
  const after = auditRows(t);
  expect(after.slice(0, audit.length)).toEqual(audit);
  expect(after.slice(audit.length)).toMatchObject([{ actor, action: name, outcome: 'refused', error_code: code }]);
  return error;
}

describe('the command table', () => {
  it("is joined from the areas' parts, and a name two parts define is refused, not overridden", () => {
    const status = commands['ledger.status'];
    expect(Object.keys(joinCommands({ a: status }, { b: status }))).toEqual(['a', 'b']);
    expect(() => joinCommands({ 'ledger.status': status }, { 'documents.list': status }, { 'ledger.status': status })).toThrow(
      '"ledger.status" is defined twice',
    );
  });

  it('has the restricted commands of this issue, each with a sample input here', () => {
    expect(restricted.map(([n]) => n).sort()).toEqual(expect.arrayContaining(Object.keys(SAMPLE_INPUT).sort()));
    expect(restricted.length).toBeGreaterThanOrEqual(7);
  });

  it("says who may run a public command while someone is signed in: restore over an open ledger is the administrator's", () => {
    const rules = describeCommands().filter((d) => d.whenSignedIn);
    expect(rules).toEqual([
      expect.objectContaining({ name: 'backup.verify', access: 'public', whenSignedIn: { roles: 'any', audited: true } }),
      expect.objectContaining({ name: 'backup.restore', access: 'public', whenSignedIn: { roles: ['admin'], audited: false } }),
    ]);
  });

  it('describeCommands lists every command with its access and a JSON schema of its input', () => {
    const described = describeCommands();
    expect(described.map((d) => d.name)).toEqual(Object.keys(commands));
    expect(described.find((d) => d.name === 'audit.list')).toMatchObject({ access: 'signed-in', roles: ['auditor'], input: { type: 'object' } });
    expect(described.find((d) => d.name === 'session.login')).toMatchObject({ access: 'public', roles: 'public' });
  });
});

describe('role checks in the backend', () => {
  it('every restricted command refuses a signed-in user without its role: E_FORBIDDEN, nothing changed but one refused audit entry', () => {
    const t = ledgerWithUsers();
    let checked = 0;
    for (const user of USERS) {
      login(t.service, user.username, user.password);
      for (const [name, cmd] of restricted) {
        const needs = cmd.roles as readonly Role[];
        if (needs.some((r) => user.roles.includes(r))) continue;
        const error = expectRefusedWithOnlyAnAuditEntry(t, user.username, name, SAMPLE_INPUT[name] ?? {}, 'E_FORBIDDEN');
        expect(error.details).toEqual({ command: name, needs: [...needs] });
        checked += 1;
      }
    }
    // Every restricted command was refused to at least one of the users.
    expect(checked).toBeGreaterThanOrEqual(restricted.length);
  });

  it('control: the same inputs succeed for a user who holds the role', () => {
    const t = ledgerWithUsers();
    for (const [name, cmd] of restricted) {
      if (!(name in SAMPLE_INPUT)) continue;
      const user = USERS.find((u) => (cmd.roles as readonly Role[]).some((r) => u.roles.includes(r)))!;
      login(t.service, user.username, user.password);
      ok(t.service, name, SAMPLE_INPUT[name]);
    }
  });

  it('every signed-in command is E_NOT_LOGGED_IN without a session, before setup, after logout and after lock', () => {
    const fresh = makeTempLedger();
    for (const [name] of signedIn) expect(refused(fresh.service, name, SAMPLE_INPUT[name] ?? {}).code).toBe('E_NOT_LOGGED_IN');
    const t = makeLedger();
    ok(t.service, 'session.logout');
    for (const [name] of signedIn) expect(refused(t.service, name, SAMPLE_INPUT[name] ?? {}).code).toBe('E_NOT_LOGGED_IN');
    login(t.service, ADMIN.username, ADMIN.password);
    ok(t.service, 'session.lock');
    for (const [name] of signedIn) expect(refused(t.service, name, SAMPLE_INPUT[name] ?? {}).code).toBe('E_NOT_LOGGED_IN');
  });
});

describe('a temporary password must be replaced first', () => {
  const ALLOWED = ['account.changePassword', 'session.lock', 'session.logout', 'session.touch', 'settings.get'];

  it('only changePassword, lock, logout, touch and settings.get run during the change', () => {
    expect(
      signedIn
        .filter(([, c]) => c.duringPasswordChange)
        .map(([n]) => n)
        .sort(),
    ).toEqual(ALLOWED);
  });

  it('after an admin reset, every other command is E_PASSWORD_CHANGE_REQUIRED until the user changes it', () => {
    const t = makeLedger();
    // Every role among them (the approver is never also the custodian, issue 12).
    addUser(t, { username: 'boss2', roles: ['admin', 'custodian'], password: 'Boss2026pass' });
    addUser(t, { username: 'head2', roles: ['approver'], password: 'Head2026pass' });
    addUser(t, { username: 'auditor1', roles: ['auditor'], password: 'Auditor2026pass' });
    ok(t.service, 'account.resetPassword', { username: 'boss2', newPassword: 'TempBoss2026' });
    ok(t.service, 'account.resetPassword', { username: 'head2', newPassword: 'TempHead2026' });
    ok(t.service, 'account.resetPassword', { username: 'auditor1', newPassword: 'TempAudit2026' });
    const list = ok<{ username: string; mustChangePassword: boolean }[]>(t.service, 'account.list');
    expect(list.filter((a) => a.mustChangePassword).map((a) => a.username)).toEqual(['boss2', 'head2', 'auditor1']);

    const gated = new Set<string>();
    for (const [username, temp, roles, old] of [
      ['boss2', 'TempBoss2026', ['admin', 'custodian'], 'Boss2026pass'],
      ['head2', 'TempHead2026', ['approver'], 'Head2026pass'],
      ['auditor1', 'TempAudit2026', ['auditor'], 'Auditor2026pass'],
    ] as const) {
      expect(refused(t.service, 'session.login', { username, password: old }).code).toBe('E_WRONG_PASSWORD');
      expect(ok<{ mustChangePassword: boolean }>(t.service, 'session.login', { username, password: temp }).mustChangePassword).toBe(true);
      for (const [name, cmd] of signedIn) {
        if (ALLOWED.includes(name)) continue;
        if (cmd.roles !== 'any' && !cmd.roles.some((r) => (roles as readonly Role[]).includes(r))) continue;
        expectRefusedWithOnlyAnAuditEntry(t, username, name, SAMPLE_INPUT[name] ?? {}, 'E_PASSWORD_CHANGE_REQUIRED');
        gated.add(name);
      }
      ok(t.service, 'settings.get');
      ok(t.service, 'session.touch');
      // Locking and unlocking does not lift the gate.
      ok(t.service, 'session.lock');
      expect(ok<{ mustChangePassword: boolean }>(t.service, 'session.unlock', { password: temp }).mustChangePassword).toBe(true);
      expect(refused(t.service, 'ledger.info').code).toBe('E_PASSWORD_CHANGE_REQUIRED');
    }
    expect([...gated].sort()).toEqual(
      signedIn
        .filter(([n]) => !ALLOWED.includes(n))
        .map(([n]) => n)
        .sort(),
    );

    // The auditor (signed in now) changes the password: the gate opens, and stays open after signing in again.
    expect(refused(t.service, 'account.changePassword', { oldPassword: 'TempAudit2026', newPassword: 'short' }).code).toBe('E_WEAK_PASSWORD');
    ok(t.service, 'account.changePassword', { oldPassword: 'TempAudit2026', newPassword: 'Auditor2027pass' });
    ok(t.service, 'audit.list', {});
    expect(ok<{ mustChangePassword: boolean }>(t.service, 'session.login', { username: 'auditor1', password: 'Auditor2027pass' }).mustChangePassword).toBe(
      false,
    );
    ok(t.service, 'audit.verify');
    ok(t.service, 'session.logout');
  });
});

describe('input validation at the boundary', () => {
  it('wrong types are E_VALIDATION with details.issues naming each field', () => {
    const t = makeLedger();
    const e1 = refused(t.service, 'session.login', { username: 123, password: null });
    expect(e1.code).toBe('E_VALIDATION');
    expect((e1.details!.issues as { path: string }[]).map((i) => i.path).sort()).toEqual(['password', 'username']);

    const e2 = refused(t.service, 'account.create', { username: 'a b', displayName: '', roles: 'admin', password: 12345678 });
    expect(e2.code).toBe('E_VALIDATION');
    expect([...new Set((e2.details!.issues as { path: string }[]).map((i) => i.path))].sort()).toEqual(['displayName', 'password', 'roles', 'username']);

    const e3 = refused(t.service, 'settings.update', { idleMinutes: '10' });
    expect(e3).toMatchObject({ code: 'E_VALIDATION', details: { issues: [{ path: 'idleMinutes' }] } });
    expect(refused(t.service, 'settings.update', { idleMinutes: 0 }).code).toBe('E_VALIDATION');
    expect(refused(t.service, 'settings.update', { passwordPolicy: { minLength: 6, requireMixedCase: false, requireSymbol: false } }).code).toBe(
      'E_VALIDATION',
    );
    expect(refused(t.service, 'settings.update', { unitName: '   ' }).code).toBe('E_VALIDATION');
    expect(refused(t.service, 'settings.update', { sneaky: true }).code).toBe('E_VALIDATION');
    expect(refused(t.service, 'account.list', 'everything').code).toBe('E_VALIDATION');
    expect(refused(t.service, 'account.update', { username: ADMIN.username, active: 'no' }).code).toBe('E_VALIDATION');
    // No input at all is the same as {}; null is not (issue 14: it is refused like any non-object).
    expect(ok(t.service, 'settings.get', undefined)).toMatchObject({ unitName: expect.any(String) });
    expect(refused(t.service, 'settings.get', null).code).toBe('E_VALIDATION');
  });

  it('a refused signed-in command is audited once and changes nothing', () => {
    const t = makeLedger();
    expectRefusedWithOnlyAnAuditEntry(
      t,
      ADMIN.username,
      'account.create',
      { username: 'x', displayName: 'x', roles: [], password: 'Xx2026pass' },
      'E_VALIDATION',
    );
  });

  it('an unknown command is E_UNKNOWN_COMMAND, including names inherited from Object', () => {
    const t = makeLedger();
    for (const name of ['no.such', 'account.delete', '', 'toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      const e = refused(t.service, name, {});
      expect({ name, code: e.code }).toEqual({ name, code: 'E_UNKNOWN_COMMAND' });
      expect(findCommand(name)).toBeUndefined();
    }
    expect(refused(t.service, 'no.such').details).toEqual({ name: 'no.such' });
  });
});

describe('backup.verify', () => {
  it('checks the files without an account, the content with one; signed in, the check is an audit entry of the open ledger', () => {
    const t = backupLedger();
    const { path, sha256, auditHead } = t.backup();
    ok(t.service, 'session.logout');
    const audit = auditRows(t);
    expect(ok(t.service, 'backup.verify', { folder: path })).toMatchObject({ sha256, auditHead, content: null });
    const full = ok<{ content: { rows: number } }>(t.service, 'backup.verify', { folder: path, username: ADMIN.username, password: ADMIN.password });
    expect(full.content.rows).toBeGreaterThan(0);
    expect(refused(t.service, 'backup.verify', { folder: path, username: ADMIN.username, password: 'Wrong2026pass' }).code).toBe('E_WRONG_PASSWORD');
    expect(refused(t.service, 'backup.verify', { folder: path, password: ADMIN.password }).code).toBe('E_VALIDATION');
    login(t.service, ADMIN.username, ADMIN.password);
    const signedIn = auditRows(t).length;
    expect(signedIn).toBe(audit.length + 1); // the login
    ok(t.service, 'backup.verify', { folder: path, username: ADMIN.username, password: ADMIN.password });
    expect(auditRows(t).slice(signedIn)).toMatchObject([{ actor: ADMIN.username, action: 'backup.verify', outcome: 'ok' }]);
    expect(JSON.stringify(auditRows(t))).not.toContain(ADMIN.password);
  });
});
