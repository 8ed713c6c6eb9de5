// Backups as the custodian makes them: real encrypted ledgers, real folders, the service's command runner.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, auditRows, ok, refused, withRaw } from '../testing';
import { backupLedger } from './fixture';
import { MARKER_FILE, verifyBackup } from './backup';
import { readManifest } from './manifest';
import { checkBackupFiles } from './verify';
import type { BackupView } from '../views';

describe('backup.run', () => {
  it('writes an encrypted VACUUM INTO copy, the key file and a manifest, verifies it and records it', () => {
    const t = backupLedger();
    const out = t.backup();
    expect(out.name).toMatch(/^涉密载体台账备份-\d{8}-\d{6}$/);
    expect(readdirSync(t.target).sort()).toEqual([MARKER_FILE, out.name].sort());
    expect(readdirSync(out.path).sort()).toEqual(['ledger.db', 'ledger.keys', 'manifest.json']);
    // Encrypted: the copy does not start with the plain SQLite header and holds no plain text of the ledger.
    const bytes = readFileSync(join(out.path, 'ledger.db'));
    expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(bytes.includes(Buffer.from('HDD-BACKUP-01'))).toBe(false);
    const manifest = readManifest(join(out.path, 'manifest.json'));
    expect(manifest).toMatchObject({
      createdBy: 'zhangwei',
      medium: { id: t.mediumId, code: 'BM-BF-01', serial: 'HDD-BACKUP-01' },
      counts: { media: 1, accounts: 1 },
    });
    expect(manifest.files['ledger.db'].sha256).toBe(out.sha256);
    // The manifest's head is the ledger's head before the backup's own entry.
    const audit = auditRows(t);
    expect(audit.at(-1)).toMatchObject({ action: 'backup.run', outcome: 'ok', target: 'BM-BF-01' });
    expect(manifest.auditHead).toEqual({ seq: audit.at(-2)!.seq, hash: audit.at(-2)!.hash });
    expect(verifyBackup(out.path, t.key).auditHead).toEqual(manifest.auditHead);

    const history = ok<{ total: number; rows: BackupView[] }>(t.service, 'backup.list', {});
    expect(history).toMatchObject({ total: 1, rows: [{ name: out.name, medium: { code: 'BM-BF-01' }, dbSha256: out.sha256, recordedBy: ADMIN.displayName }] });
    const medium = ok<{ history: { kind: string; details: Record<string, unknown> }[] }>(t.service, 'media.get', { id: t.mediumId });
    expect(medium.history.map((h) => h.kind)).toEqual(['enable', 'backup']);
    expect(JSON.parse(readFileSync(join(t.target, MARKER_FILE), 'utf8'))).toMatchObject({ medium: { id: t.mediumId, code: 'BM-BF-01' } });
    expect(ok(t.service, 'backup.status', {})).toMatchObject({ state: 'ok', lastBackupAt: history.rows[0]!.at, intervalDays: 7 });
  });

  it.each([
    ['not-registered', () => ({}), 999],
    ['not-in-service', (t: ReturnType<typeof backupLedger>) => ok(t.service, 'media.stop', { id: t.mediumId, reason: '暂停使用' }), 0],
    [
      'not-approved-for-backup',
      (t: ReturnType<typeof backupLedger>) => ok(t.service, 'media.change', { id: t.mediumId, change: { backupApproved: false } }),
      0,
    ],
    [
      'level-too-low',
      (t: ReturnType<typeof backupLedger>) =>
        ok(t.service, 'media.register', { ...BACKUP_LOW, level: 'top_secret', backupApproved: false, code: 'BM-JM-1', serial: 'JM-1' }),
      0,
    ],
  ])('refuses a medium that is %s (E_MEDIUM_NOT_APPROVED) and writes nothing', (reason, arrange, other) => {
    const t = backupLedger();
    arrange(t);
    const before = t.live();
    const error = refused(t.service, 'backup.run', { mediumId: other || t.mediumId, folder: t.target });
    expect(error).toMatchObject({ code: 'E_MEDIUM_NOT_APPROVED', details: { reason } });
    expect(t.live()).toEqual(before);
    expect(readdirSync(t.target)).toEqual([]);
    expect(auditRows(t).at(-1)).toMatchObject({ action: 'backup.run', outcome: 'refused', error_code: 'E_MEDIUM_NOT_APPROVED' });
  });

  it('takes the medium by code too', () => {
    const t = backupLedger();
    expect(ok<{ medium: { id: number } }>(t.service, 'backup.run', { mediumId: 'bm-bf-01', folder: t.target }).medium.id).toBe(t.mediumId);
  });

  it('refuses a folder bound to another medium or to another ledger', () => {
    const t = backupLedger();
    t.backup();
    const second = ok<{ id: number }>(t.service, 'media.register', {
      ...BACKUP_LOW,
      level: 'secret',
      backupApproved: true,
      code: 'BM-BF-02',
      serial: 'HDD-BACKUP-02',
    }).id;
    expect(refused(t.service, 'backup.run', { mediumId: second, folder: t.target })).toMatchObject({
      code: 'E_BACKUP_FOLDER_BOUND',
      details: { reason: 'other-medium', boundTo: 'BM-BF-01' },
    });
    const other = backupLedger();
    expect(refused(other.service, 'backup.run', { mediumId: other.mediumId, folder: t.target })).toMatchObject({
      code: 'E_BACKUP_FOLDER_BOUND',
      details: { reason: 'other-ledger' },
    });
  });

  it('refuses a folder that does not exist or is a file (E_BACKUP_TARGET_UNAVAILABLE)', () => {
    const t = backupLedger();
    expect(refused(t.service, 'backup.run', { mediumId: t.mediumId, folder: join(t.target, 'missing') })).toMatchObject({
      code: 'E_BACKUP_TARGET_UNAVAILABLE',
      details: { reason: 'missing' },
    });
    writeFileSync(join(t.target, 'file'), 'x');
    expect(refused(t.service, 'backup.run', { mediumId: t.mediumId, folder: join(t.target, 'file') })).toMatchObject({
      code: 'E_BACKUP_TARGET_UNAVAILABLE',
      details: { reason: 'not-a-folder' },
    });
    expect(refused(t.service, 'backup.run', { mediumId: t.mediumId, folder: 'relative/path' })).toMatchObject({ code: 'E_VALIDATION' });
  });

  it('is for the custodian only', () => {
    const t = backupLedger();
    ok(t.service, 'account.update', { username: 'zhangwei', roles: ['admin'] });
    expect(refused(t.service, 'backup.run', { mediumId: t.mediumId, folder: t.target }).code).toBe('E_FORBIDDEN');
  });
});

