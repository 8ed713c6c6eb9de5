// What the backup commands report beyond db/views: whether a backup is due, and what a check of a backup found.
import { lastBackupAt } from '../../backup/records';
import { backupStatus } from '../../backup/schedule';
import { get, sql, type Db } from '../../store/sql';
import type { BackupStatusView } from '../../views';
import { readSettings } from '../settings';

/** Whether a backup is due at `now` (ms), counted from the last backup or, before the first, from setup. */
export function backupStatusOf(db: Db, now: number): BackupStatusView {
  const since = get<{ value: string }>(db, sql`SELECT value FROM ledger_meta WHERE key = 'created_at'`)?.value ?? new Date(now).toISOString();
  return backupStatus({ lastBackupAt: lastBackupAt(db), since, intervalDays: readSettings(db).backupIntervalDays, now });
}

/** A backup checked: always its files against the manifest's hashes; with a key, its database too. */
export interface BackupVerifyView {
  createdAt: string;
  createdBy: string;
  auditHead: { seq: number; hash: string };
  /** SHA-256 of the backup's ledger.db. */
  sha256: string;
  /** With credentials: the database opened, its integrity checked and its rows counted as in the manifest. */
  content: { rows: number } | null;
}
