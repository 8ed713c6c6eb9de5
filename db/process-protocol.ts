// Messages between the Electron main process and the backend utilityProcess (db/process.ts).
import type { LedgerErrorShape } from './errors';
import type { BackupStatusView, ReminderCounts } from './views';

export type PushEvent =
  | { type: 'locked'; reason: 'idle' | 'manual' | 'system' }
  /** The session ended; `error` says why when it was not asked for (E_CORRUPT: the background check found damage). */
  | { type: 'logged-out'; error?: LedgerErrorShape }
  /** New reminder counts (overdue loans, deadlines, reviews), sent when they change. */
  | { type: 'reminders'; counts: ReminderCounts }
  /** Whether a backup is due, sent when it changes. */
  | { type: 'backup-status'; status: BackupStatusView }
  /** A long backup or restore reached a step (db/backup/backup.ts BACKUP_STEPS, restore.ts RESTORE_STEPS). */
  | { type: 'progress'; task: 'backup' | 'restore'; step: string };

export type InvokeResult = { ok: true; value: unknown } | { ok: false; error: LedgerErrorShape };

export type ToBackend =
  | { type: 'invoke'; id: number; name: string; input: unknown }
  /** The OS locked the screen or is suspending: lock the ledger too. */
  | { type: 'system-lock' }
  | { type: 'shutdown' };

export type FromBackend =
  { type: 'ready' } | { type: 'result'; id: number; result: InvokeResult } | { type: 'push'; event: PushEvent } | { type: 'fatal'; error: LedgerErrorShape };
