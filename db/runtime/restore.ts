// Backup folders: inspect (manifest and hashes, no key), verify (with a key, the content too) and restore over the
// ledger, staged beside it and switched by renames under an intent file (db/backup/restore.ts).
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { auditHead, recordAudit } from '../audit/chain';
import { backupName, fsyncPath, verifyBackup } from '../backup/backup';
import { BACKUP_KEY_FILE } from '../backup/manifest';
import { stageBackup, switchLedger, unlockBackup, type BackupCredentials, type RestoreStep } from '../backup/restore';
import { checkBackupFiles, openCopy, tableCounts, verifyContent } from '../backup/verify';
import { findAccount } from '../auth/accounts';
import type { BackupFolders } from '../context';
import { LedgerError } from '../errors';
import { backupStatusOf, type BackupVerifyView } from '../ledger/backup/model';
import type { PushEvent } from '../process-protocol';
import type { KdfParams } from '../store/keyring';
import { PRIVATE_DIR_MODE } from '../store/files';
import { openLedgerDb } from '../store/open';
import { APP_VERSION } from '../version';
import type { BackupInspectView, RestoreResultView, Role } from '../views';
import type { KeyStore } from './keys';
import type { Sessions } from './sessions';

export interface BackupsOptions {
  dir: string;
  dbPath: string;
  dbFile: string;
  keys: KeyStore;
  /** Takes the folder for this process (E_LEDGER_IN_USE when another owns it). */
  claim: () => void;
  sessions: Sessions;
  clock: () => number;
  kdf: KdfParams;
  nativeBinding?: string | undefined;
  push: (event: PushEvent) => void;
}

export class Backups implements BackupFolders {
  constructor(private readonly o: BackupsOptions) {}

  inspect(folder: string): BackupInspectView {
    const m = checkBackupFiles(folder);
    // An unreadable current ledger is exactly when a restore is needed; it is shown as unknown. Its rows are counted
    // only while it is open: a lock keeps its audit head and backup status, not a count of every table.
    const currentId = this.o.keys.ledgerId();
    const { ledger, known } = this.o.sessions;
    const live = ledger ? { auditHead: auditHead(ledger.db, ledger.ledgerId), backup: backupStatusOf(ledger.db, this.o.clock()) } : known;
    return {
      folder,
      createdAt: m.createdAt,
      createdBy: m.createdBy,
      unitName: m.unitName,
      appVersion: m.appVersion,
      schemaVersion: m.schemaVersion,
      ledgerId: m.ledgerId,
      counts: m.counts,
      auditHead: m.auditHead,
      medium: m.medium,
      current: {
        exists: existsSync(this.o.dbPath),
        sameLedger: currentId === m.ledgerId,
        counts: ledger ? tableCounts(ledger.db) : null,
        auditHead: live?.auditHead ?? null,
        lastBackupAt: live?.backup?.lastBackupAt ?? null,
      },
    };
  }

  verify(folder: string, credentials: BackupCredentials | null): BackupVerifyView {
    const m = checkBackupFiles(folder);
    const files = { createdAt: m.createdAt, createdBy: m.createdBy, auditHead: m.auditHead, sha256: m.files['ledger.db'].sha256 };
    if (!credentials) return { ...files, content: null };
    const { key } = unlockBackup(join(folder, BACKUP_KEY_FILE), m, credentials, this.o.kdf);
    try {
      const checked = verifyBackup(folder, key, this.o.nativeBinding);
      return { ...files, auditHead: checked.auditHead, content: { rows: Object.values(checked.counts).reduce((a, b) => a + b, 0) } };
    } finally {
      key.fill(0);
    }
  }

  /**
   * Checks the backup (hashes, key, integrity, counts), stages it beside the ledger with its audit entry already
   * written, keeps the current files as the pre-restore copy and switches by renames under an intent file.
   * Who may run it over an open ledger is the command table's rule (backup.restore); that session is ended first.
   */
  restore(folder: string, credentials: BackupCredentials, needs: readonly Role[]): RestoreResultView {
    const { dir, dbPath, dbFile, sessions } = this.o;
    this.o.claim();
    sessions.logout();
    const step = (s: RestoreStep) => this.o.push({ type: 'progress', task: 'restore', step: s });
    const manifest = checkBackupFiles(folder);
    const { key, keyFile } = unlockBackup(join(folder, BACKUP_KEY_FILE), manifest, credentials, this.o.kdf);
    const now = this.o.clock();
    const stamp = backupName(new Date(now)).replace(/^\D+/, '');
    mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
    let staging: string | null = null;
    try {
      step('stage');
      staging = stageBackup(folder, manifest, dir, stamp);
      step('verify');
      const copy = openCopy(join(staging, dbFile), key, this.o.nativeBinding);
      try {
        verifyContent(copy, manifest);
      } finally {
        copy.close();
      }
      step('prepare');
      // Migrated and given its audit entry before the switch: whatever goes live is complete.
      const db = openLedgerDb(join(staging, dbFile), key, sessions.bindingOption());
      try {
        const account = findAccount(db, credentials.username);
        if (!account || !account.active) throw new LedgerError('E_NO_SUCH_ACCOUNT', { username: credentials.username });
        // Rolling the ledger back is an administrator's decision; the recovery code stands for the administrator.
        if ('password' in credentials && !account.roles.some((r) => needs.includes(r)))
          throw new LedgerError('E_FORBIDDEN', { command: 'backup.restore', needs });
        db.pragma('journal_mode = WAL');
        recordAudit(db, keyFile.ledgerId, {
          at: new Date(now).toISOString(),
          actor: account.username,
          kind: 'backup',
          action: 'backup.restore',
          target: manifest.medium.code,
          summary: {
            from: folder,
            backupCreatedAt: manifest.createdAt,
            backupCreatedBy: manifest.createdBy,
            backupAuditHead: manifest.auditHead,
            unlockedWith: 'password' in credentials ? 'password' : 'recovery-code',
            appVersion: APP_VERSION,
          },
          outcome: 'ok',
        });
      } finally {
        db.close();
      }
      if (existsSync(join(staging, `${dbFile}-wal`))) throw new LedgerError('E_IO');
      fsyncPath(join(staging, dbFile));
      const hadLedger = existsSync(dbPath) || this.o.keys.exists();
      const pre = switchLedger(dir, staging, stamp, step);
      staging = null;
      sessions.lockedUser = null;
      sessions.known = null;
      step('done');
      return { restoredFrom: folder, createdAt: manifest.createdAt, auditHead: manifest.auditHead, preRestoreDir: hadLedger ? pre : null };
    } catch (err) {
      // Before the intent file exists nothing live was touched; the staged copy simply goes.
      if (staging) rmSync(staging, { recursive: true, force: true });
      throw err;
    } finally {
      key.fill(0);
    }
  }
}
