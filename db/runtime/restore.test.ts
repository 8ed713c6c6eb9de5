// Who may restore: over an open ledger its administrator; with nobody signed in, an administrator of the backup
// (by password) or the holder of the backup's recovery code. Anyone else is refused before anything changes.
import { describe, expect, it } from 'vitest';
import { backupLedger } from '../backup/fixture';
import { addUser, ADMIN, auditRows, ok, refused } from '../testing';

const AUDITOR = { username: 'wangfang', roles: ['auditor' as const], password: 'Auditor2026pass' };
const CUSTODIAN = { username: 'liming', roles: ['custodian' as const], password: 'Custodian2026pass' };

/** A backup holding an auditor and a custodian besides the administrator, a change after it, nobody signed in. */
function backupWithAccounts() {
  const t = backupLedger();
  addUser(t, AUDITOR);
  addUser(t, CUSTODIAN);
  const backup = t.backup();
  ok(t.service, 'account.create', { username: 'zhaoqiang', displayName: '赵强', roles: ['custodian'], password: 'Later2026pass1' });
  ok(t.service, 'session.logout');
  return { t, backup };
}

describe('backup.restore with nobody signed in', () => {
  it.each([AUDITOR, CUSTODIAN])('refuses an account of the backup that is not an administrator ($roles): E_FORBIDDEN, nothing changes', (user) => {
    const { t, backup } = backupWithAccounts();
    const before = t.live();
    const entries = auditRows(t).length;
    expect(refused(t.service, 'backup.restore', { folder: backup.path, username: user.username, password: user.password })).toMatchObject({
      code: 'E_FORBIDDEN',
      details: { command: 'backup.restore', needs: ['admin'] },
    });
    expect(t.live()).toEqual(before);
    expect(auditRows(t)).toHaveLength(entries);
  });

  it('restores with an administrator of the backup, or with its recovery code', () => {
    const { t, backup } = backupWithAccounts();
    ok(t.service, 'backup.restore', { folder: backup.path, username: ADMIN.username, password: ADMIN.password });
    ok(t.service, 'backup.restore', { folder: backup.path, username: AUDITOR.username, recoveryCode: t.recoveryCode });
    expect(auditRows(t).at(-1)).toMatchObject({
      action: 'backup.restore',
      actor: AUDITOR.username,
      summary: expect.stringContaining('"unlockedWith":"recovery-code"'),
    });
  });
});
