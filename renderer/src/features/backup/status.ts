// What the backup status alert says and in which colour: green only when a backup exists, is within its interval
// and no attempt has failed since; never backed up is a warning (an error once the interval has passed).
import type { BackupStatusView } from '../../../../preload/contract';

export type BackupTone = 'success' | 'warning' | 'error';
/** The headline: backup.status.<kind>. */
export type BackupAlertKind = 'ok' | 'due' | 'overdue' | 'never' | 'neverOverdue' | 'failed';

const TONES = { ok: 'success', due: 'warning', overdue: 'error' } as const satisfies Record<BackupStatusView['state'], BackupTone>;

export function backupAlert(status: BackupStatusView): { tone: BackupTone; kind: BackupAlertKind } {
  const late = status.state === 'overdue';
  if (status.lastFailedAt) return { tone: late ? 'error' : 'warning', kind: 'failed' };
  if (!status.lastBackupAt) return late ? { tone: 'error', kind: 'neverOverdue' } : { tone: 'warning', kind: 'never' };
  return { tone: TONES[status.state], kind: status.state };
}
