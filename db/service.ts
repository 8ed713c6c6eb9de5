import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { appendAudit, auditHead, type AuditDraft } from './audit/chain';
import { backupName, fsyncPath } from './backup/backup';
import { BACKUP_KEY_FILE } from './backup/manifest';
import { lastBackupAt } from './backup/records';
import { completePendingRestore, stageBackup, switchLedger, unlockBackup, type BackupCredentials, type RestoreStep } from './backup/restore';
import { backupStatus } from './backup/schedule';
import { checkBackupFiles, openCopy, tableCounts, verifyContent } from './backup/verify';
import { findAccount, insertAccount, recordLogin, recordPasswordSet, type Account } from './auth/accounts';
import { assertPasswordAllowed, BASE_POLICY } from './auth/passwords';
import { isFileCommand, type SignedInCommand } from './command-kit';
import { findCommand } from './commands';
import type { AuditNote, KeyOps, Session, SessionControl, SignedInContext } from './context';
import { LedgerError, toLedgerError, validate } from './errors';
import { dayOf, reminderCounts } from './ledger/documents/queries';
import { defaultSettings, readSettings, writeSettings } from './ledger/settings';
import type { InvokeResult, PushEvent } from './process-protocol';
import {
  DEFAULT_KDF,
  newAuditKeyPair,
  newRecoveryCode,
  normalizeRecoveryCode,
  passwordSlotId,
  readKeyFile,
  RECOVERY_SLOT_ID,
  retryAfterMs,
  seal,
  unseal,
  unwrapDecoy,
  unwrapKey,
  wrapKey,
  writeKeyFile,
  KEY_FILE_FORMAT,
  type KdfParams,
  type KeyFile,
} from './store/keyring';
import { openLedgerDb } from './store/open';
import { get, run, sql, type Db } from './store/sql';
import { APP_VERSION } from './version';
import type { BackupInspectView, BackupStatusView, LedgerSettings, LedgerStatus, RestoreResultView, SessionInfo } from './views';

export type { PushEvent };

export const LEDGER_DB_FILE = 'ledger.db';
export const KEY_FILE = 'ledger.keys';
/** Failed attempts kept sealed while locked; beyond this only the count is kept. */
const MAX_PENDING_AUDIT = 1000;

export interface ServiceOptions {
  /** The folder holding ledger.db and ledger.keys. */
  dir: string;
  /** Milliseconds since the epoch; tests and the test host move it forward. */
  clock?: () => number;
  kdf?: KdfParams;
  nativeBinding?: string;
  onPush?: (event: PushEvent) => void;
}

/** A file command's input read by its `prepare` step, or why it could not be read. */
type Prepared = { value: unknown } | { error: LedgerError };

interface OpenLedger {
  db: Db;
  key: Buffer;
  ledgerId: string;
  auditPrivateKey: string;
}

interface SealedAttempt {
  at: string;
  action: string;
  username: string;
  errorCode: string;
}

/** How often the idle tick also looks for reminders that changed with time alone (a loan becoming overdue). */
const REMINDER_CHECK_MS = 60_000;

/** Codes that mean the work failed (rather than a rule refusing it): audited as 'failed'. */
const FAILURES = new Set(['E_INTERNAL', 'E_IO', 'E_DISK_FULL', 'E_BACKUP_TARGET_UNAVAILABLE', 'E_BACKUP_DAMAGED']);

/** Keys that never reach an audit summary. */
const SECRET_FIELD = /password|recoverycode/i;

export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.slice(0, 50).map(redact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_FIELD.test(k) ? '[redacted]' : redact(v)]));
  }
  if (typeof value === 'string' && value.length > 500) return `${value.slice(0, 500)}…`;
  return value;
}

/**
 * One ledger folder: its locked or unlocked state, the signed-in session and the command runner.
 * Every host drives the ledger through `invoke`, so validation, role checks and audit are the same everywhere.
 */
