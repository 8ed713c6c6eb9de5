import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands, type CommandDef } from '../commands';
import { openLedgerDb } from '../store/open';
import type { Db } from '../store/sql';
import { ADMIN, addUser, auditRows, login, makeLedger, ok, openRaw, refused, tempDir, type SetUpLedger } from '../testing';
import type { AuditEntryView, AuditVerifyView } from '../views';
import { appendAudit, auditHead, entryHash, genesisHash, queryAudit, verifyChain } from './chain';

const AUDITOR = { username: 'auditor1', roles: ['auditor' as const], password: 'Auditor2026pass' };

function chainDb(ledgerId: string, n: number): Db {
  const db = openLedgerDb(join(tempDir(), 'ledger.db'), randomBytes(32), { create: true });
  for (let i = 1; i <= n; i++)
    appendAudit(db, ledgerId, { at: `2026-11-25T01:00:0${i}.000Z`, actor: 'a', kind: 'k', action: `k.a${i}`, summary: { i }, outcome: 'ok' });
  return db;
}

/** Changes the closed ledger through its raw key, the way someone holding the key and a SQLite tool could. */
function tamper(t: SetUpLedger, sql: string): void {
  t.service.close();
  const db = openRaw(t.dbPath, t.key);
  db.exec(sql);
  db.close();
}

/** A ledger with an auditor and a few entries; the auditor is signed in. */
function auditedLedger(): SetUpLedger {
  const t = makeLedger();
  addUser(t, AUDITOR);
  ok(t.service, 'settings.update', { idleMinutes: 15 });
  login(t.service, AUDITOR.username, AUDITOR.password);
  return t;
}

describe('the hash chain', () => {
  it('links each entry to the previous one, starting from a genesis hash of the ledger id', () => {
    const ledgerId = randomUUID();
    const db = chainDb(ledgerId, 3);
    const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as { seq: number; prev_hash: string; hash: string }[];
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(rows[0]!.prev_hash).toBe(genesisHash(ledgerId));
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
    expect(rows[2]!.prev_hash).toBe(rows[1]!.hash);
    expect(genesisHash(randomUUID())).not.toBe(genesisHash(ledgerId));
    expect(auditHead(db, ledgerId)).toEqual({ seq: 3, hash: rows[2]!.hash });
    expect(verifyChain(db, ledgerId)).toEqual({ intact: true, count: 3, head: { seq: 3, hash: rows[2]!.hash } });
    // The chain is bound to its ledger: verified as another ledger's, the first link is wrong.
    expect(verifyChain(db, randomUUID())).toMatchObject({ intact: false, firstBroken: { seq: 1, reason: 'link' } });
    db.close();
  });

  it('an empty log is intact with the genesis head', () => {
    const ledgerId = randomUUID();
    const db = chainDb(ledgerId, 0);
    expect(verifyChain(db, ledgerId)).toEqual({ intact: true, count: 0, head: { seq: 0, hash: genesisHash(ledgerId) } });
    expect(auditHead(db, ledgerId)).toEqual({ seq: 0, hash: genesisHash(ledgerId) });
    db.close();
  });

  it('the hash covers every column', () => {
    const base = {
      seq: 1,
      at: 'a',
      actor: 'x',
      kind: 'k',
      action: 'k.a',
      target: null,
      summary: '{}',
      outcome: 'ok' as const,
      error_code: null,
      prev_hash: 'p',
    };
    const h = entryHash(base);
    for (const change of [
      { seq: 2 },
      { at: 'b' },
      { actor: null },
      { kind: 'j' },
      { action: 'k.b' },
      { target: 't' },
      { summary: '{"a":1}' },
      { outcome: 'refused' as const },
      { error_code: 'E' },
      { prev_hash: 'q' },
    ]) {
      expect(entryHash({ ...base, ...change }), JSON.stringify(change)).not.toBe(h);
    }
  });
});

