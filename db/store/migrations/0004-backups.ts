import type { Migration } from '../migrate';

/** The history of verified backups (one row each, with the medium and what the manifest proved). */
export const backups: Migration = {
  version: 4,
  name: 'backups',
  up(db) {
    db.exec(`
      CREATE TABLE backups (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        medium_id INTEGER NOT NULL REFERENCES media (id),
        folder TEXT NOT NULL,
        name TEXT NOT NULL,
        db_sha256 TEXT NOT NULL CHECK (length(db_sha256) = 64),
        db_size INTEGER NOT NULL CHECK (db_size > 0),
        audit_seq INTEGER NOT NULL,
        audit_hash TEXT NOT NULL,
        counts TEXT NOT NULL CHECK (json_valid(counts)),
        seconds REAL NOT NULL,
        recorded_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX backups_at ON backups (at);
      CREATE TRIGGER backups_no_update BEFORE UPDATE ON backups BEGIN SELECT RAISE(ABORT, 'backups is append-only'); END;
      CREATE TRIGGER backups_no_delete BEFORE DELETE ON backups BEGIN SELECT RAISE(ABORT, 'backups is append-only'); END;
    `);
  },
};
