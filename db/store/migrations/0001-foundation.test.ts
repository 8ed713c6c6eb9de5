import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRaw, tempDir } from '../../testing';
import { migrate, schemaVersion } from '../migrate';
import type { Db } from '../sql';
import { foundation } from './0001-foundation';
import { MIGRATIONS } from './index';

/** An encrypted database with only migration 0001 applied. */
function foundationDb(): Db {
  const db = openRaw(join(tempDir(), 'f.db'), randomBytes(32), { create: true });
  migrate(db, [foundation]);
  return db;
}

const insertAccount = (db: Db, username: string, roles: string) =>
  db.prepare(`INSERT INTO accounts (username, display_name, roles, created_at) VALUES (?, ?, ?, '2026-11-25T01:00:00.000Z')`).run(username, username, roles);

const insertAudit = (db: Db, seq: number) =>
  db
    .prepare(
      `INSERT INTO audit_log (seq, at, actor, kind, action, target, summary, outcome, error_code, prev_hash, hash) VALUES (?, 'now', 'a', 'k', 'a.b', NULL, '{}', 'ok', NULL, 'p', 'h')`,
    )
    .run(seq);

describe('migration 0001 foundation', () => {
  it('is the first migration', () => {
    expect(MIGRATIONS[0]).toBe(foundation);
    expect(foundation.version).toBe(1);
  });

  it('creates the four tables, all STRICT, and sets user_version 1', () => {
    const db = foundationDb();
    expect(schemaVersion(db)).toBe(1);
    const list = (db.pragma('table_list') as { schema: string; name: string; type: string; strict: number }[]).filter(
      (t) => t.schema === 'main' && !t.name.startsWith('sqlite_'),
    );
    expect(list.map((t) => t.name).sort()).toEqual(['accounts', 'audit_log', 'ledger_meta', 'settings']);
    expect(list.every((t) => t.strict === 1)).toBe(true);
    // STRICT is enforced: a text in an INTEGER column is refused, not stored.
    expect(() => db.prepare(`INSERT INTO accounts (username, display_name, roles, active, created_at) VALUES ('x', 'x', '[]', 'yes', 'now')`).run()).toThrow(
      /cannot store TEXT/,
    );
    expect(() => db.prepare(`INSERT INTO ledger_meta (key, value) VALUES ('k', X'00')`).run()).toThrow(/cannot store BLOB/);
    db.close();
  });

  it('settings, roles and summaries must be JSON; outcome is one of ok, refused, failed', () => {
    const db = foundationDb();
    expect(() => db.prepare(`INSERT INTO settings (key, value) VALUES ('unit_name', 'not json')`).run()).toThrow(/CHECK constraint/);
    expect(() => insertAccount(db, 'x', 'admin')).toThrow(/CHECK constraint/);
    expect(() => db.prepare(`INSERT INTO audit_log VALUES (1, 'now', NULL, 'k', 'a', NULL, '{', 'ok', NULL, 'p', 'h')`).run()).toThrow(/CHECK constraint/);
    expect(() => db.prepare(`INSERT INTO audit_log VALUES (1, 'now', NULL, 'k', 'a', NULL, '{}', 'maybe', NULL, 'p', 'h')`).run()).toThrow(/CHECK constraint/);
    db.close();
  });

  it('the audit log refuses UPDATE and DELETE (triggers), and keeps the row as it was', () => {
    const db = foundationDb();
    insertAudit(db, 1);
    insertAudit(db, 2);
    expect(() => db.prepare(`UPDATE audit_log SET summary = '{"x":1}' WHERE seq = 1`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`UPDATE audit_log SET outcome = 'refused'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM audit_log WHERE seq = 2`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM audit_log`).run()).toThrow(/append-only/);
    expect(() =>
      db.prepare(`INSERT INTO audit_log (seq, at, kind, action, summary, outcome, prev_hash, hash) VALUES (1, 'x', 'k', 'a', '{}', 'ok', 'p', 'h2')`).run(),
    ).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO audit_log (seq, at, kind, action, summary, outcome, prev_hash, hash) VALUES (1, 'x', 'k', 'a', '{}', 'ok', 'p', 'h2') ON CONFLICT (seq) DO UPDATE SET hash = excluded.hash`,
        )
        .run(),
    ).toThrow(/append-only/);
    expect(db.prepare('SELECT seq, summary, outcome, hash FROM audit_log ORDER BY seq').all()).toEqual([
      { seq: 1, summary: '{}', outcome: 'ok', hash: 'h' },
      { seq: 2, summary: '{}', outcome: 'ok', hash: 'h' },
    ]);
    db.close();
  });

  it('accounts refuse an auditor who is also admin or custodian at the SQL level', () => {
    const db = foundationDb();
    expect(() => insertAccount(db, 'a1', '["auditor","admin"]')).toThrow(/CHECK constraint/);
    expect(() => insertAccount(db, 'a2', '["custodian","auditor"]')).toThrow(/CHECK constraint/);
    expect(() => insertAccount(db, 'a3', '["admin","approver","custodian","auditor"]')).toThrow(/CHECK constraint/);
    insertAccount(db, 'aud', '["auditor"]');
    insertAccount(db, 'aud2', '["auditor","approver"]');
    insertAccount(db, 'boss', '["admin","custodian","approver"]');
    expect(() => db.prepare(`UPDATE accounts SET roles = '["auditor","custodian"]' WHERE username = 'aud'`).run()).toThrow(/CHECK constraint/);
    expect(() => db.prepare(`UPDATE accounts SET roles = '["admin","auditor"]' WHERE username = 'boss'`).run()).toThrow(/CHECK constraint/);
    expect(db.prepare('SELECT username, roles FROM accounts ORDER BY id').all()).toEqual([
      { username: 'aud', roles: '["auditor"]' },
      { username: 'aud2', roles: '["auditor","approver"]' },
      { username: 'boss', roles: '["admin","custodian","approver"]' },
    ]);
    db.close();
  });

  it('usernames are unique regardless of ASCII case', () => {
    const db = foundationDb();
    insertAccount(db, 'ZhangWei', '["admin"]');
    expect(() => insertAccount(db, 'zhangwei', '["custodian"]')).toThrow(/UNIQUE/);
    db.close();
  });
});