describe('checkBackupFiles', () => {
  it('finds one flipped bit and a truncated file without a key; a folder without manifest is not a backup', () => {
    const t = backupLedger();
    const { path } = t.backup();
    const db = join(path, 'ledger.db');
    const bytes = readFileSync(db);
    bytes[bytes.length >> 1]! ^= 0x04;
    writeFileSync(db, bytes);
    expect(() => checkBackupFiles(path)).toThrow(expect.objectContaining({ code: 'E_BACKUP_DAMAGED', details: { file: 'ledger.db', reason: 'hash' } }));
    bytes[bytes.length >> 1]! ^= 0x04;
    writeFileSync(db, bytes.subarray(0, bytes.length - 4096));
    expect(() => checkBackupFiles(path)).toThrow(expect.objectContaining({ code: 'E_BACKUP_DAMAGED', details: expect.objectContaining({ reason: 'size' }) }));
    const empty = join(t.target, 'empty');
    mkdirSync(empty);
    expect(() => checkBackupFiles(empty)).toThrow(expect.objectContaining({ code: 'E_NOT_A_BACKUP' }));
    rmSync(path, { recursive: true });
  });
});

describe('a failing target during the backup', () => {
  it.each(['copy', 'keys', 'manifest', 'flush', 'verify', 'rename'])(
    'the folder vanishing at "%s": E_BACKUP_TARGET_UNAVAILABLE, live ledger untouched, nothing left',
    (step) => {
      const t = backupLedger();
      const mount = join(t.target, 'mnt');
      mkdirSync(mount);
      const before = t.live();
      const audit = auditRows(t).length;
      t.pushes.length = 0;
      // The medium pulled out at this step: the whole mount point goes.
      const original = t.pushes.push.bind(t.pushes);
      t.pushes.push = (...events) => {
        for (const e of events) if (e.type === 'progress' && e.step === step) rmSync(mount, { recursive: true, force: true });
        return original(...events);
      };
      const error = refused(t.service, 'backup.run', { mediumId: t.mediumId, folder: mount });
      expect(error).toMatchObject({ code: 'E_BACKUP_TARGET_UNAVAILABLE', details: { reason: 'vanished' } });
      expect(t.live()).toEqual(before);
      expect(existsSync(mount)).toBe(false);
      expect(auditRows(t).slice(audit)).toMatchObject([{ action: 'backup.run', outcome: 'failed', error_code: 'E_BACKUP_TARGET_UNAVAILABLE' }]);
      expect(withRaw(t, (db) => db.prepare('SELECT count(*) AS n FROM backups').get())).toEqual({ n: 0 });
    },
  );
});

const BACKUP_LOW = {
  type: 'usb',
  model: 'm',
  capacity: '32GB',
  responsible: '李明',
  department: '办公室',
  usageScope: '备份',
  enabledAt: '2026-02-01',
  level: 'confidential',
};