describe('what is audited', () => {
  it('every mutating command adds exactly one ok entry, at the command’s time, by its actor', () => {
    const t = makeLedger();
    addUser(t, AUDITOR);
    // The foundation's commands; each register's tests check its own commands the same way.
    const foundation = /^(account|settings|audit|session|ledger)\./;
    const mutating = (Object.entries(commands) as [string, CommandDef][])
      .filter(([n, c]) => foundation.test(n) && c.access === 'signed-in' && c.mutates)
      .map(([n]) => n);
    const calls: [string, string, unknown][] = [
      [ADMIN.username, 'settings.update', { unitName: '某某厅保密办', idleMinutes: 20 }],
      [ADMIN.username, 'account.create', { username: 'clerk', displayName: '保管员', roles: ['custodian'], password: 'Clerk2026pass' }],
      [ADMIN.username, 'account.update', { username: 'clerk', displayName: '保管员甲' }],
      [ADMIN.username, 'account.resetPassword', { username: 'clerk', newPassword: 'Clerk2027pass' }],
      [ADMIN.username, 'account.changePassword', { oldPassword: ADMIN.password, newPassword: 'Admin2027pass' }],
      [ADMIN.username, 'account.setPrefs', { documentColumns: ['receiptNo', 'title'] }],
      [AUDITOR.username, 'audit.verify', {}],
      [AUDITOR.username, 'audit.checkPrintout', { seq: 1, hash: 'abcdef' }],
    ];
    expect(calls.map(([, n]) => n).sort()).toEqual(mutating.sort());
    for (const [actor, name, input] of calls) {
      if (actor === AUDITOR.username) login(t.service, AUDITOR.username, AUDITOR.password);
      const before = auditRows(t);
      t.clock.advance(1000);
      ok(t.service, name, input);
      const added = auditRows(t).slice(before.length);
      expect(added, name).toHaveLength(1);
      expect(added[0]).toMatchObject({
        actor,
        action: name,
        kind: name.split('.')[0],
        outcome: 'ok',
        error_code: null,
        at: new Date(t.clock.now).toISOString(),
      });
    }
    const targets = auditRows(t)
      .filter((r) => r.action.startsWith('account.'))
      .map((r) => [r.action, r.target]);
    expect(targets).toEqual([
      ['account.create', AUDITOR.username],
      ['account.changePassword', AUDITOR.username],
      ['account.create', 'clerk'],
      ['account.update', 'clerk'],
      ['account.resetPassword', 'clerk'],
      ['account.changePassword', ADMIN.username],
      ['account.setPrefs', ADMIN.username],
    ]);
    // The summaries say what changed.
    const update = auditRows(t).find(
      (r) => r.action === 'settings.update' && r.actor === ADMIN.username && r.at === new Date(t.clock.now - 7000).toISOString(),
    );
    expect(JSON.parse(update!.summary)).toEqual({
      before: { unitName: expect.any(String), idleMinutes: 10 },
      after: { unitName: '某某厅保密办', idleMinutes: 20 },
    });
  });

  it('every refused command adds exactly one refused entry with its code; reads add none', () => {
    const t = makeLedger();
    const cases: [string, unknown, string][] = [
      ['account.create', { username: 'x', displayName: 'x', roles: ['approver'], password: 'Xy2026pass' }, 'E_VALIDATION'],
      ['account.create', { username: 'aud', displayName: 'x', roles: ['auditor', 'admin'], password: 'Xy2026pass' }, 'E_ROLE_CONFLICT'],
      ['account.create', { username: 'weak', displayName: 'x', roles: ['approver'], password: 'password' }, 'E_WEAK_PASSWORD'],
      ['account.update', { username: ADMIN.username, roles: ['custodian'] }, 'E_LAST_ADMIN'],
      ['account.changePassword', { oldPassword: 'Nope2026pass', newPassword: 'Admin2027pass' }, 'E_WRONG_PASSWORD'],
      ['audit.list', {}, 'E_FORBIDDEN'],
    ];
    for (const [name, input, code] of cases) {
      const n = auditRows(t).length;
      expect(refused(t.service, name, input).code).toBe(code);
      const added = auditRows(t).slice(n);
      expect(added, `${name} ${code}`).toMatchObject([{ actor: ADMIN.username, action: name, outcome: 'refused', error_code: code }]);
    }
    const n = auditRows(t).length;
    for (const name of ['ledger.info', 'settings.get', 'account.list', 'session.touch', 'ledger.status']) ok(t.service, name);
    expect(auditRows(t)).toHaveLength(n);
  });

  it('login, failed login, lock, unlock and logout are entries', () => {
    const t = makeLedger();
    ok(t.service, 'session.lock');
    ok(t.service, 'session.unlock', { password: ADMIN.password });
    ok(t.service, 'session.logout');
    refused(t.service, 'session.login', { username: ADMIN.username, password: 'Wrong2026pass' });
    login(t.service, ADMIN.username, ADMIN.password);
    expect(auditRows(t).map((r) => [r.action, r.outcome, r.actor])).toEqual([
      ['ledger.setup', 'ok', ADMIN.username],
      ['session.lock', 'ok', ADMIN.username],
      ['session.unlock', 'ok', ADMIN.username],
      ['session.logout', 'ok', ADMIN.username],
      ['session.login', 'refused', ADMIN.username],
      ['session.login', 'ok', ADMIN.username],
    ]);
  });

  it('no password or recovery code appears anywhere in the audit log', () => {
    const t = makeLedger();
    const secrets = [ADMIN.password, 'Clerk2026pass', 'Clerk2027pass', 'ClerkTmp2026', 'Wrong2026pass', 'Guess2026pass', 'Recovered2026', 'Bad2026pass', 'Abc'];
    ok(t.service, 'account.create', { username: 'clerk', displayName: '保管员', roles: ['custodian'], password: 'ClerkTmp2026' });
    refused(t.service, 'account.create', { username: 'x', displayName: 'x', roles: ['custodian'], password: 'Bad2026pass' }); // E_VALIDATION: the input is summarized
    refused(t.service, 'account.create', { username: 'clerk2', displayName: 'x', roles: 'custodian', password: 'Bad2026pass' });
    refused(t.service, 'account.create', { username: 'clerk2', displayName: 'x', roles: ['custodian'], password: 'Abc' });
    refused(t.service, 'account.changePassword', { oldPassword: 'Guess2026pass', newPassword: 'Bad2026pass' });
    login(t.service, 'clerk', 'ClerkTmp2026');
    ok(t.service, 'account.changePassword', { oldPassword: 'ClerkTmp2026', newPassword: 'Clerk2026pass' });
    refused(t.service, 'account.resetPassword', { username: ADMIN.username, newPassword: 'Bad2026pass' }); // E_FORBIDDEN: the input is summarized
    refused(t.service, 'session.login', { username: 'clerk', password: 'Wrong2026pass' });
    refused(t.service, 'session.recover', { username: ADMIN.username, recoveryCode: 'ABCDE-FGHJK-MNPQR-STVWX-YZ012-34567', newPassword: 'Recovered2026' });
    const { recoveryCode } = ok<{ recoveryCode: string }>(t.service, 'session.recover', {
      username: ADMIN.username,
      recoveryCode: t.recoveryCode,
      newPassword: 'Recovered2026',
    });
    ok(t.service, 'account.resetPassword', { username: 'clerk', newPassword: 'Clerk2027pass' });

    const rows = auditRows(t);
    expect(rows.length).toBeGreaterThanOrEqual(14);
    const text = JSON.stringify(rows);
    expect(text).toContain('[redacted]');
    for (const code of [t.recoveryCode, recoveryCode, 'ABCDE-FGHJK-MNPQR-STVWX-YZ012-34567']) secrets.push(code, code.replace(/-/g, ''));
    expect(secrets.filter((s) => text.includes(s))).toEqual([]);
  });
});

