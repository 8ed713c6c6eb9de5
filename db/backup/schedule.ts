// When a backup is due: pure, so the dashboard, the lock screen and the quit prompt agree.
import type { BackupStatusView } from '../views';

const DAY = 86_400_000;

/**
 * `ok` until the interval has passed since the last backup (or since the ledger was made, if never backed up),
 * `due` for the day after that, `overdue` from then on.
 */
export function backupStatus(input: { lastBackupAt: string | null; since: string; intervalDays: number; now: number }): Omit<BackupStatusView, 'lastFailedAt'> {
  const from = Date.parse(input.lastBackupAt ?? input.since);
  const dueAt = from + input.intervalDays * DAY;
  const state = input.now < dueAt ? 'ok' : input.now < dueAt + DAY ? 'due' : 'overdue';
  return { state, lastBackupAt: input.lastBackupAt, dueAt: new Date(dueAt).toISOString(), intervalDays: input.intervalDays };
}