export class LedgerService implements SessionControl {
  readonly dbPath: string;
  readonly keyPath: string;
  private readonly clock: () => number;
  private readonly kdf: KdfParams;
  private ledger: OpenLedger | null = null;
  private session: Session | null = null;
  private lockedUser: { username: string; displayName: string } | null = null;
  private lastActivity = 0;
  private lastReminders = '';
  private lastReminderCheck = 0;
  private remindersDirty = false;
  private lastBackupStatus = '';
  /** What was known when the ledger was last open in this run: the lock screen and restore show it. */
  private known: { backup: BackupStatusView; counts: Record<string, number>; auditHead: { seq: number; hash: string } } | null = null;

  constructor(private readonly options: ServiceOptions) {
    this.dbPath = join(options.dir, LEDGER_DB_FILE);
    this.keyPath = join(options.dir, KEY_FILE);
    this.clock = options.clock ?? Date.now;
    this.kdf = options.kdf ?? DEFAULT_KDF;
    // A restore cut short (power loss, kill) is finished before anything reads the folder. If its record is
    // damaged the backend still starts; opening the ledger reports why (readKeyFileChecked).
    try {
      completePendingRestore(options.dir);
    } catch {
      // Reported, with its code, by the next attempt to open the ledger.
    }
  }

  // ---- the command runner -------------------------------------------------------------------

  invoke(name: string, rawInput: unknown): InvokeResult {
    return this.settle(() => this.run(name, rawInput, null));
  }

  /**
   * What the hosts call: `invoke`, plus the asynchronous steps of a file command (import, export): its file is
   * read before the command runs and written after it, outside the transaction. Commands still run one at a time.
   */
  async invokeAsync(name: string, rawInput: unknown): Promise<InvokeResult> {
    const cmd = findCommand(name);
    if (!cmd || !isFileCommand(cmd)) return this.invoke(name, rawInput);
    const session = this.session;
    const input = cmd.input.safeParse(rawInput ?? {});
    let prepared: Prepared = { value: undefined };
    // Only for a signed-in caller allowed to run it with valid input; otherwise `run` refuses it as usual.
    if (session && input.success && (cmd.roles === 'any' || cmd.roles.some((r) => session.roles.includes(r)))) {
      try {
        prepared = { value: await cmd.prepare(input.data) };
      } catch (err) {
        prepared = { error: toLedgerError(err) };
      }
    }
    const result = this.settle(() => this.run(name, rawInput, prepared));
    if (!result.ok) return result;
    try {
      return { ok: true, value: await cmd.finish(result.value) };
    } catch (err) {
      return { ok: false, error: toLedgerError(err).toJSON() };
    }
  }

  private settle(work: () => unknown): InvokeResult {
    try {
      return { ok: true, value: work() };
    } catch (err) {
      const error = toLedgerError(err);
      return { ok: false, error: error.toJSON() };
    }
  }