describe('verification', () => {
  it('audit.verify reports an intact chain, and is itself an entry', () => {
    const t = auditedLedger();
    const count = auditRows(t).length;
    const result = ok<AuditVerifyView>(t.service, 'audit.verify');
    const rows = auditRows(t);
    expect(result).toEqual({ intact: true, count, head: { seq: count, hash: rows[count - 1]!.hash } });
    expect(rows.at(-1)).toMatchObject({ action: 'audit.verify', actor: AUDITOR.username, summary: JSON.stringify({ intact: true, count }) });
    const raw = openRaw(t.dbPath, t.key, { readonly: true });
    expect(verifyChain(raw, readLedgerId(t))).toMatchObject({ intact: true, count: count + 1 });
    raw.close();
  });

  it('an entry edited through the raw key (trigger dropped) is found: firstBroken seq 3, reason hash', () => {
    const t = auditedLedger();
    tamper(t, `DROP TRIGGER audit_log_no_update; UPDATE audit_log SET summary = '{"forged":true}' WHERE seq = 3;`);
    const s = t.restart();
    login(s, AUDITOR.username, AUDITOR.password);
    const result = ok<AuditVerifyView>(s, 'audit.verify');
    expect(result).toMatchObject({ intact: false, firstBroken: { seq: 3, reason: 'hash' } });
    expect(auditRows(t).at(-1)).toMatchObject({ action: 'audit.verify', summary: JSON.stringify({ intact: false, firstBroken: { seq: 3, reason: 'hash' } }) });
  });

  it('an edit that also recomputes the entry’s hash breaks the next link', () => {
    const t = auditedLedger();
    t.service.close();
    const db = openRaw(t.dbPath, t.key);
    db.exec('DROP TRIGGER audit_log_no_update');
    const row = db.prepare('SELECT * FROM audit_log WHERE seq = 3').get() as Parameters<typeof entryHash>[0] & { hash: string };
    const forged = { ...row, summary: '{"forged":true}' };
    const { hash: _old, ...rest } = forged;
    db.prepare('UPDATE audit_log SET summary = ?, hash = ? WHERE seq = 3').run(forged.summary, entryHash(rest));
    expect(verifyChain(db, readLedgerId(t))).toMatchObject({ intact: false, firstBroken: { seq: 4, reason: 'link' } });
    db.close();
  });

  it('a deleted middle entry is found', () => {
    const t = auditedLedger();
    tamper(t, 'DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 3;');
    const s = t.restart();
    login(s, AUDITOR.username, AUDITOR.password);
    const result = ok<AuditVerifyView>(s, 'audit.verify');
    expect(result.intact).toBe(false);
    if (!result.intact) {
      expect(result.firstBroken.seq).toBe(4);
      expect(['sequence', 'link']).toContain(result.firstBroken.reason);
    }
  });
});

