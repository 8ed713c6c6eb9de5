// Each account keeps its own choices on screen in the encrypted ledger (the register's columns): read back after
// signing out and in, apart for each account, bounded and validated, and read leniently when a column is gone.
import { describe, expect, it } from 'vitest';
import { ADMIN, addUser, auditRows, login, makeLedger, ok, refused, withRaw } from '../../testing';
import type { PrefsView } from './prefs';

const AUDITOR = { username: 'auditor1', displayName: '审计员甲', roles: ['auditor' as const], password: 'Auditor2026pass' };

describe('prefs', () => {
  it('an account never asked has none; its choice is kept across sign-out and sign-in, apart from another account', () => {
    const t = makeLedger();
    addUser(t, AUDITOR);
    expect(ok<PrefsView>(t.service, 'account.prefs')).toEqual({ documentColumns: null });
    const chosen = ['receiptNo', 'docNumber', 'title', 'originUnit'];
    expect(ok<PrefsView>(t.service, 'account.setPrefs', { documentColumns: chosen })).toEqual({ documentColumns: chosen });
    ok(t.service, 'session.logout');
    login(t.service, AUDITOR.username, AUDITOR.password);
    expect(ok<PrefsView>(t.service, 'account.prefs')).toEqual({ documentColumns: null });
    ok(t.service, 'account.setPrefs', { documentColumns: ['receiptNo', 'title'] });
    login(t.service, ADMIN.username, ADMIN.password);
    expect(ok<PrefsView>(t.service, 'account.prefs')).toEqual({ documentColumns: chosen });
    // A later choice replaces the earlier one.
    ok(t.service, 'account.setPrefs', { documentColumns: ['receiptNo', 'flags'] });
    expect(ok<PrefsView>(t.service, 'account.prefs')).toEqual({ documentColumns: ['receiptNo', 'flags'] });
    // Whose choice is in the audit log, not the choice.
    expect(auditRows(t).at(-1)).toMatchObject({ action: 'account.setPrefs', target: ADMIN.username, outcome: 'ok' });
  });

  it('refuses an unknown column, a repeated one, none at all, and a name it does not know', () => {
    const t = makeLedger();
    for (const input of [{ documentColumns: ['receiptNo', 'password'] }, { documentColumns: ['title', 'title'] }, { documentColumns: [] }, { theme: 'dark' }])
      expect({ input, code: refused(t.service, 'account.setPrefs', input).code }).toEqual({ input, code: 'E_VALIDATION' });
    expect(ok<PrefsView>(t.service, 'account.prefs')).toEqual({ documentColumns: null });
  });

  it('a stored choice naming a column the program no longer has reads without it', () => {
    const t = makeLedger();
    ok(t.service, 'account.setPrefs', { documentColumns: ['receiptNo', 'title'] });
    withRaw(t, (db) => db.prepare(`UPDATE account_prefs SET value = '["receiptNo","gone","title","title"]'`).run());
    expect(ok<PrefsView>(t.service, 'account.prefs')).toEqual({ documentColumns: ['receiptNo', 'title'] });
    withRaw(t, (db) => db.prepare(`UPDATE account_prefs SET value = '"gone"'`).run());
    expect(ok<PrefsView>(t.service, 'account.prefs')).toEqual({ documentColumns: null });
  });
});
