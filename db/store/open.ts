import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { LedgerError, toLedgerError } from '../errors';
import { createPrivateFile } from './files';
import { assertNotTooNew, migrate, schemaVersion } from './migrate';
import { MIGRATIONS } from './migrations';
import type { Db } from './sql';

/** 'SLDG': marks a database as a Secrecy Ledger. */
export const APPLICATION_ID = 0x534c4447;
const PLAIN_SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export interface OpenOptions {
  /** Create a new ledger file; refuses when one exists. */
  create?: boolean;
  /** Path of a native binding built for another runtime (Electron); Node's own build otherwise. */
  nativeBinding?: string;
  /**
   * 'later': the whole-file check (quick_check, seconds at ten years) is the caller's to run beside the open ledger
   * (checkLedgerFile on a connection of its own); a ledger with migrations pending is still checked before they write.
   * 'now' (the default): checked before this returns.
   */
  integrity?: 'now' | 'later';
}

/**
 * The one way a ledger database is opened: cipher settings, key, proof that the key fits (page 1 and the schema
 * decrypt and verify), identity, version, integrity (unless left for later), then the connection pragmas and
 * migrations. Every refusal happens before the first write, so a wrong key, a foreign file or a newer ledger leave
 * the file exactly as it was.
 */
export function openLedgerDb(path: string, key: Buffer, options: OpenOptions = {}): Db {
  if (key.length !== 32) throw new Error('The database key must be 32 bytes');
  const exists = existsSync(path);
  if (options.create && exists) throw new LedgerError('E_ALREADY_INITIALIZED');
  if (!options.create) {
    if (!exists) throw new LedgerError('E_NO_LEDGER');
    if (startsWithPlainHeader(path)) throw new LedgerError('E_NOT_A_LEDGER');
  }

  let db: Db;
  try {
    if (options.create) createPrivateFile(path);
    db = new Database(path, { fileMustExist: !options.create, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  } catch (err) {
    throw toLedgerError(err);
  }
  try {
    applyKey(db, key);
    if (options.create) {
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma('journal_mode = WAL');
    } else {
      checkExisting(db, options.integrity ?? 'now');
    }
    db.pragma('foreign_keys = ON');
    // Without it, INSERT OR REPLACE deletes the old row without firing delete triggers: an audit entry could be overwritten.
    db.pragma('recursive_triggers = ON');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    migrate(db, MIGRATIONS);
    return db;
  } catch (err) {
    db.close();
    throw toLedgerError(err);
  }
}

const HEX = Buffer.from('0123456789abcdef', 'latin1');

/**
 * The cipher settings, temporary files in memory, and the raw key (SQLCipher's x'<64 hex>' form). The key literal is built in a Buffer and
 * zeroed after use: a JavaScript string of the key could never be wiped and would stay in memory until collected.
 */
export function applyKey(db: Db, key: Buffer): void {
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  // The cipher encrypts the database and its WAL, not SQLite's temporary files (statement journals, sorts): kept in
  // memory, no page of the ledger reaches the disk in plain text (temp-files.test.ts).
  db.pragma('temp_store = MEMORY');
  const literal = Buffer.alloc(key.length * 2 + 3);
  literal[0] = 0x78; // x
  literal[1] = literal[literal.length - 1] = 0x27; // '
  for (let i = 0; i < key.length; i++) {
    literal[2 + 2 * i] = HEX[key[i]! >> 4]!;
    literal[3 + 2 * i] = HEX[key[i]! & 15]!;
  }
  try {
    if (db.key(literal) !== 0) throw new LedgerError('E_INTERNAL', 'the cipher refused the key');
  } finally {
    literal.fill(0);
  }
}

function checkExisting(db: Db, integrity: 'now' | 'later'): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (err) {
    // The key unwrapped from this ledger's own keyslot does not open the file: the file was damaged or swapped.
    if ((err as { code?: string }).code === 'SQLITE_NOTADB') throw new LedgerError('E_CORRUPT');
    throw err;
  }
  if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) {
    throw new LedgerError('E_NOT_A_LEDGER');
  }
  assertNotTooNew(db, MIGRATIONS);
  // Migrations rewrite tables: never on a file not known to be whole.
  if (integrity === 'now' || schemaVersion(db) < MIGRATIONS.length) assertIntact(db);
}

/**
 * SQLite's quick_check: every page of every table and index read (each page's HMAC verified as it is decrypted) and
 * their structure checked; not the index-to-table cross-check of integrity_check, which backups run on their copy.
 */
export function assertIntact(db: Db): void {
  let check: unknown;
  try {
    check = db.pragma('quick_check', { simple: true });
  } catch (err) {
    throw damagedOr(err);
  }
  if (check !== 'ok') throw new LedgerError('E_CORRUPT', { check: String(check) });
}

/**
 * The whole-file check of a ledger another connection has open (WAL: it reads the last committed state and blocks
 * no writer), on a read-only connection of its own. `key` is wiped as soon as the cipher holds it, before the check.
 */
export function checkLedgerFile(path: string, key: Buffer, options: { nativeBinding?: string } = {}): void {
  let db: Db;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  } catch (err) {
    throw toLedgerError(err);
  }
  try {
    try {
      applyKey(db, key);
    } finally {
      key.fill(0);
    }
    db.pragma('busy_timeout = 5000');
    assertIntact(db);
  } finally {
    db.close();
  }
}

/** A page that does not decrypt (SQLITE_NOTADB) is damage like any other, under the key that opened the ledger. */
function damagedOr(err: unknown): LedgerError {
  if ((err as { code?: string }).code === 'SQLITE_NOTADB') return new LedgerError('E_CORRUPT', { cause: 'SQLITE_NOTADB' });
  return toLedgerError(err);
}

function startsWithPlainHeader(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(16);
    return readSync(fd, head, 0, 16, 0) === 16 && head.equals(PLAIN_SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}
