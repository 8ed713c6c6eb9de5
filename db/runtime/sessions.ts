// The ledger's state in this process: no ledger, locked, or unlocked with one signed-in session. Setup, sign-in,
// unlock, recovery, lock and logout; the key file is changed only through KeyStore.
import { auditHead } from '../audit/chain';
import { findAccount, recordLogin, recordPasswordSet, type Account } from '../auth/accounts';
import { assertPasswordAllowed } from '../auth/passwords';
import type { LockReason, Session, SessionEnd, SessionGate } from '../context';
import { LedgerError, toLedgerError } from '../errors';
import { backupStatusOf } from '../ledger/backup/model';
import { readSettings } from '../ledger/settings';
import type { PushEvent } from '../process-protocol';
import type { KeyFile } from '../store/keyring';
import type { BackupStatusView, LedgerStatus, SessionInfo } from '../views';
import type { KeyStore } from './keys';
import { audit, closeLedger, createLedger, INTEGRITY_ACTION, openLedger, type NewLedger, type OpenLedger } from './open-ledger';

/** What was known when the ledger was last open in this run: the lock screen and restore show it. */
export interface KnownLedger {
  backup: BackupStatusView;
  auditHead: { seq: number; hash: string };
}

export interface SessionsOptions {
  dir: string;
  dbPath: string;
  keys: KeyStore;
  /** Takes the folder for this process (E_LEDGER_IN_USE when another owns it); before any file is opened or written. */
  claim: () => void;
  clock: () => number;
  /** Milliseconds from any origin that only ever move forward (performance.now): the idle lock's clock. */
  monotonic: () => number;
  nativeBinding?: string | undefined;
  /** Every opening checks the whole file before it writes: a one-command process (the CLI) ends before a check beside it would. */
  checkEveryOpen?: boolean;
  push: (event: PushEvent) => void;
  /** A session began: what was last pushed to the previous one no longer counts. */
  onStart: () => void;
}

export class Sessions implements SessionGate, SessionEnd {
  ledger: OpenLedger | null = null;
  session: Session | null = null;
  lockedUser: { username: string; displayName: string } | null = null;
  known: KnownLedger | null = null;
  /** When the signed-in user last did something, on the monotonic clock. */
  private lastActivity = 0;
  /** A background check found damage or could not finish: the next opening checks the whole file before it writes. */
  private checkAtOpen = false;

  constructor(private readonly o: SessionsOptions) {}

  status(): LedgerStatus {
    if (!this.o.keys.exists()) return { state: 'no-ledger', backup: null, session: null, lockedUser: null, retryAfterMs: 0 };
    if (this.session && this.ledger)
      return { state: 'unlocked', backup: backupStatusOf(this.ledger.db, this.o.clock()), session: this.sessionInfo(), lockedUser: null, retryAfterMs: 0 };
    return { state: 'locked', backup: this.known?.backup ?? null, session: null, lockedUser: this.lockedUser, retryAfterMs: this.o.keys.retryAfterMs() };
  }

  setup(input: NewLedger): { session: SessionInfo; recoveryCode: string } {
    this.o.claim();
    const { ledger, account, recoveryCode } = createLedger(input, {
      dir: this.o.dir,
      dbPath: this.o.dbPath,
      keys: this.o.keys,
      at: this.isoNow(),
      binding: this.bindingOption(),
    });
    this.start(ledger, account);
    return { session: this.sessionInfo(), recoveryCode };
  }

  login(username: string, password: string): SessionInfo {
    if (this.session) this.logout();
    return this.signIn(username, password, 'session.login');
  }

  unlock(password: string): SessionInfo {
    if (!this.lockedUser) throw new LedgerError('E_NOT_LOGGED_IN');
    return this.signIn(this.lockedUser.username, password, 'session.unlock');
  }

