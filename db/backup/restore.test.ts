// Restore through the service: a backup replaces the ledger, the old one is kept, and a switch cut short completes.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FOLDER_LOCK_FILE } from '../runtime/folder-lock';
import { LedgerService } from '../service';
import { addUser, ADMIN, TEST_KDF, tempDir, auditRows, dataSnapshot, login, ok, refused, type SetUpLedger } from '../testing';
import { backupLedger } from './fixture';
import { readManifest } from './manifest';
import { completePendingRestore, RESTORE_INTENT_FILE } from './restore';
import type { BackupInspectView, RestoreResultView } from '../views';

function withBackupAndChange() {
  const t = backupLedger();
  // What the copy holds: the backup's own records (history row, medium event) are written after it is taken.
  const atBackup = dataSnapshot(t);
  const backup = t.backup();
  // A change after the backup, which the restore takes back.
  ok(t.service, 'media.register', {
    code: 'BM-U-9',
    type: 'usb',
    model: 'm',
    serial: 'USB-9',
    capacity: '8GB',
    level: 'secret',
    responsible: '李明',
    department: '办公室',
    usageScope: 's',
    enabledAt: '2026-02-01',
  });
  return { t, backup, atBackup };
}

describe('backup.restore', () => {
  it('inspects without a key, restores with a password of the backup, keeps the old ledger and audits in the restored one', () => {
    const { t, backup, atBackup } = withBackupAndChange();
    const current = dataSnapshot(t);
    const view = ok<BackupInspectView>(t.service, 'backup.inspect', { folder: backup.path });
    expect(view).toMatchObject({
      createdBy: 'zhangwei',
      auditHead: backup.auditHead,
      medium: { code: 'BM-BF-01' },
      current: { exists: true, sameLedger: true, counts: { media: 2 } },
    });
    expect(view.counts.media).toBe(1);

    ok(t.service, 'session.logout');
    const result = ok<RestoreResultView>(t.service, 'backup.restore', { folder: backup.path, username: ADMIN.username, password: ADMIN.password });
    expect(result.preRestoreDir).toMatch(/pre-restore-\d{8}-\d{6}$/);
    expect(ok(t.service, 'ledger.status')).toMatchObject({ state: 'locked', session: null });
    expect(dataSnapshot(t)).toEqual(atBackup);
    login(t.service, ADMIN.username, ADMIN.password);
    const audit = auditRows(t);
    const restoreEntry = audit.find((r) => r.action === 'backup.restore')!;
    expect(restoreEntry).toMatchObject({ actor: 'zhangwei', outcome: 'ok', target: 'BM-BF-01' });
    expect(JSON.parse(restoreEntry.summary)).toMatchObject({ from: backup.path, backupAuditHead: backup.auditHead, unlockedWith: 'password' });
    expect(restoreEntry.seq).toBe(backup.auditHead.seq + 1);
    expect(ok<{ intact: boolean }>(t.service, 'audit.verify').intact).toBe(true);
    // The replaced ledger is whole in pre-restore-*/ and no staging or intent is left.
    expect(readdirSync(result.preRestoreDir!).sort()).toEqual(['ledger.db', 'ledger.keys']);
    expect(readdirSync(t.dir).filter((f) => f.startsWith('.restore') || f === RESTORE_INTENT_FILE)).toEqual([]);
    const old = new LedgerService({ dir: result.preRestoreDir!, kdf: TEST_KDF });
    ok(old, 'session.login', { username: ADMIN.username, password: ADMIN.password });
    expect(ok<{ counts: Record<string, number> }>(old, 'ledger.info').counts).toBeDefined();
    old.close();
    expect(current).not.toEqual(atBackup);
  });

  it('while locked shows the current ledger as the lock left it: its audit head and last backup, its rows unknown (not counted at each lock)', () => {
    const { t, backup } = withBackupAndChange();
    const open = ok<BackupInspectView>(t.service, 'backup.inspect', { folder: backup.path });
    ok(t.service, 'session.lock');
    const locked = ok<BackupInspectView>(t.service, 'backup.inspect', { folder: backup.path });
    expect(open.current.counts).not.toBeNull();
    // One entry later: the lock's own.
    expect(locked.current).toEqual({ ...open.current, counts: null, auditHead: { seq: open.current.auditHead!.seq + 1, hash: expect.any(String) } });
  });

  it('unlocks with the recovery code as well', () => {
    const { t, backup } = withBackupAndChange();
    ok(t.service, 'session.logout');
    ok(t.service, 'backup.restore', { folder: backup.path, username: ADMIN.username, recoveryCode: t.recoveryCode.toLowerCase() });
    expect(auditRows(t).at(-1)).toMatchObject({ action: 'backup.restore' });
  });

  it.each([
    ['wrong password', (p: string) => ({ folder: p, username: ADMIN.username, password: 'Wrong2026pass' }), 'E_WRONG_PASSWORD'],
    ['unknown user', (p: string) => ({ folder: p, username: 'nobody', password: ADMIN.password }), 'E_WRONG_PASSWORD'],
    ['wrong recovery code', (p: string) => ({ folder: p, username: ADMIN.username, recoveryCode: 'AAAAA-AAAAA' }), 'E_WRONG_RECOVERY_CODE'],
  ])('refuses a %s and changes nothing', (_, input, code) => {
    const { t, backup } = withBackupAndChange();
    ok(t.service, 'session.logout');
    const before = t.live();
    expect(refused(t.service, 'backup.restore', input(backup.path)).code).toBe(code);
    expect(t.live()).toEqual(before);
  });

  it.each([
    [
      'one flipped bit',
      (db: string) => {
        const b = readFileSync(db);
        b[4096 + 17]! ^= 0x01;
        writeFileSync(db, b);
      },
      'E_BACKUP_DAMAGED',
    ],
    ['a truncated file', (db: string) => writeFileSync(db, readFileSync(db).subarray(0, 8192)), 'E_BACKUP_DAMAGED'],
    [
      'a newer app version',
      (db: string) => {
        const path = join(db, '..', 'manifest.json');
        writeFileSync(path, JSON.stringify({ ...readManifest(path), appVersion: '9.0.0', schemaVersion: 99 }));
      },
      'E_LEDGER_TOO_NEW',
    ],
  ])('refuses a backup with %s before anything changes', (_, spoil, code) => {
    const { t, backup } = withBackupAndChange();
    spoil(join(backup.path, 'ledger.db'));
    ok(t.service, 'session.logout');
    const files = readdirSync(t.dir).sort();
    const before = t.live();
    expect(refused(t.service, 'backup.inspect', { folder: backup.path }).code).toBe(code);
    expect(refused(t.service, 'backup.restore', { folder: backup.path, username: ADMIN.username, password: ADMIN.password }).code).toBe(code);
    expect(readdirSync(t.dir).sort()).toEqual(files);
    expect(t.live()).toEqual(before);
  });

  it('is refused to a signed-in custodian who is not an administrator; an administrator is signed out first', () => {
    const { t, backup } = withBackupAndChange();
    addUser(t, { username: 'liming', roles: ['custodian'], password: 'Custodian2026pass' });
    login(t.service, 'liming', 'Custodian2026pass');
    expect(refused(t.service, 'backup.restore', { folder: backup.path, username: ADMIN.username, password: ADMIN.password }).code).toBe('E_FORBIDDEN');
    login(t.service, ADMIN.username, ADMIN.password);
    ok(t.service, 'backup.restore', { folder: backup.path, username: ADMIN.username, password: ADMIN.password });
    expect(ok(t.service, 'ledger.status')).toMatchObject({ state: 'locked', session: null });
    expect(auditRows(t).filter((r) => r.action === 'session.logout')).toHaveLength(0); // the logout went into the replaced ledger
  });

  it('works when the current ledger is unreadable, and into an empty folder', () => {
    const { t, backup, atBackup } = withBackupAndChange();
    t.service.close();
    writeFileSync(t.dbPath, Buffer.alloc(8192, 7));
    const fresh = t.restart();
    expect(refused(fresh, 'session.login', { username: ADMIN.username, password: ADMIN.password }).code).toMatch(/E_CORRUPT|E_NOT_A_LEDGER/);
    ok(fresh, 'backup.restore', { folder: backup.path, username: ADMIN.username, password: ADMIN.password });
    expect(dataSnapshot(t)).toEqual(atBackup);
    login(fresh, ADMIN.username, ADMIN.password);

    // A reinstalled computer: an empty folder gets the ledger back and keeps no pre-restore copy.
    const empty = tempDir('ledger-empty-');
    const service = new LedgerService({ dir: empty, kdf: TEST_KDF });
    expect(ok(service, 'ledger.status')).toMatchObject({ state: 'no-ledger' });
    expect(
      ok<RestoreResultView>(service, 'backup.restore', { folder: backup.path, username: ADMIN.username, password: ADMIN.password }).preRestoreDir,
    ).toBeNull();
    // Beside them only the folder's lock file of the service that restored (db/runtime/folder-lock.ts).
    expect(readdirSync(empty).sort()).toEqual(['ledger.db', 'ledger.keys', FOLDER_LOCK_FILE]);
    expect(dataSnapshot({ dbPath: join(empty, 'ledger.db'), key: t.key } as SetUpLedger)).toEqual(atBackup);
    service.close();
  });
});

