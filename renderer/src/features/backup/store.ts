// Backup slice: whether a backup is due, the history, the approved media, running one, and restore (also signed out).
import { send } from '../../api';
import type { BackupInspectView, BackupStatusView, BackupView, CommandOutput, RestoreResultView } from '../../../../preload/contract';
import type { SliceCreator } from '../../store/types';

export const BACKUP_PAGE_SIZE = 20;

export type BackupMedia = CommandOutput<'backup.media'>;
export type BackupResult = CommandOutput<'backup.run'>;
export type RestoreInput = { folder: string; username: string } & ({ password: string } | { recoveryCode: string });

export interface BackupSlice {
  backupStatus: BackupStatusView | null;
  /** The step a running backup or restore last reported (db/backup BACKUP_STEPS / RESTORE_STEPS). */
  backupProgress: string | null;
  backupRows: BackupView[];
  backupTotal: number;
  backupPage: number;
  backupMedia: BackupMedia | null;
  /** The last restore of this run, for the login screen (kept across the sign-out the restore causes). */
  lastRestore: RestoreResultView | null;
  setBackupStatus(status: BackupStatusView): void;
  setBackupProgress(step: string | null): void;
  loadBackupStatus(): Promise<void>;
  loadBackups(page?: number): Promise<void>;
  loadBackupMedia(): Promise<void>;
  runBackup(mediumId: number, folder: string): Promise<BackupResult>;
  inspectBackup(folder: string): Promise<BackupInspectView>;
  /** Replaces the ledger; the session (if any) ends, so the status is read again. */
  restoreBackup(input: RestoreInput): Promise<RestoreResultView>;
}

export const initialBackup = {
  backupStatus: null,
  backupProgress: null,
  backupRows: [],
  backupTotal: 0,
  backupPage: 1,
  backupMedia: null,
} satisfies Partial<BackupSlice>;

export const createBackupSlice: SliceCreator<BackupSlice> = (set, get, session) => {
  session.clearsOnEnd(initialBackup);
  return {
    ...initialBackup,

    setBackupStatus(status) {
      set({ backupStatus: status });
    },

    setBackupProgress(step) {
      set({ backupProgress: step });
    },

    async loadBackupStatus() {
      set({ backupStatus: await send('backup.status', {}) });
    },

    async loadBackups(page = get().backupPage) {
      const { total, rows } = await send('backup.list', { offset: (page - 1) * BACKUP_PAGE_SIZE, limit: BACKUP_PAGE_SIZE });
      set({ backupPage: page, backupTotal: total, backupRows: rows });
    },

    async loadBackupMedia() {
      set({ backupMedia: await send('backup.media', {}) });
    },

    async runBackup(mediumId, folder) {
      set({ backupProgress: null });
      try {
        const result = await send('backup.run', { mediumId, folder });
        await Promise.all([get().loadBackups(1), get().loadBackupStatus()]);
        return result;
      } finally {
        set({ backupProgress: null });
      }
    },

    inspectBackup(folder) {
      return send('backup.inspect', { folder });
    },

    lastRestore: null,

    async restoreBackup(input) {
      try {
        const result = await send('backup.restore', input);
        set({ lastRestore: result });
        return result;
      } finally {
        set({ backupProgress: null });
        await get().refreshStatus();
      }
    },
  };
};
