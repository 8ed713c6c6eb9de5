// One owner per ledger folder. The owner holds an OS file lock on `ledger.lock` (SQLite's own locking on a small
// plain database: fcntl on Unix, LockFileEx on Windows), so the lock dies with its process, even under SIGKILL or
// power loss: a dead owner's lock is free at once, with no staleness guess. The lock is a RESERVED lock (an open
// write transaction), which still lets others read the committed row naming the owner, for their refusal.
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { LedgerError, toLedgerError } from '../errors';
import { PRIVATE_DIR_MODE } from '../store/files';
import type { Db } from '../store/sql';

export const FOLDER_LOCK_FILE = 'ledger.lock';

/** Which kind of program holds a ledger folder. */
export type LockHolder = 'app' | 'cli';

export interface FolderOwner {
  holder: LockHolder;
  pid: number;
  since: string;
}

export interface FolderLock {
  readonly owner: FolderOwner;
  /** Gives up this share; the OS lock goes with the process's last share. Releasing twice is harmless. */
  release(): void;
}

export interface FolderLockOptions {
  nativeBinding?: string | undefined;
  /** Wall time of `since`. */
  clock?: () => number;
}

/** How long to wait for a lock being let go (an owner closing): not for an owner at work. */
const WAIT_MS = 200;

/** The folders this process owns: every LedgerService of the process on one folder shares its lock. */
const held = new Map<string, { db: Db; owner: FolderOwner; shares: number }>();

/** Takes the folder's lock, or throws E_LEDGER_IN_USE naming the process that holds it. Creates the folder (0700). */
export function acquireFolderLock(dir: string, holder: LockHolder, options: FolderLockOptions = {}): FolderLock {
  const key = resolve(dir);
  const entry = held.get(key) ?? take(key, holder, options);
  held.set(key, entry);
  entry.shares += 1;
  let released = false;
  return {
    owner: entry.owner,
    release() {
      if (released) return;
      released = true;
      entry.shares -= 1;
      if (entry.shares > 0) return;
      held.delete(key);
      // Rolling back the open transaction and closing lets the OS lock go; the file stays (see take()).
      entry.db.close();
    },
  };
}

/** A service's claim on its folder: taken when the ledger is first opened or written, kept until close(). */
export class FolderClaim {
  private lock: FolderLock | null = null;
  constructor(
    private readonly dir: string,
    private readonly holder: LockHolder,
    private readonly options: FolderLockOptions,
  ) {}

  /** Throws E_LEDGER_IN_USE, before anything is read or written, when another process owns the folder. */
  ensure(): void {
    this.lock ??= acquireFolderLock(this.dir, this.holder, this.options);
  }

  release(): void {
    this.lock?.release();
    this.lock = null;
  }
}

function take(dir: string, holder: LockHolder, options: FolderLockOptions): { db: Db; owner: FolderOwner; shares: number } {
  const path = join(dir, FOLDER_LOCK_FILE);
  let db: Db;
  try {
    mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
    // Created 0600 before SQLite opens it. Never unlinked: removing it while another process is opening it would
    // let two processes lock two different files of one name.
    closeSync(openSync(path, 'a', 0o600));
    db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (err) {
    throw toLedgerError(err);
  }
  try {
    db.pragma(`busy_timeout = ${WAIT_MS}`);
    db.exec('CREATE TABLE IF NOT EXISTS owner (one INTEGER PRIMARY KEY CHECK (one = 1), holder TEXT NOT NULL, pid INTEGER NOT NULL, since TEXT NOT NULL)');
    const owner: FolderOwner = { holder, pid: process.pid, since: new Date((options.clock ?? Date.now)()).toISOString() };
    // Won, named, committed (so others can read who it is), then held by a write transaction that stays open.
    // Between the commit and the second BEGIN another process may win: then it is the owner and this one is refused.
    db.exec('BEGIN IMMEDIATE');
    db.prepare('INSERT OR REPLACE INTO owner (one, holder, pid, since) VALUES (1, ?, ?, ?)').run(owner.holder, owner.pid, owner.since);
    db.exec('COMMIT');
    db.exec('BEGIN IMMEDIATE');
    return { db, owner, shares: 0 };
  } catch (err) {
    const error = toLedgerError(err);
    if (error.code !== 'E_LEDGER_IN_USE') {
      db.close();
      throw error;
    }
    const owner = readOwner(db);
    db.close();
    throw new LedgerError('E_LEDGER_IN_USE', { ...(error.details?.['cause'] ? { cause: String(error.details['cause']) } : {}), ...owner });
  }
}

/** The owner named in the lock file, or nothing when it cannot be read just now. */
function readOwner(db: Db): Partial<FolderOwner> {
  try {
    if (db.inTransaction) db.exec('ROLLBACK');
    const row = db.prepare('SELECT holder, pid, since FROM owner WHERE one = 1').get() as FolderOwner | undefined;
    return row ? { holder: row.holder, pid: row.pid, since: row.since } : {};
  } catch {
    return {};
  }
}
