import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { fileSize, openRaw, sha256File, tempDir } from '../testing';
import { schemaVersion } from './migrate';
import { MIGRATIONS } from './migrations';
import { APPLICATION_ID, openLedgerDb } from './open';

const code = (code: string) => expect.objectContaining({ code });

/** A closed ledger database file (WAL checkpointed away) and its key. */
function closedLedger(): { path: string; key: Buffer } {
  const path = join(tempDir(), 'ledger.db');
  const key = randomBytes(32);
  const db = openLedgerDb(path, key, { create: true });
  db.prepare(`INSERT INTO ledger_meta (key, value) VALUES ('ledger_id', 'x')`).run();
  db.close();
  return { path, key };
}

describe('openLedgerDb', () => {
  it('creates an encrypted, migrated WAL database marked as a ledger', () => {
    const path = join(tempDir(), 'ledger.db');
    const db = openLedgerDb(path, randomBytes(32), { create: true });
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    db.close();
    expect(readFileSync(path).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
  });

  it('reopens with the same key', () => {
    const { path, key } = closedLedger();
    const db = openLedgerDb(path, key);
    expect(db.prepare(`SELECT value FROM ledger_meta WHERE key = 'ledger_id'`).get()).toEqual({ value: 'x' });
    db.close();
  });

  it('refuses to create over an existing file, to open a missing one, and a key that is not 32 bytes', () => {
    const { path, key } = closedLedger();
    const before = sha256File(path);
    expect(() => openLedgerDb(path, key, { create: true })).toThrow(code('E_ALREADY_INITIALIZED'));
    expect(sha256File(path)).toBe(before);
    expect(() => openLedgerDb(join(tempDir(), 'none.db'), key)).toThrow(code('E_NO_LEDGER'));
    expect(() => openLedgerDb(path, randomBytes(16))).toThrow(/32 bytes/);
  });

  it('a wrong key is refused at the first read, and the file is unchanged', () => {
    const { path } = closedLedger();
    const before = sha256File(path);
    expect(() => openLedgerDb(path, randomBytes(32))).toThrow(code('E_CORRUPT'));
    expect(sha256File(path)).toBe(before);
    expect(fileSize(`${path}-wal`)).toBe(0);
  });

  it('a plain SQLite database is not a ledger, and is left unchanged', () => {
    const path = join(tempDir(), 'ledger.db');
    const plain = new Database(path);
    plain.exec(`CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('plain')`);
    plain.close();
    const before = sha256File(path);
    expect(() => openLedgerDb(path, randomBytes(32))).toThrow(code('E_NOT_A_LEDGER'));
    expect(sha256File(path)).toBe(before);
  });

  it('an encrypted database without the ledger application_id is not a ledger', () => {
    const path = join(tempDir(), 'other.db');
    const key = randomBytes(32);
    const other = openRaw(path, key, { create: true });
    other.exec(`CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('someone else''s encrypted db')`);
    other.close();
    const before = sha256File(path);
    expect(() => openLedgerDb(path, key)).toThrow(code('E_NOT_A_LEDGER'));
    expect(sha256File(path)).toBe(before);
  });

  it('an empty file is not a ledger and stays empty', () => {
    const path = join(tempDir(), 'ledger.db');
    writeFileSync(path, '');
    expect(() => openLedgerDb(path, randomBytes(32))).toThrow(code('E_NOT_A_LEDGER'));
    expect(fileSize(path)).toBe(0);
  });

  it('a ledger with a newer schema version is refused with E_LEDGER_TOO_NEW before anything is written', () => {
    const { path, key } = closedLedger();
    const raw = openRaw(path, key);
    raw.pragma('user_version = 99');
    raw.close();
    const before = sha256File(path);
    expect(() => openLedgerDb(path, key)).toThrow(
      expect.objectContaining({ code: 'E_LEDGER_TOO_NEW', details: { fileVersion: 99, appVersion: MIGRATIONS.length } }),
    );
    expect(sha256File(path)).toBe(before);
    expect(existsSync(`${path}-wal`) && fileSize(`${path}-wal`) > 0).toBe(false);
  });

  it('INSERT OR REPLACE cannot overwrite an audit entry through a ledger connection', () => {
    const path = join(tempDir(), 'ledger.db');
    const db = openLedgerDb(path, randomBytes(32), { create: true });
    const insert = (verb: string, hash: string) =>
      db.prepare(`${verb} INTO audit_log (seq, at, kind, action, summary, outcome, prev_hash, hash) VALUES (1, 'now', 'k', 'a', '{}', 'ok', 'p', ?)`).run(hash);
    insert('INSERT', 'original');
    expect(() => insert('INSERT OR REPLACE', 'forged')).toThrow(/append-only/);
    expect(() => insert('REPLACE', 'forged')).toThrow(/append-only/);
    expect(db.prepare('SELECT hash FROM audit_log').all()).toEqual([{ hash: 'original' }]);
    db.close();
  });
});