  recover(username: string, recoveryCode: string, newPassword: string): { session: SessionInfo; recoveryCode: string } {
    this.o.claim();
    if (this.session) this.logout();
    const keys: KeyStore = this.o.keys; // annotated, so that refuse() (never) narrows the key
    const keyFile = keys.readChecked('session.recover', username);
    const key = keys.unwrapRecoveryCode(keyFile, recoveryCode);
    if (!key) keys.refuse('session.recover', username, 'E_WRONG_RECOVERY_CODE');
    const ledger = this.openWithKey(keyFile, key);
    try {
      const account = findAccount(ledger.db, username);
      if (!account) throw new LedgerError('E_NO_SUCH_ACCOUNT', { username });
      // A disabled account stays disabled: re-enabling is the administrator's decision, not the code holder's.
      if (!account.active) throw new LedgerError('E_ACCOUNT_DISABLED');
      assertPasswordAllowed(newPassword, readSettings(ledger.db).passwordPolicy);
      const at = this.isoNow();
      const newCode = ledger.db
        .transaction(() => {
          keys.importSealedAttempts(ledger, keyFile);
          recordPasswordSet(ledger.db, account.id, at, false);
          recordLogin(ledger.db, account.id, at);
          audit(ledger, {
            at,
            actor: account.username,
            kind: 'session',
            action: 'session.recover',
            target: account.username,
            summary: { newRecoveryCode: true },
            outcome: 'ok',
          });
          return keys.recovered(keyFile, ledger.key, account.username, newPassword);
        })
        .immediate();
      this.start(ledger, { ...account, mustChangePassword: false });
      return { session: this.sessionInfo(), recoveryCode: newCode };
    } catch (err) {
      // The code was right, so the refusal can be written straight into the log.
      const error = toLedgerError(err);
      if (ledger.db.open) {
        audit(ledger, {
          at: this.isoNow(),
          actor: username,
          kind: 'session',
          action: 'session.recover',
          target: username,
          // The code and its typed details, never a sentence: the reader sees it in their own language.
          summary: error.details ? { details: error.details } : {},
          outcome: 'refused',
          errorCode: error.code,
        });
      }
      closeLedger(ledger);
      throw error;
    }
  }

  lock(reason: LockReason): null {
    return this.leave('session.lock', { reason }, true, { type: 'locked', reason });
  }

  logout(): null {
    return this.leave('session.logout', {}, false, { type: 'logged-out' });
  }

  /** The user did something: the idle time starts again. */
  touch(): void {
    this.lastActivity = this.o.monotonic();
  }

  /** How long the user has been idle: measured on the monotonic clock, so setting the wall clock moves nothing. */
  idleMs(): number {
    return this.o.monotonic() - this.lastActivity;
  }

  sessionInfo(): SessionInfo {
    if (!this.session || !this.ledger) throw new LedgerError('E_NOT_LOGGED_IN');
    const settings = readSettings(this.ledger.db);
    const { username, displayName, roles, mustChangePassword } = this.session;
    return { username, displayName, roles: [...roles], mustChangePassword, unitName: settings.unitName, idleMinutes: settings.idleMinutes };
  }

  /** Process exit: locks (an audit entry) if signed in, then closes the database and drops the key. */
  close(): void {
    if (this.session && this.ledger) this.lock('system');
    if (this.ledger) closeLedger(this.ledger);
    this.ledger = null;
  }

  private signIn(username: string, password: string, action: 'session.login' | 'session.unlock'): SessionInfo {
    this.o.claim();
    const keys: KeyStore = this.o.keys; // annotated, so that refuse() (never) narrows the key
    const keyFile = keys.readChecked(action, username);
    const key = keys.unwrapPassword(keyFile, username, password);
    // Unlocking asks only the password: the refusal may not speak of a user name.
    if (!key) keys.refuse(action, username, action === 'session.unlock' ? 'E_WRONG_OWN_PASSWORD' : 'E_WRONG_PASSWORD');
    const ledger = this.openWithKey(keyFile, key);
    try {
      const account = findAccount(ledger.db, username);
      const at = this.isoNow();
      if (!account || !account.active) {
        audit(ledger, { at, actor: username, kind: 'session', action, target: username, summary: {}, outcome: 'refused', errorCode: 'E_ACCOUNT_DISABLED' });
        throw new LedgerError('E_ACCOUNT_DISABLED');
      }
      ledger.db
        .transaction(() => {
          keys.importSealedAttempts(ledger, keyFile);
          recordLogin(ledger.db, account.id, at);
          audit(ledger, { at, actor: account.username, kind: 'session', action, target: account.username, summary: {}, outcome: 'ok' });
        })
        .immediate();
      keys.signedIn(keyFile);
      this.start(ledger, account);
      return this.sessionInfo();
    } catch (err) {
      closeLedger(ledger);
      throw err;
    }
  }