describe('completePendingRestore: a switch cut short at any rename finishes on the next start', () => {
  // The renames switchLedger makes, in order; a crash can stop after any number of them.
  const RENAMES = [
    ['ledger.db', 'pre/ledger.db'],
    ['ledger.keys', 'pre/ledger.keys'],
    ['staging/ledger.db', 'ledger.db'],
    ['staging/ledger.keys', 'ledger.keys'],
  ] as const;
  it.each([0, 1, 2, 3, 4])('after %i of the renames', (done) => {
    const { t, backup, atBackup } = withBackupAndChange();
    t.service.close();
    const dir = t.dir;
    const staging = join(dir, '.restore-staging-1');
    mkdirSync(staging);
    writeFileSync(join(staging, 'ledger.db'), readFileSync(join(backup.path, 'ledger.db')));
    writeFileSync(join(staging, 'ledger.keys'), readFileSync(join(backup.path, 'ledger.keys')));
    mkdirSync(join(dir, 'pre-restore-1'));
    writeFileSync(join(dir, RESTORE_INTENT_FILE), JSON.stringify({ staging: '.restore-staging-1', preRestore: 'pre-restore-1', at: 'x' }));
    const at = (p: string) => join(dir, p.replace('pre/', 'pre-restore-1/').replace('staging/', '.restore-staging-1/'));
    for (const [from, to] of RENAMES.slice(0, done)) renameSync(at(from), at(to));
    // The next start (a new service on the folder) completes the switch.
    const s = t.restart();
    expect(existsSync(join(dir, RESTORE_INTENT_FILE))).toBe(false);
    expect(existsSync(staging)).toBe(false);
    expect(dataSnapshot(t as SetUpLedger)).toEqual(atBackup);
    login(s, ADMIN.username, ADMIN.password);
    expect(readdirSync(join(dir, 'pre-restore-1')).sort()).toEqual(['ledger.db', 'ledger.keys']);
    expect(completePendingRestore(dir)).toBe('none');
  });
});

describe('a damaged record of an interrupted restore', () => {
  it('does not stop the backend from starting; opening reports E_CORRUPT naming the file, and nothing is moved', () => {
    const { t } = withBackupAndChange();
    const before = dataSnapshot(t);
    t.service.close();
    writeFileSync(join(t.dir, RESTORE_INTENT_FILE), '{"staging": "../elsewhere"');
    const files = readdirSync(t.dir).sort();
    const s = new LedgerService({ dir: t.dir, kdf: TEST_KDF });
    expect(s.status().state).toBe('locked');
    expect(refused(s, 'session.login', { username: ADMIN.username, password: ADMIN.password })).toMatchObject({
      code: 'E_CORRUPT',
      details: { file: RESTORE_INTENT_FILE },
    });
    expect(readdirSync(t.dir).sort()).toEqual(files);
    expect(dataSnapshot(t)).toEqual(before);
    s.close();
  });
});