  private run(name: string, rawInput: unknown, prepared: Prepared | null): unknown {
    const cmd = findCommand(name);
    if (!cmd) throw new LedgerError('E_UNKNOWN_COMMAND', `There is no command "${name}".`, { name });
    if (cmd.access === 'public') return cmd.run({ control: this }, validate(cmd.input, rawInput));

    const { session, ledger } = this;
    if (!session || !ledger) throw new LedgerError('E_NOT_LOGGED_IN', 'Sign in first.');
    const now = this.isoNow();
    this.lastActivity = this.clock();
    let note: AuditNote = {};
    const ctx: SignedInContext = {
      db: ledger.db,
      ledgerId: ledger.ledgerId,
      session,
      now,
      keys: this.keyOps(ledger),
      control: this,
      settings: () => readSettings(ledger.db),
      note: (n) => {
        note = n;
      },
      backupSource: () => ({ dbPath: this.dbPath, keyPath: this.keyPath, key: ledger.key, nativeBinding: this.options.nativeBinding }),
      progress: (task, step) => this.options.onPush?.({ type: 'progress', task, step }),
    };
    try {
      if (cmd.roles !== 'any' && !cmd.roles.some((r) => session.roles.includes(r))) {
        throw new LedgerError('E_FORBIDDEN', `"${name}" needs the role ${cmd.roles.join(' or ')}.`, { command: name, needs: cmd.roles });
      }
      if (session.mustChangePassword && !cmd.duringPasswordChange) {
        throw new LedgerError('E_PASSWORD_CHANGE_REQUIRED', 'Replace the temporary password first.');
      }
      const input = validate(cmd.input, rawInput);
      let runIt = (): unknown => (cmd as SignedInCommand<z.ZodType, unknown>).run(ctx, input);
      if (isFileCommand(cmd)) {
        if (!prepared) throw new LedgerError('E_INTERNAL', `"${name}" reads or writes a file: call it through invokeAsync.`);
        if ('error' in prepared) throw prepared.error;
        runIt = () => cmd.run(ctx, input, prepared.value);
      }
      if (!cmd.mutates) return runIt();
      const out = ledger.db.transaction(() => {
        const value = runIt();
        this.audit(ledger, { actor: session.username, at: now, kind: kindOf(name), action: name, target: note.target ?? null, summary: note.summary ?? { input: redact(input) }, outcome: 'ok' });
        return value;
      }).immediate();
      // Counted on the next tick, not here: a command's latency should not pay for the dashboard.
      this.remindersDirty = true;
      return out;
    } catch (err) {
      const error = toLedgerError(err);
      // The refused command wrote nothing (its transaction rolled back); the refusal itself is recorded.
      if (this.ledger) {
        this.audit(this.ledger, {
          actor: session.username,
          at: now,
          kind: kindOf(name),
          action: name,
          target: null,
          summary: { input: redact(rawInput), reason: error.message },
          outcome: FAILURES.has(error.code) ? 'failed' : 'refused',
          errorCode: error.code,
        });
      }
      throw error;
    }
  }

  // ---- SessionControl -----------------------------------------------------------------------

  status(): LedgerStatus {
    const backup = this.known?.backup ?? null;
    if (!existsSync(this.keyPath)) return { state: 'no-ledger', backup: null, session: null, lockedUser: null, retryAfterMs: 0 };
    let wait = 0;
    try {
      wait = retryAfterMs(readKeyFile(this.keyPath), this.clock());
    } catch {
      // A damaged key file is reported by the next login attempt, with its code.
    }
    return this.session
      ? { state: 'unlocked', backup: this.backupStatusNow(), session: this.sessionInfo(), lockedUser: null, retryAfterMs: 0 }
      : { state: 'locked', backup, session: null, lockedUser: this.lockedUser, retryAfterMs: wait };
  }

  setup(input: { unitName: string; username: string; displayName: string; password: string }): { session: SessionInfo; recoveryCode: string } {
    if (existsSync(this.keyPath) || existsSync(this.dbPath)) throw new LedgerError('E_ALREADY_INITIALIZED', 'A ledger already exists in this folder.');
    assertPasswordAllowed(input.password, BASE_POLICY);
    mkdirSync(this.options.dir, { recursive: true });
    const key = randomBytes(32);
    const ledgerId = randomUUID();
    const auditKeys = newAuditKeyPair();
    const recoveryCode = newRecoveryCode();
    const at = this.isoNow();
    let db: Db | null = null;
    try {
      db = openLedgerDb(this.dbPath, key, { create: true, ...this.bindingOption() });
      const ledger: OpenLedger = { db, key, ledgerId, auditPrivateKey: auditKeys.privateKey };
      const account = db.transaction(() => {
        for (const [k, v] of Object.entries({ ledger_id: ledgerId, created_at: at, created_by_app: APP_VERSION, audit_private_key: auditKeys.privateKey })) {
          run(db!, sql`INSERT INTO ledger_meta (key, value) VALUES (${k}, ${v})`);
        }
        writeSettings(db!, defaultSettings(input.unitName));
        const acc = insertAccount(db!, { username: input.username, displayName: input.displayName, roles: ['admin', 'custodian'], mustChangePassword: false, at });
        this.audit(ledger, { at, actor: acc.username, kind: 'ledger', action: 'ledger.setup', target: acc.username, summary: { roles: acc.roles, appVersion: APP_VERSION }, outcome: 'ok' });
        writeKeyFile(this.keyPath, {
          format: KEY_FILE_FORMAT,
          version: 1,
          ledgerId,
          slots: [wrapKey(ledgerId, passwordSlotId(ledgerId, acc.username), key, input.password, this.kdf), wrapKey(ledgerId, RECOVERY_SLOT_ID, key, normalizeRecoveryCode(recoveryCode), this.kdf)],
          auditKey: auditKeys.publicKey,
          throttle: { failures: 0, lastFailureAt: null },
          pendingAudit: [],
        });
        return acc;
      }).immediate();
      this.startSession(ledger, account);
      return { session: this.sessionInfo(), recoveryCode };
    } catch (err) {
      // Nothing half-made stays behind: a folder with a ledger but no key file could never be opened.
      db?.close();
      for (const f of [this.keyPath, this.dbPath, `${this.dbPath}-wal`, `${this.dbPath}-shm`]) rmSync(f, { force: true });
      throw err;
    }
  }

