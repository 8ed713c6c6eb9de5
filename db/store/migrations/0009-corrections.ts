import type { Migration } from '../migrate';

/**
 * Corrections and voiding (更正 / 作废): a copy may end as 'voided' (its registration voided, or dropped by a 份数
 * correction before anything happened to it), a registered document may be voided as a whole, and a cabinet keeps
 * its own append-only history of corrections (documents have events, devices device_events).
 *
 * SQLite cannot widen a CHECK in place: copies is rebuilt from its own stored definition (the 12-step way), with its
 * indexes and triggers; foreign keys are deferred while the table is away.
 */
export const corrections: Migration = {
  version: 9,
  name: 'corrections',
  up(db) {
    const schema = db.prepare(`SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'copies' AND sql IS NOT NULL`).all() as {
      type: string;
      name: string;
      sql: string;
    }[];
    const table = schema.find((s) => s.type === 'table')!.sql;
    const widened = table.replace(`'destroyed', 'missing')`, `'destroyed', 'missing', 'voided')`);
    if (widened === table) throw new Error('copies: status check not found');
    db.pragma('defer_foreign_keys = ON');
    // Put back under its own name, the rows inserted again count as the parents event_copies was missing for a moment.
    // The foreign key checks of the drop and of the insert look up the copies made from each copy (source_copy_id):
    // without an index on it, each row scans the table and a ten-year ledger takes hours. The index goes with the rebuild.
    db.exec(`CREATE TEMP TABLE copies_saved AS SELECT * FROM copies;
             CREATE INDEX copies_source_rebuild ON copies (source_copy_id) WHERE source_copy_id IS NOT NULL;
             DROP TABLE copies;`);
    db.exec(widened);
    db.exec(`CREATE INDEX copies_source_rebuild ON copies (source_copy_id) WHERE source_copy_id IS NOT NULL;
             INSERT INTO copies SELECT * FROM copies_saved; DROP TABLE copies_saved; DROP INDEX copies_source_rebuild;`);
    // Indexes and triggers after the rows: the held-count triggers must not count them twice.
    for (const s of schema.filter((s) => s.type !== 'table')) db.exec(s.sql);

    db.exec(`
      ALTER TABLE documents ADD COLUMN voided_at TEXT;

      CREATE TABLE location_events (
        id INTEGER PRIMARY KEY,
        location_id INTEGER NOT NULL REFERENCES locations (id),
        kind TEXT NOT NULL,
        at TEXT NOT NULL,
        details TEXT NOT NULL CHECK (json_valid(details)),
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX location_events_location ON location_events (location_id, id);
      CREATE TRIGGER location_events_no_update BEFORE UPDATE ON location_events BEGIN SELECT RAISE(ABORT, 'location_events is append-only'); END;
      CREATE TRIGGER location_events_no_delete BEFORE DELETE ON location_events BEGIN SELECT RAISE(ABORT, 'location_events is append-only'); END;
    `);
  },
};
