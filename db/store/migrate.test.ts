import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRaw, sha256File, tempDir } from '../testing';
import { assertNotTooNew, checkMigrations, migrate, schemaVersion, type Migration } from './migrate';
import { MIGRATIONS } from './migrations';
import type { Db } from './sql';

/** A fresh encrypted database (SQLCipher settings and a random key), without any migration. */
function encryptedDb(): { db: Db; path: string; key: Buffer } {
  const path = join(tempDir(), 'm.db');
  const key = randomBytes(32);
  const db = openRaw(path, key, { create: true });
  db.pragma('journal_mode = WAL');
  return { db, path, key };
}

const tables = (db: Db) => (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);

function createTable(version: number, table: string, calls?: number[]): Migration {
  return {
    version,
    name: `create ${table}`,
    up(db) {
      calls?.push(version);
      db.exec(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY) STRICT; INSERT INTO ${table} (id) VALUES (1);`);
    },
  };
}
const failing = (version: number, how: 'throw' | 'sql' = 'throw'): Migration => ({
  version,
  name: 'fails',
  up(db) {
    if (how === 'sql') db.exec('CREATE TABLE broken (id INTEGER PRIMARY KEY) STRICT; INSERT INTO no_such_table VALUES (1);');
    else throw new Error('migration failed halfway');
  },
});

describe('checkMigrations', () => {
  it('accepts a list numbered 1, 2, 3 ... and the real list', () => {
    expect(() => checkMigrations([])).not.toThrow();
    expect(() => checkMigrations([createTable(1, 'a'), createTable(2, 'b')])).not.toThrow();
    expect(() => checkMigrations(MIGRATIONS)).not.toThrow();
  });

  it.each([
    ['a gap', [1, 3]],
    ['not starting at 1', [2, 3]],
    ['a duplicate', [1, 1]],
    ['a wrong order', [2, 1]],
    ['starting at 0', [0, 1]],
  ])('refuses %s', (_name, versions) => {
    expect(() => checkMigrations(versions.map((v, i) => createTable(v, `t${i}`)))).toThrow(/expected/);
  });
});

describe('migrate', () => {
  it('runs every migration on a new database and sets user_version; a second run does nothing', () => {
    const { db } = encryptedDb();
    const calls: number[] = [];
    const list = [createTable(1, 'a', calls), createTable(2, 'b', calls), createTable(3, 'c', calls)];
    expect(migrate(db, list)).toEqual({ from: 0, to: 3 });
    expect(schemaVersion(db)).toBe(3);
    expect(tables(db)).toEqual(['a', 'b', 'c']);
    expect(migrate(db, list)).toEqual({ from: 3, to: 3 });
    expect(calls).toEqual([1, 2, 3]);
    db.close();
  });

  it('runs only the pending migrations', () => {
    const { db } = encryptedDb();
    const calls: number[] = [];
    migrate(db, [createTable(1, 'a', calls)]);
    expect(migrate(db, [createTable(1, 'a', calls), createTable(2, 'b', calls), createTable(3, 'c', calls)])).toEqual({ from: 1, to: 3 });
    expect(calls).toEqual([1, 2, 3]);
    expect(schemaVersion(db)).toBe(3);
    db.close();
  });

  it.each(['throw', 'sql'] as const)('runs all pending ones in one transaction: a failure (%s) leaves user_version and the schema untouched', (how) => {
    const { db } = encryptedDb();
    expect(() => migrate(db, [createTable(1, 'a'), createTable(2, 'b'), failing(3, how)])).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db)).toEqual([]);
    db.close();
  });

  it('a failure after earlier upgrades keeps the earlier version and nothing of the pending ones', () => {
    const { db } = encryptedDb();
    migrate(db, [createTable(1, 'a')]);
    expect(() => migrate(db, [createTable(1, 'a'), createTable(2, 'b'), failing(3)])).toThrow('migration failed halfway');
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).toEqual(['a']);
    db.close();
  });

  it('checks the list before touching the database', () => {
    const { db } = encryptedDb();
    expect(() => migrate(db, [createTable(1, 'a'), createTable(3, 'c')])).toThrow(/expected 2/);
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db)).toEqual([]);
    db.close();
  });

  it('refuses a database newer than the list with E_LEDGER_TOO_NEW and changes nothing', () => {
    const { db, path } = encryptedDb();
    const calls: number[] = [];
    migrate(db, [createTable(1, 'a'), createTable(2, 'b'), createTable(3, 'c')]);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const before = sha256File(path);
    const list = [createTable(1, 'a', calls), createTable(2, 'b', calls)];
    expect(() => migrate(db, list)).toThrow(expect.objectContaining({ code: 'E_LEDGER_TOO_NEW', details: { fileVersion: 3, appVersion: 2 } }));
    expect(() => assertNotTooNew(db, list)).toThrow(expect.objectContaining({ code: 'E_LEDGER_TOO_NEW' }));
    expect(() => assertNotTooNew(db, [...list, createTable(3, 'c')])).not.toThrow();
    expect(calls).toEqual([]);
    expect(schemaVersion(db)).toBe(3);
    db.close();
    expect(sha256File(path)).toBe(before);
  });
});