  login(username: string, password: string): SessionInfo {
    if (this.session) this.logout();
    return this.signIn(username, password, 'session.login');
  }

  unlock(password: string): SessionInfo {
    if (!this.lockedUser) throw new LedgerError('E_NOT_LOGGED_IN', 'Nothing is locked; sign in.');
    return this.signIn(this.lockedUser.username, password, 'session.unlock');
  }

  recover(username: string, recoveryCode: string, newPassword: string): { session: SessionInfo; recoveryCode: string } {
    if (this.session) this.logout();
    const keyFile = this.readKeyFileChecked('session.recover', username);
    const slot = keyFile.slots.find((s) => s.id === RECOVERY_SLOT_ID);
    const key = slot ? unwrapKey(keyFile.ledgerId, slot, normalizeRecoveryCode(recoveryCode)) : unwrapDecoy(recoveryCode, this.kdf);
    if (!key) this.refuseAttempt(keyFile, 'session.recover', username, 'E_WRONG_RECOVERY_CODE');
    const ledger = this.openWithKey(keyFile, key!);
    try {
      const account = findAccount(ledger.db, username);
      if (!account) throw new LedgerError('E_NO_SUCH_ACCOUNT', `There is no account "${username}".`, { username });
      // A disabled account stays disabled: re-enabling is the administrator's decision, not the code holder's.
      if (!account.active) throw new LedgerError('E_ACCOUNT_DISABLED', 'This account is disabled.');
      assertPasswordAllowed(newPassword, readSettings(ledger.db).passwordPolicy);
      const newCode = newRecoveryCode();
      const at = this.isoNow();
      ledger.db.transaction(() => {
        this.importSealedAttempts(ledger, keyFile);
        recordPasswordSet(ledger.db, account.id, at, false);
        recordLogin(ledger.db, account.id, at);
        this.audit(ledger, { at, actor: account.username, kind: 'session', action: 'session.recover', target: account.username, summary: { newRecoveryCode: true }, outcome: 'ok' });
        const others = keyFile.slots.filter((s) => s.id !== RECOVERY_SLOT_ID && s.id !== passwordSlotId(keyFile.ledgerId, account.username));
        writeKeyFile(this.keyPath, {
          ...keyFile,
          // The used code is spent: a new one replaces it.
          slots: [...others, wrapKey(keyFile.ledgerId, passwordSlotId(keyFile.ledgerId, account.username), ledger.key, newPassword, this.kdf), wrapKey(keyFile.ledgerId, RECOVERY_SLOT_ID, ledger.key, normalizeRecoveryCode(newCode), this.kdf)],
          throttle: { failures: 0, lastFailureAt: null },
          pendingAudit: [],
        });
      }).immediate();
      this.startSession(ledger, { ...account, mustChangePassword: false });
      return { session: this.sessionInfo(), recoveryCode: newCode };
    } catch (err) {
      // The code was right, so the refusal can be written straight into the log.
      const error = toLedgerError(err);
      if (ledger.db.open) {
        this.audit(ledger, { at: this.isoNow(), actor: username, kind: 'session', action: 'session.recover', target: username, summary: { reason: error.message }, outcome: 'refused', errorCode: error.code });
      }
      this.closeLedger(ledger);
      throw error;
    }
  }

