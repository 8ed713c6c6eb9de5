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
    expect(ok<PrefsView>(t.service, 'account.prefs')).toEqual({ documentColumns: null, labelLayout: null });
    const chosen = ['receiptNo', 'docNumber', 'title', 'originUnit'];
    expect(ok<PrefsView>(t.service, 'account.setPrefs', { documentColumns: chosen })).toMatchObject({ documentColumns: chosen });
    ok(t.service, 'session.logout');
    login(t.service, AUDITOR.username, AUDITOR.password);
    expect(ok<PrefsView>(t.service, 'account.prefs')).toEqual({ documentColumns: null, labelLayout: null });
    ok(t.service, 'account.setPrefs', { documentColumns: ['receiptNo', 'title'] });
    login(t.service, ADMIN.username, ADMIN.password);
    expect(ok<PrefsView>(t.service, 'account.prefs')).toMatchObject({ documentColumns: chosen });
    // A later choice replaces the earlier one.
    ok(t.service, 'account.setPrefs', { documentColumns: ['receiptNo', 'flags'] });
    expect(ok<PrefsView>(t.service, 'account.prefs')).toMatchObject({ documentColumns: ['receiptNo', 'flags'] });
    // Whose choice is in the audit log, not the choice.
    expect(auditRows(t).at(-1)).toMatchObject({ action: 'account.setPrefs', target: ADMIN.username, outcome: 'ok' });
  });

  it('refuses an unknown column, a repeated one, none at all, and a name it does not know', () => {
    const t = makeLedger();
    for (const input of [{ documentColumns: ['receiptNo', 'password'] }, { documentColumns: ['title', 'title'] }, { documentColumns: [] }, { theme: 'dark' }])
      expect({ input, code: refused(t.service, 'account.setPrefs', input).code }).toEqual({ input, code: 'E_VALIDATION' });
    expect(ok<PrefsView>(t.service, 'account.prefs')).toEqual({ documentColumns: null, labelLayout: null });
  });

  it('a stored choice naming a column the program no longer has reads without it', () => {
    const t = makeLedger();
    ok(t.service, 'account.setPrefs', { documentColumns: ['receiptNo', 'title'] });
    withRaw(t, (db) => db.prepare(`UPDATE account_prefs SET value = '["receiptNo","gone","title","title"]'`).run());
    expect(ok<PrefsView>(t.service, 'account.prefs')).toMatchObject({ documentColumns: ['receiptNo', 'title'] });
    withRaw(t, (db) => db.prepare(`UPDATE account_prefs SET value = '"gone"'`).run());
    expect(ok<PrefsView>(t.service, 'account.prefs')).toEqual({ documentColumns: null, labelLayout: null });
  });

  it("keeps the label layout used last: a preset with its maker's sizes, a custom grid or a single label as given; refuses one that is not a layout", () => {
    const t = makeLedger();
    const custom = {
      kind: 'sheet',
      preset: 'custom',
      columns: 2,
      rows: 6,
      labelWidthMm: 90,
      labelHeightMm: 40,
      marginTopMm: 10,
      marginLeftMm: 12,
      gapXmm: 4,
      gapYmm: 3,
    };
    expect(ok<PrefsView>(t.service, 'account.setPrefs', { labelLayout: custom })).toMatchObject({ labelLayout: custom, documentColumns: null });
    ok(t.service, 'account.setPrefs', { labelLayout: { kind: 'single', widthMm: 60, heightMm: 40 } });
    expect(ok<PrefsView>(t.service, 'account.prefs').labelLayout).toEqual({ kind: 'single', widthMm: 60, heightMm: 40 });
    // A preset is read with the sizes of its sheet, whatever came with it.
    ok(t.service, 'account.setPrefs', { labelLayout: { ...custom, preset: '3x8' } });
    expect(ok<PrefsView>(t.service, 'account.prefs').labelLayout).toMatchObject({ preset: '3x8', columns: 3, rows: 8, labelWidthMm: 70 });
    for (const labelLayout of [{ kind: 'single', widthMm: 2, heightMm: 40 }, { kind: 'roll' }, { ...custom, columns: 0 }])
      expect(refused(t.service, 'account.setPrefs', { labelLayout }).code).toBe('E_VALIDATION');
    // A stored layout the program no longer reads as one is none.
    withRaw(t, (db) => db.prepare(`UPDATE account_prefs SET value = '{"kind":"roll"}' WHERE name = 'labelLayout'`).run());
    expect(ok<PrefsView>(t.service, 'account.prefs').labelLayout).toBeNull();
  });
});
