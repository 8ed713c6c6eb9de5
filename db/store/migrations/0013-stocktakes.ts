import type { Migration } from '../migrate';

const appendOnly = (table: string) => `
  CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
  CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`;

/**
 * The stocktake by cabinet (清查): every row is history, none is changed or deleted. A stocktake is open until its
 * close row exists; what was scanned is a scan row, a scan made by mistake is retracted by a row of its own, and a
 * misplaced copy moved or left flagged is a resolution. The close keeps the tally as it was (copies move on after).
 * Its number QC-YYYY-NNN is the inventory batch's the close writes: one sequence with the batches (year, seq).
 */
export const stocktakes: Migration = {
  version: 13,
  name: 'stocktakes',
  up(db) {
    db.exec(`
      CREATE TABLE stocktakes (
        id INTEGER PRIMARY KEY,
        stocktake_no TEXT NOT NULL UNIQUE,
        year INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        started_at TEXT NOT NULL,
        checkers TEXT NOT NULL CHECK (json_valid(checkers)),
        levels TEXT NOT NULL CHECK (json_valid(levels)),
        devices INTEGER NOT NULL CHECK (devices IN (0, 1)),
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        UNIQUE (year, seq)
      ) STRICT;

      -- The cabinets a stocktake covers, fixed at its start.
      CREATE TABLE stocktake_cabinets (
        stocktake_id INTEGER NOT NULL REFERENCES stocktakes (id),
        location_id INTEGER NOT NULL REFERENCES locations (id),
        PRIMARY KEY (stocktake_id, location_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX stocktake_cabinets_location ON stocktake_cabinets (location_id, stocktake_id);

      -- location_id null: the devices part. kind and item_id: what the code names (null: no such row in this ledger).
      CREATE TABLE stocktake_scans (
        id INTEGER PRIMARY KEY,
        stocktake_id INTEGER NOT NULL REFERENCES stocktakes (id),
        location_id INTEGER REFERENCES locations (id),
        code TEXT NOT NULL,
        kind TEXT CHECK (kind IN ('copy', 'computer', 'medium', 'cabinet')),
        item_id INTEGER,
        at TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX stocktake_scans_item ON stocktake_scans (stocktake_id, kind, item_id);
      CREATE INDEX stocktake_scans_location ON stocktake_scans (stocktake_id, location_id, id);

      CREATE TABLE stocktake_retractions (
        scan_id INTEGER PRIMARY KEY REFERENCES stocktake_scans (id),
        at TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL
      ) STRICT;

      -- A misplaced copy: moved into the cabinet it was found in (a move event too), or left where the ledger says, flagged.
      CREATE TABLE stocktake_resolutions (
        id INTEGER PRIMARY KEY,
        stocktake_id INTEGER NOT NULL REFERENCES stocktakes (id),
        copy_id INTEGER NOT NULL REFERENCES copies (id),
        location_id INTEGER NOT NULL REFERENCES locations (id),
        from_location_id INTEGER REFERENCES locations (id),
        action TEXT NOT NULL CHECK (action IN ('move', 'flag')),
        at TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX stocktake_resolutions_copy ON stocktake_resolutions (stocktake_id, copy_id, id);

      -- tally: the stocktake's view as it closed (JSON), counts: its totals (the list reads these alone);
      -- batch_id: the inventory batch it recorded.
      CREATE TABLE stocktake_closes (
        stocktake_id INTEGER PRIMARY KEY REFERENCES stocktakes (id),
        at TEXT NOT NULL,
        batch_id INTEGER NOT NULL UNIQUE REFERENCES batches (id),
        tally TEXT NOT NULL CHECK (json_valid(tally)),
        counts TEXT NOT NULL CHECK (json_valid(counts)),
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL
      ) STRICT;

      ${appendOnly('stocktakes')}
      ${appendOnly('stocktake_cabinets')}
      ${appendOnly('stocktake_scans')}
      ${appendOnly('stocktake_retractions')}
      ${appendOnly('stocktake_resolutions')}
      ${appendOnly('stocktake_closes')}
    `);
  },
};