  /** Ends the session with its audit entry; a lock keeps who was signed in, for the lock screen. */
  private leave(action: string, summary: Record<string, unknown>, keepUser: boolean, event: PushEvent): null {
    const { session, ledger } = this;
    if (!session || !ledger) return null;
    try {
      audit(ledger, { at: this.isoNow(), actor: session.username, kind: 'session', action, target: session.username, summary, outcome: 'ok' });
    } finally {
      // Even when the entry cannot be written (the database busy past the timeout): an unattended screen must not
      // stay open. The caller gets the coded reason.
      this.lockedUser = keepUser ? { username: session.username, displayName: session.displayName } : null;
      this.end();
      this.o.push(event);
    }
    return null;
  }

  /**
   * The ledger opened with an unwrapped key; if it does not open, that copy of the key is wiped. Its whole file is
   * checked beside the session, or at once after a check that found damage or could not finish.
   */
  private openWithKey(keyFile: KeyFile, key: Buffer): OpenLedger {
    const now = this.checkAtOpen || this.o.checkEveryOpen === true;
    try {
      const ledger = openLedger(this.o.dbPath, keyFile, key, this.bindingOption(), now ? { now } : { now, found: (l, error) => this.found(l, error) });
      this.checkAtOpen = false;
      return ledger;
    } catch (err) {
      key.fill(0);
      throw err;
    }
  }

  /**
   * The background check found the ledger damaged: the session ends at once (connection closed, key wiped), with an
   * audit entry if one can still be written, and the screen is told why. A check that could not finish ends nothing;
   * either way the next sign-in checks before it writes.
   */
  private found(ledger: OpenLedger, error: LedgerError): void {
    this.checkAtOpen = true;
    const { session } = this;
    if (this.ledger !== ledger || !session || error.code !== 'E_CORRUPT') return;
    try {
      audit(ledger, {
        at: this.isoNow(),
        actor: session.username,
        kind: 'ledger',
        action: INTEGRITY_ACTION,
        target: null,
        summary: error.details ? { details: error.details } : {},
        outcome: 'refused',
        errorCode: error.code,
      });
    } catch {
      // The damage may be where the entry would go; the session ends all the same.
    }
    this.lockedUser = null;
    this.end();
    this.o.push({ type: 'logged-out', error: error.toJSON() });
  }

  private start(ledger: OpenLedger, account: Account): void {
    this.o.onStart();
    this.ledger = ledger;
    this.session = {
      accountId: account.id,
      username: account.username,
      displayName: account.displayName,
      roles: account.roles,
      mustChangePassword: account.mustChangePassword,
    };
    this.lockedUser = null;
    this.touch();
  }

  private end(): void {
    if (this.ledger) {
      const { db, ledgerId } = this.ledger;
      try {
        // Cheap reads only: counting every row of every table took a second or more at ten years, on each lock. The audit
        // head already names the state the ledger was left in; restore counts rows only while it is open.
        this.known = { backup: backupStatusOf(db, this.o.clock()), auditHead: auditHead(db, ledgerId) };
      } catch {
        this.known = null; // a summary for the lock screen is not worth failing a lock over
      }
      closeLedger(this.ledger);
    }
    this.ledger = null;
    this.session = null;
  }

  private isoNow(): string {
    return new Date(this.o.clock()).toISOString();
  }

  bindingOption(): { nativeBinding?: string } {
    return this.o.nativeBinding ? { nativeBinding: this.o.nativeBinding } : {};
  }
}
