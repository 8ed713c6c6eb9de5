import type { Migration } from '../migrate';

/** Ledger metadata, settings, accounts and the append-only, hash-chained audit log. */
export const foundation: Migration = {
  version: 1,
  name: 'foundation',
  up(db) {
    db.exec(`
      CREATE TABLE ledger_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value))
      ) STRICT;

      CREATE TABLE accounts (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        roles TEXT NOT NULL CHECK (json_valid(roles)),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        created_at TEXT NOT NULL,
        last_login_at TEXT,
        password_changed_at TEXT,
        -- 三员分立 held by the store too: an auditor is never also admin or custodian.
        CHECK (NOT (instr(roles, '"auditor"') > 0 AND (instr(roles, '"admin"') > 0 OR instr(roles, '"custodian"') > 0)))
      ) STRICT;

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT,
        kind TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT,
        summary TEXT NOT NULL CHECK (json_valid(summary)),
        outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'refused', 'failed')),
        error_code TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_actor ON audit_log (actor, seq);
      CREATE INDEX audit_log_kind ON audit_log (kind, seq);
      CREATE INDEX audit_log_at ON audit_log (at);

      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    `);
  },
};
