// One ledger folder as every host drives it: the parts in db/runtime/ wired together. Every host calls `invoke`,
// so validation, role checks and audit are the same everywhere.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { completePendingRestore, RESTORE_INTENT_FILE } from './backup/restore';
import type { LockReason } from './context';
import type { InvokeResult, PushEvent } from './process-protocol';
import { FolderClaim, type LockHolder } from './runtime/folder-lock';
import { KeyStore } from './runtime/keys';
import { Pushes } from './runtime/pushes';
import { Backups } from './runtime/restore';
import { Runner } from './runtime/runner';
import { Sessions } from './runtime/sessions';
import { DEFAULT_KDF, KEY_FILE, type KdfParams } from './store/keyring';
import type { LedgerStatus } from './views';

export { redact } from './runtime/runner';
export type { PushEvent };

export const LEDGER_DB_FILE = 'ledger.db';
export { KEY_FILE } from './store/keyring';

export interface ServiceOptions {
  /** The folder holding ledger.db and ledger.keys. */
  dir: string;
  /** Milliseconds since the epoch; tests and the test host move it forward. */
  clock?: () => number;
  /** The idle lock's clock: milliseconds that only move forward, whatever the wall clock does (performance.now). */
  monotonic?: () => number;
  kdf?: KdfParams;
  nativeBinding?: string;
  /** Who this process is, named to a second process refused the folder (E_LEDGER_IN_USE). */
  holder?: LockHolder;
  onPush?: (event: PushEvent) => void;
}

export class LedgerService {
  readonly dbPath: string;
  readonly keyPath: string;
  private readonly sessions: Sessions;
  private readonly pushes: Pushes;
  private readonly runner: Runner;
  private readonly claim: FolderClaim;

  constructor(options: ServiceOptions) {
    const { dir, nativeBinding } = options;
    this.dbPath = join(dir, LEDGER_DB_FILE);
    this.keyPath = join(dir, KEY_FILE);
    const clock = options.clock ?? Date.now;
    const kdf = options.kdf ?? DEFAULT_KDF;
    const push = (event: PushEvent) => options.onPush?.(event);
    this.claim = new FolderClaim(dir, options.holder ?? 'app', { nativeBinding, clock });
    const claim = () => this.claim.ensure();
    const monotonic = options.monotonic ?? (() => performance.now());
    const keys = new KeyStore(dir, this.keyPath, this.dbPath, kdf, clock, claim, monotonic);
    // The CLI runs one command and ends: it checks the whole file at sign-in, as the app does beside the session.
    const checkEveryOpen = options.holder === 'cli';
    this.sessions = new Sessions({
      dir,
      dbPath: this.dbPath,
      keys,
      claim,
      clock,
      monotonic,
      nativeBinding,
      checkEveryOpen,
      push,
      onStart: () => this.pushes.reset(),
    });
    this.pushes = new Pushes(this.sessions, clock, push);
    const backups = new Backups({ dir, dbPath: this.dbPath, dbFile: LEDGER_DB_FILE, keys, claim, sessions: this.sessions, clock, kdf, nativeBinding, push });
    this.runner = new Runner({
      sessions: this.sessions,
      backups,
      clock,
      keyOps: (ledger) => keys.opsFor(ledger),
      backupSource: (ledger) => ({ dbPath: this.dbPath, keyPath: this.keyPath, key: ledger.key, nativeBinding }),
      push,
      written: () => this.pushes.written(),
    });
    // A restore cut short (power loss, kill) is finished before anything reads the folder, by its owner. If its
    // record is damaged, or another process owns the folder, the backend still starts; opening the ledger reports
    // why (KeyStore.readChecked, under the claim).
    if (existsSync(join(dir, RESTORE_INTENT_FILE))) {
      try {
        this.claim.ensure();
        completePendingRestore(dir);
      } catch {
        // Reported, with its code, by the next attempt to open the ledger.
      }
    }
  }

  invoke(name: string, rawInput: unknown): InvokeResult {
    return this.runner.invoke(name, rawInput);
  }

  /** What the hosts call: `invoke`, plus the file steps of an import or export (see Runner.invokeAsync). */
  invokeAsync(name: string, rawInput: unknown): Promise<InvokeResult> {
    return this.runner.invokeAsync(name, rawInput);
  }

  status(): LedgerStatus {
    return this.sessions.status();
  }

  /** The OS locked the screen or is suspending (or a test): lock the ledger too. */
  lock(reason: LockReason): null {
    return this.sessions.lock(reason);
  }

  /** Hosts call this every few seconds: the idle lock, and pushes of what changed. */
  tick(): void {
    try {
      this.pushes.tick();
    } catch {
      // The timer has no caller to answer: a busy or failing database (the idle lock has locked all the same, its
      // entry unwritten) is tried again on the next tick, never an uncaught exception that ends the backend.
    }
  }

  /** Process exit: locks (an audit entry) if signed in, closes the database, drops the key and lets the folder go. */
  close(): void {
    try {
      this.sessions.close();
    } finally {
      this.claim.release();
    }
  }
}
