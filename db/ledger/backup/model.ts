// What the backup commands report beyond db/views: whether a backup is due, and what a check of a backup found.
import { lastBackupAt } from '../../backup/records';
import { backupStatus } from '../../backup/schedule';
import { get, sql, type Db } from '../../store/sql';
import type { BackupStatusView } from '../../views';
import { readSettings } from '../settings';

/** Whether a backup is due at `now` (ms), counted from the last backup or, before the first, from setup. */
export function backupStatusOf(db: Db, now: number): BackupStatusView {
  const since = get<{ value: string }>(db, sql`SELECT value FROM ledger_meta WHERE key = 'created_at'`)?.value ?? new Date(now).toISOString();
  const status = backupStatus({ lastBackupAt: lastBackupAt(db), since, intervalDays: readSettings(db).backupIntervalDays, now });
  return { ...status, lastFailedAt: lastFailedAt(db) };
}

/**
 * When the latest backup attempt failed (a target gone, a disk full: the runner's 'failed', not a refused input),
 * if no backup has succeeded since. The audit log is the record of attempts; its (kind, seq) index finds them.
 */
function lastFailedAt(db: Db): string | null {
  const last = get<{ at: string; outcome: string }>(
    db,
    sql`SELECT at, outcome FROM audit_log WHERE kind = 'backup' AND action = 'backup.run' AND outcome IN ('ok', 'failed') ORDER BY seq DESC LIMIT 1`,
  );
  return last?.outcome === 'failed' ? last.at : null;
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