  lock(reason: 'manual' | 'idle' | 'system'): null {
    const { session, ledger } = this;
    if (!session || !ledger) return null;
    this.audit(ledger, { at: this.isoNow(), actor: session.username, kind: 'session', action: 'session.lock', target: session.username, summary: { reason }, outcome: 'ok' });
    this.lockedUser = { username: session.username, displayName: session.displayName };
    this.endSession();
    this.options.onPush?.({ type: 'locked', reason });
    return null;
  }

  logout(): null {
    const { session, ledger } = this;
    if (!session || !ledger) return null;
    this.audit(ledger, { at: this.isoNow(), actor: session.username, kind: 'session', action: 'session.logout', target: session.username, summary: {}, outcome: 'ok' });
    this.lockedUser = null;
    this.endSession();
    this.options.onPush?.({ type: 'logged-out' });
    return null;
  }

  sessionInfo(): SessionInfo {
    if (!this.session || !this.ledger) throw new LedgerError('E_NOT_LOGGED_IN', 'Sign in first.');
    const settings: LedgerSettings = readSettings(this.ledger.db);
    return {
      username: this.session.username,
      displayName: this.session.displayName,
      roles: [...this.session.roles],
      mustChangePassword: this.session.mustChangePassword,
      unitName: settings.unitName,
      idleMinutes: settings.idleMinutes,
    };
  }

  // ---- idle lock and shutdown ---------------------------------------------------------------

  /** Hosts call this every few seconds; locks when the user has been idle longer than the setting. */
  tick(): void {
    if (!this.session || !this.ledger) return;
    if (this.clock() - this.lastActivity >= readSettings(this.ledger.db).idleMinutes * 60_000) {
      this.lock('idle');
      return;
    }
    if (this.remindersDirty || this.clock() - this.lastReminderCheck >= REMINDER_CHECK_MS) {
      this.pushBackupStatus();
      this.pushReminders();
    }
  }

  /** Whether a backup is due now; null when no ledger is open. */
  backupStatusNow(): BackupStatusView | null {
    if (!this.ledger) return null;
    const db = this.ledger.db;
    const since = get<{ value: string }>(db, sql`SELECT value FROM ledger_meta WHERE key = 'created_at'`)?.value ?? this.isoNow();
    return backupStatus({ lastBackupAt: lastBackupAt(db), since, intervalDays: readSettings(db).backupIntervalDays, now: this.clock() });
  }

  private pushBackupStatus(): void {
    const status = this.backupStatusNow();
    if (!status) return;
    const key = JSON.stringify(status);
    if (key === this.lastBackupStatus) return;
    this.lastBackupStatus = key;
    this.options.onPush?.({ type: 'backup-status', status });
  }

  // ---- restore ------------------------------------------------------------------------------