describe('audit.list', () => {
  it('filters by actor, kind, outcome and time, newest first, with paging', () => {
    const t = makeLedger();
    addUser(t, AUDITOR);
    t.clock.advance(60_000);
    const from = new Date(t.clock.now).toISOString();
    refused(t.service, 'account.update', { username: ADMIN.username, roles: ['custodian'] });
    ok(t.service, 'settings.update', { idleMinutes: 12 });
    login(t.service, AUDITOR.username, AUDITOR.password);
    type Page = { total: number; rows: AuditEntryView[] };
    const all = ok<Page>(t.service, 'audit.list', {});
    expect(all.total).toBe(auditRows(t).length);
    expect(all.rows.map((r) => r.seq)).toEqual([...all.rows.map((r) => r.seq)].sort((a, b) => b - a));
    expect(all.rows[0]).toMatchObject({ action: 'session.login', actor: AUDITOR.username, summary: {}, errorCode: null });

    expect(ok<Page>(t.service, 'audit.list', { outcome: 'refused' }).rows.map((r) => [r.action, r.errorCode])).toEqual([['account.update', 'E_LAST_ADMIN']]);
    expect(ok<Page>(t.service, 'audit.list', { kind: 'settings' }).rows.map((r) => r.summary)).toEqual([
      { before: { idleMinutes: 10 }, after: { idleMinutes: 12 } },
    ]);
    const since = ok<Page>(t.service, 'audit.list', { from, actor: ADMIN.username });
    expect(since.rows.map((r) => r.action)).toEqual(['session.logout', 'settings.update', 'account.update']);
    const before = ok<Page>(t.service, 'audit.list', { to: from });
    expect(before.total + ok<Page>(t.service, 'audit.list', { from }).total).toBe(all.total);
    // A time with an offset (Beijing time) means the same instant.
    const beijing = new Date(Date.parse(from) + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
    expect(ok<Page>(t.service, 'audit.list', { from: beijing }).total).toBe(4);
    expect(ok<Page>(t.service, 'audit.list', { from }).total).toBe(4);
    const page2 = ok<Page>(t.service, 'audit.list', { limit: 2, offset: 2 });
    expect(page2.total).toBe(all.total);
    expect(page2.rows.map((r) => r.seq)).toEqual(all.rows.slice(2, 4).map((r) => r.seq));
  });

  it('queryAudit binds filter values (an injection string matches nothing)', () => {
    const ledgerId = randomUUID();
    const db = chainDb(ledgerId, 3);
    expect(queryAudit(db, { actor: `a' OR '1'='1`, offset: 0, limit: 10 }).total).toBe(0);
    expect(queryAudit(db, { actor: 'a', offset: 0, limit: 10 }).total).toBe(3);
    db.close();
  });
});

function readLedgerId(t: SetUpLedger): string {
  const db = openRaw(t.dbPath, t.key, { readonly: true });
  try {
    return (db.prepare(`SELECT value FROM ledger_meta WHERE key = 'ledger_id'`).get() as { value: string }).value;
  } finally {
    db.close();
  }
}
