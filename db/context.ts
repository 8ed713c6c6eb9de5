import type { BackupCredentials } from './backup/restore';
import type { BackupSource } from './backup/backup';
import type { Db } from './store/sql';
import type { BackupInspectView, LedgerSettings, LedgerStatus, RestoreResultView, Role, SessionInfo } from './views';

export interface Session {
  accountId: number;
  username: string;
  displayName: string;
  roles: Role[];
  mustChangePassword: boolean;
}

/** What a command may add to its own audit entry: the target and a before/after summary. */
export interface AuditNote {
  target?: string;
  summary?: Record<string, unknown>;
}

/** Operations on the session itself, implemented by the service (they manage the key). */
export interface SessionControl {
  status(): LedgerStatus;
  setup(input: { unitName: string; username: string; displayName: string; password: string }): { session: SessionInfo; recoveryCode: string };
  login(username: string, password: string): SessionInfo;
  unlock(password: string): SessionInfo;
  recover(username: string, recoveryCode: string, newPassword: string): { session: SessionInfo; recoveryCode: string };
  lock(reason: 'manual' | 'idle' | 'system'): null;
  logout(): null;
  sessionInfo(): SessionInfo;
  /** A backup folder's manifest and hashes (no key), beside what is known of the current ledger. */
  inspectBackup(folder: string): BackupInspectView;
  /** Replaces the ledger by a backup (signed out afterwards); an administrator's session is ended first. */
  restoreBackup(folder: string, credentials: BackupCredentials): RestoreResultView;
}

/** Keyslot operations; each rewrites the key file at once, so call them last inside the command's transaction. */
export interface KeyOps {
  setPassword(username: string, password: string): void;
  removePassword(username: string): void;
  /** True when the password opens this user's slot; a wrong one counts toward the failed-attempt delay. */
  checkPassword(username: string, password: string): boolean;
}

export interface PublicContext {
  control: SessionControl;
}

export interface SignedInContext {
  db: Db;
  ledgerId: string;
  session: Session;
  /** ISO time of this command: one clock reading for every row it writes. */
  now: string;
  keys: KeyOps;
  control: SessionControl;
  settings(): LedgerSettings;
  note(note: AuditNote): void;
  /** The live ledger's files and key, for a command that copies it (backup.run). */
  backupSource(): BackupSource;
  /** Tells the host how far a long command got. */
  progress(task: 'backup' | 'restore', step: string): void;
}