  inspectBackup(folder: string): BackupInspectView {
    const m = checkBackupFiles(folder);
    let currentId: string | null = null;
    try {
      currentId = existsSync(this.keyPath) ? readKeyFile(this.keyPath).ledgerId : null;
    } catch {
      // An unreadable current ledger is exactly when a restore is needed; it is shown as unknown.
    }
    const live = this.ledger ? { counts: tableCounts(this.ledger.db), auditHead: auditHead(this.ledger.db, this.ledger.ledgerId), backup: this.backupStatusNow() } : this.known;
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
        exists: existsSync(this.dbPath),
        sameLedger: currentId === m.ledgerId,
        counts: live?.counts ?? null,
        auditHead: live?.auditHead ?? null,
        lastBackupAt: live?.backup?.lastBackupAt ?? null,
      },
    };
  }

  /**
   * Checks the backup (hashes, key, integrity, counts), stages it beside the ledger with its audit entry already
   * written, keeps the current files as the pre-restore copy and switches by renames under an intent file.
   */
  restoreBackup(folder: string, credentials: BackupCredentials): RestoreResultView {
    if (this.session) {
      if (!this.session.roles.includes('admin')) throw new LedgerError('E_FORBIDDEN', 'Only an administrator may restore a backup over the open ledger.', { command: 'backup.restore', needs: ['admin'] });
      this.logout();
    }
    const step = (s: RestoreStep) => this.options.onPush?.({ type: 'progress', task: 'restore', step: s });
    const manifest = checkBackupFiles(folder);
    const { key, keyFile } = unlockBackup(join(folder, BACKUP_KEY_FILE), manifest, credentials, this.kdf);
    const now = this.clock();
    const stamp = backupName(new Date(now)).replace(/^\D+/, '');
    mkdirSync(this.options.dir, { recursive: true });
    let staging: string | null = null;
    try {
      step('stage');
      staging = stageBackup(folder, manifest, this.options.dir, stamp);
      step('verify');
      const copy = openCopy(join(staging, LEDGER_DB_FILE), key, this.options.nativeBinding);
      try {
        verifyContent(copy, manifest);
      } finally {
        copy.close();
      }
      step('prepare');
      // Migrated and given its audit entry before the switch: whatever goes live is complete.
      const db = openLedgerDb(join(staging, LEDGER_DB_FILE), key, this.bindingOption());
      try {
        const account = findAccount(db, credentials.username);
        if (!account || !account.active) throw new LedgerError('E_NO_SUCH_ACCOUNT', `There is no active account "${credentials.username}" in the backup.`, { username: credentials.username });
        db.pragma('journal_mode = WAL');
        appendAudit(db, keyFile.ledgerId, {
          at: new Date(now).toISOString(),
          actor: account.username,
          kind: 'backup',
          action: 'backup.restore',
          target: manifest.medium.code,
          summary: { from: folder, backupCreatedAt: manifest.createdAt, backupCreatedBy: manifest.createdBy, backupAuditHead: manifest.auditHead, unlockedWith: 'password' in credentials ? 'password' : 'recovery-code', appVersion: APP_VERSION },
          outcome: 'ok',
        });
      } finally {
        db.close();
      }
      if (existsSync(join(staging, `${LEDGER_DB_FILE}-wal`))) throw new LedgerError('E_IO', 'The staged ledger kept a write-ahead log after closing.');
      fsyncPath(join(staging, LEDGER_DB_FILE));
      const hadLedger = existsSync(this.dbPath) || existsSync(this.keyPath);
      const pre = switchLedger(this.options.dir, staging, stamp, step);
      staging = null;
      this.lockedUser = null;
      this.known = null;
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

  /** Sends the reminder counts to the UI when they differ from what it was last sent. */
  private pushReminders(): void {
    const { session, ledger } = this;
    if (!session || !ledger || !session.roles.some((r) => r === 'custodian' || r === 'approver' || r === 'auditor')) return;
    this.lastReminderCheck = this.clock();
    this.remindersDirty = false;
    const counts = reminderCounts(ledger.db, dayOf(this.clock(), readSettings(ledger.db).reminderDays));
    const key = JSON.stringify(counts);
    if (key === this.lastReminders) return;
    this.lastReminders = key;
    this.options.onPush?.({ type: 'reminders', counts });
  }

  /** Process exit: locks (an audit entry) if signed in, then closes the database and drops the key. */
  close(): void {
    if (this.session && this.ledger) this.lock('system');
    if (this.ledger) this.closeLedger(this.ledger);
    this.ledger = null;
  }

  // ---- internals ----------------------------------------------------------------------------

  private signIn(username: string, password: string, action: 'session.login' | 'session.unlock'): SessionInfo {
    const keyFile = this.readKeyFileChecked(action, username);
    const slot = keyFile.slots.find((s) => s.id === passwordSlotId(keyFile.ledgerId, username));
    const key = slot ? unwrapKey(keyFile.ledgerId, slot, password) : unwrapDecoy(password, this.kdf);
    if (!key) this.refuseAttempt(keyFile, action, username, 'E_WRONG_PASSWORD');
    const ledger = this.openWithKey(keyFile, key!);
    try {
      const account = findAccount(ledger.db, username);
      const at = this.isoNow();
      if (!account || !account.active) {
        this.audit(ledger, { at, actor: username, kind: 'session', action, target: username, summary: {}, outcome: 'refused', errorCode: 'E_ACCOUNT_DISABLED' });
        throw new LedgerError('E_ACCOUNT_DISABLED', 'This account is disabled.');
      }
      ledger.db.transaction(() => {
        this.importSealedAttempts(ledger, keyFile);
        recordLogin(ledger.db, account.id, at);
        this.audit(ledger, { at, actor: account.username, kind: 'session', action, target: account.username, summary: {}, outcome: 'ok' });
      }).immediate();
      if (keyFile.throttle.failures > 0 || keyFile.pendingAudit.length > 0) {
        writeKeyFile(this.keyPath, { ...keyFile, throttle: { failures: 0, lastFailureAt: null }, pendingAudit: [] });
      }
      this.startSession(ledger, account);
      return this.sessionInfo();
    } catch (err) {
      this.closeLedger(ledger);
      throw err;
    }
  }

  /** The key file, unless attempts are paused; a paused attempt is itself sealed for the audit log. */
  private readKeyFileChecked(action: string, username: string): KeyFile {
    completePendingRestore(this.options.dir);
    if (!existsSync(this.keyPath)) {
      throw existsSync(this.dbPath)
        ? new LedgerError('E_NOT_A_LEDGER', 'The key file beside the ledger is missing.')
        : new LedgerError('E_NO_LEDGER', 'There is no ledger in this folder.');
    }
    const keyFile = readKeyFile(this.keyPath);
    const wait = retryAfterMs(keyFile, this.clock());
    if (wait > 0) {
      writeKeyFile(this.keyPath, this.withSealedAttempt(keyFile, { at: this.isoNow(), action, username, errorCode: 'E_TOO_MANY_ATTEMPTS' }));
      throw new LedgerError('E_TOO_MANY_ATTEMPTS', 'Too many wrong attempts; wait before trying again.', { retryAfterMs: wait });
    }
    return keyFile;
  }

  private withSealedAttempt(keyFile: KeyFile, attempt: SealedAttempt): KeyFile {
    if (keyFile.pendingAudit.length >= MAX_PENDING_AUDIT) return keyFile;
    return { ...keyFile, pendingAudit: [...keyFile.pendingAudit, seal(keyFile.auditKey, attempt)] };
  }

  /** Counts the failure, seals it for the audit log, and throws. The database is not touched. */
  private refuseAttempt(keyFile: KeyFile, action: string, username: string, code: 'E_WRONG_PASSWORD' | 'E_WRONG_RECOVERY_CODE'): never {
    const now = this.clock();
    const attempt: SealedAttempt = { at: new Date(now).toISOString(), action, username, errorCode: code };
    const failures = keyFile.throttle.failures + 1;
    const updated: KeyFile = { ...this.withSealedAttempt(keyFile, attempt), throttle: { failures, lastFailureAt: now } };
    writeKeyFile(this.keyPath, updated);
    throw new LedgerError(code, code === 'E_WRONG_PASSWORD' ? 'Wrong username or password.' : 'Wrong recovery code.', {
      failures,
      retryAfterMs: retryAfterMs(updated, now),
    });
  }

  private openWithKey(keyFile: KeyFile, key: Buffer): OpenLedger {
    const db = openLedgerDb(this.dbPath, key, this.bindingOption());
    const meta = (k: string) => get<{ value: string }>(db, sql`SELECT value FROM ledger_meta WHERE key = ${k}`)?.value;
    if (meta('ledger_id') !== keyFile.ledgerId) {
      db.close();
      throw new LedgerError('E_NOT_A_LEDGER', 'The key file and the database belong to different ledgers.');
    }
    return { db, key, ledgerId: keyFile.ledgerId, auditPrivateKey: meta('audit_private_key') ?? '' };
  }

  /** Moves failed attempts recorded while locked into the audit log, in the order they happened. */
  private importSealedAttempts(ledger: OpenLedger, keyFile: KeyFile): void {
    for (const sealed of keyFile.pendingAudit) {
      const attempt = z
        .object({ at: z.string(), action: z.string(), username: z.string(), errorCode: z.string() })
        .safeParse(unseal(ledger.auditPrivateKey, sealed));
      if (!attempt.success) continue;
      const { at, action, username, errorCode } = attempt.data;
      this.audit(ledger, { at, actor: username, kind: 'session', action, target: username, summary: { recordedWhileLocked: true }, outcome: 'refused', errorCode });
    }
  }

  private keyOps(ledger: OpenLedger): KeyOps {
    const update = (change: (k: KeyFile) => KeyFile) => writeKeyFile(this.keyPath, change(readKeyFile(this.keyPath)));
    return {
      setPassword: (username, password) =>
        update((k) => {
          const id = passwordSlotId(k.ledgerId, username);
          return { ...k, slots: [...k.slots.filter((s) => s.id !== id), wrapKey(k.ledgerId, id, ledger.key, password, this.kdf)] };
        }),
      removePassword: (username) =>
        update((k) => {
          const id = passwordSlotId(k.ledgerId, username);
          return { ...k, slots: k.slots.filter((s) => s.id !== id) };
        }),
      checkPassword: (username, password) => {
        const k = readKeyFile(this.keyPath);
        // The same delay as on the lock screen: an unlocked screen is no place to guess a password faster.
        const wait = retryAfterMs(k, this.clock());
        if (wait > 0) throw new LedgerError('E_TOO_MANY_ATTEMPTS', 'Too many wrong attempts; wait before trying again.', { retryAfterMs: wait });
        const slot = k.slots.find((s) => s.id === passwordSlotId(k.ledgerId, username));
        const key = slot && unwrapKey(k.ledgerId, slot, password);
        if (key && key.equals(ledger.key)) {
          if (k.throttle.failures > 0) writeKeyFile(this.keyPath, { ...k, throttle: { failures: 0, lastFailureAt: null } });
          return true;
        }
        writeKeyFile(this.keyPath, { ...k, throttle: { failures: k.throttle.failures + 1, lastFailureAt: this.clock() } });
        return false;
      },
    };
  }

  private startSession(ledger: OpenLedger, account: Account): void {
    this.lastReminders = '';
    this.lastBackupStatus = '';
    this.lastReminderCheck = 0;
    this.ledger = ledger;
    this.session = { accountId: account.id, username: account.username, displayName: account.displayName, roles: account.roles, mustChangePassword: account.mustChangePassword };
    this.lockedUser = null;
    this.lastActivity = this.clock();
  }

  private endSession(): void {
    if (this.ledger) {
      try {
        this.known = { backup: this.backupStatusNow()!, counts: tableCounts(this.ledger.db), auditHead: auditHead(this.ledger.db, this.ledger.ledgerId) };
      } catch {
        this.known = null; // a summary for the lock screen is not worth failing a lock over
      }
      this.closeLedger(this.ledger);
    }
    this.ledger = null;
    this.session = null;
  }

  /** Locking drops the key: the connection closes and the key bytes are overwritten. */
  private closeLedger(ledger: OpenLedger): void {
    if (ledger.db.open) ledger.db.close();
    ledger.key.fill(0);
  }

  private audit(ledger: OpenLedger, draft: AuditDraft): void {
    appendAudit(ledger.db, ledger.ledgerId, draft);
  }

  private isoNow(): string {
    return new Date(this.clock()).toISOString();
  }

  private bindingOption(): { nativeBinding?: string } {
    return this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {};
  }
}

function kindOf(name: string): string {
  return name.split('.')[0] ?? name;
}

