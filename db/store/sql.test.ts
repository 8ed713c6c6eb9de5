import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { all, get, run, sql, type Db } from './sql';

let db: Db;
beforeEach(() => {
  db = new Database(':memory:');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, n INTEGER, b BLOB)');
});
afterEach(() => db.close());

describe('sql template', () => {
  it('turns every interpolation into a bound parameter, never into text', () => {
    const name = `x'); DROP TABLE t; --`;
    const q = sql`INSERT INTO t (name, n) VALUES (${name}, ${42})`;
    expect(q.text).toBe('INSERT INTO t (name, n) VALUES (?, ?)');
    expect(q.values).toEqual([name, 42]);
    expect(q.text).not.toContain('DROP');
  });

  it('an injection string round-trips as data and the table survives', () => {
    const evil = [`'; DROP TABLE t; --`, `" OR 1=1 --`, `\\'); DELETE FROM t; --`, '保密\0零字节'];
    for (const name of evil) run(db, sql`INSERT INTO t (name) VALUES (${name})`);
    const rows = all<{ name: string }>(db, sql`SELECT name FROM t ORDER BY id`);
    expect(rows.map((r) => r.name)).toEqual(evil);
    // Looked up by the same string, exactly one row matches: the string was compared, not executed.
    expect(get<{ n: number }>(db, sql`SELECT count(*) AS n FROM t WHERE name = ${evil[1]}`)!.n).toBe(1);
  });

  it('binds booleans as 1/0, undefined as NULL, and passes bigint and Buffer through', () => {
    const blob = Buffer.from([0, 1, 2, 255]);
    run(db, sql`INSERT INTO t (id, name, n, b) VALUES (${1n}, ${undefined}, ${true}, ${blob})`);
    run(db, sql`INSERT INTO t (id, n) VALUES (${2}, ${false})`);
    const rows = all<{ id: number; name: string | null; n: number; b: Buffer | null }>(db, sql`SELECT * FROM t ORDER BY id`);
    expect(rows[0]).toEqual({ id: 1, name: null, n: 1, b: blob });
    expect(rows[1]!.n).toBe(0);
  });

  it('inlines nested fragments with their values in order', () => {
    const cond = sql`name = ${'a'} AND n > ${1}`;
    const q = sql`SELECT * FROM t WHERE ${cond} AND id < ${10} LIMIT ${5}`;
    expect(q.text).toBe('SELECT * FROM t WHERE name = ? AND n > ? AND id < ? LIMIT ?');
    expect(q.values).toEqual(['a', 1, 10, 5]);
    const nested = sql`(${sql`${1} + ${sql`${2}`}`}) * ${3}`;
    expect(nested.text).toBe('(? + ?) * ?');
    expect(nested.values).toEqual([1, 2, 3]);
  });

  it('sql.join joins fragments with a separator and keeps every value', () => {
    for (const [name, n] of [
      ['a', 1],
      ['a', 5],
      ['b', 5],
      ["it's", 5],
    ] as const)
      run(db, sql`INSERT INTO t (name, n) VALUES (${name}, ${n})`);
    const where = sql.join([sql`1 = 1`, sql`name = ${'a'}`, sql`n >= ${2}`], ' AND ');
    expect(where.text).toBe('1 = 1 AND name = ? AND n >= ?');
    expect(where.values).toEqual(['a', 2]);
    expect(all<{ name: string; n: number }>(db, sql`SELECT name, n FROM t WHERE ${where}`)).toEqual([{ name: 'a', n: 5 }]);
    const either = sql.join([sql`name = ${"it's"}`, sql`n = ${1}`], ' OR ');
    expect(all<{ n: number }>(db, sql`SELECT n FROM t WHERE ${either} ORDER BY n`).map((r) => r.n)).toEqual([1, 5]);
    expect(sql.join([], ' AND ')).toMatchObject({ text: '', values: [] });
  });

  it('a plain object is not mistaken for a fragment', () => {
    const fake = { text: '1; DROP TABLE t', values: [] } as unknown as string;
    const q = sql`SELECT ${fake}`;
    expect(q.text).toBe('SELECT ?');
  });
});

describe('reused statements', () => {
  it('a statement kept from before a schema change reads the new schema', () => {
    run(db, sql`INSERT INTO t (name) VALUES (${'a'})`);
    expect(all(db, sql`SELECT * FROM t`)).toEqual([{ id: 1, name: 'a', n: null, b: null }]);
    db.exec("ALTER TABLE t ADD COLUMN extra TEXT DEFAULT 'x'");
    expect(all(db, sql`SELECT * FROM t`)).toEqual([{ id: 1, name: 'a', n: null, b: null, extra: 'x' }]);
  });

  it('each connection has its own statements, and many different texts still run right', () => {
    const other: Db = new Database(':memory:');
    try {
      other.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)');
      run(db, sql`INSERT INTO t (name) VALUES (${'in db'})`);
      run(other, sql`INSERT INTO t (name) VALUES (${'in other'})`);
      expect(get(other, sql`SELECT name FROM t WHERE id = ${1}`)).toEqual({ name: 'in other' });
      expect(get(db, sql`SELECT name FROM t WHERE id = ${1}`)).toEqual({ name: 'in db' });
      // More distinct texts than are kept: the oldest go, and come back prepared anew.
      for (let i = 0; i < 600; i++) expect(get(db, { text: `SELECT ${i} AS v, name FROM t WHERE id = ?`, values: [1] })).toEqual({ v: i, name: 'in db' });
      expect(get(db, sql`SELECT name FROM t WHERE id = ${1}`)).toEqual({ name: 'in db' });
    } finally {
      other.close();
    }
  });
});
