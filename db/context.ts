import type { BackupCredentials } from './backup/restore';
import type { BackupSource } from './backup/backup';
import type { BackupVerifyView } from './ledger/backup/model';
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

export type LockReason = 'manual' | 'idle' | 'system';

/** What a public command may do about the session: see the state, set up, sign in, unlock, recover. */
export interface SessionGate {
  status(): LedgerStatus;
  setup(input: { unitName: string; username: string; displayName: string; password: string }): { session: SessionInfo; recoveryCode: string };
  login(username: string, password: string): SessionInfo;
  unlock(password: string): SessionInfo;
  recover(username: string, recoveryCode: string, newPassword: string): { session: SessionInfo; recoveryCode: string };
}

/** What a signed-in command may do to its own session: end it. */
export interface SessionEnd {
  lock(reason: LockReason): null;
  logout(): null;
}

/** Backup folders, read without the ledger: a manifest beside the current ledger, a check, a restore. */
export interface BackupFolders {
  /** A backup folder's manifest and hashes (no key), beside what is known of the current ledger. */
  inspect(folder: string): BackupInspectView;
  /** The files against their hashes; with credentials, also the database opened and checked against the manifest. */
  verify(folder: string, credentials: BackupCredentials | null): BackupVerifyView;
  /**
   * Replaces the ledger by a backup (signed out afterwards); a signed-in session is ended first. A password must be
   * of an account of the backup holding one of `needs`; the backup's recovery code stands for any account.
   */
  restore(folder: string, credentials: BackupCredentials, needs: readonly Role[]): RestoreResultView;
}

/** Keyslot operations; each rewrites the key file at once, so call them last inside the command's transaction. */
export interface KeyOps {
  setPassword(username: string, password: string): void;
  removePassword(username: string): void;
  /** True when the password opens this user's slot; a wrong one counts toward the failed-attempt delay. */
  checkPassword(username: string, password: string): boolean;
}

export interface PublicContext {
  sessions: SessionGate;
  backups: BackupFolders;
}

export interface SignedInContext {
  db: Db;
  ledgerId: string;
  session: Session;
  /** ISO time of this command: one clock reading for every row it writes. */
  now: string;
  keys: KeyOps;
  endSession: SessionEnd;
  settings(): LedgerSettings;
  note(note: AuditNote): void;
  /** The live ledger's files and key, for a command that copies it (backup.run). */
  backupSource(): BackupSource;
  /** Tells the host how far a long command got. */
  progress(task: 'backup' | 'restore', step: string): void;
}
