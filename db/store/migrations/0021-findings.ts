import type { Migration } from '../migrate';

const appendOnly = (table: string) => `
  CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
  CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`;

/**
 * Findings and their rectification (问题及整改措施): every row is history, none is changed or deleted. A finding is
 * registered once (what, where, how grave, who answers for it, where it came from: a stocktake or a computer check it
 * links to); its deadline and measures are plan rows, the latest standing (a change is a new row with its reason); a
 * close records what was done and when, and stands once an approver account confirms it (in the app, or
 * countersigned on the spot), or falls when they reject it (the finding is open again). Its number is ZG-YYYY-NNN.
 */
export const findings: Migration = {
  version: 21,
  name: 'findings',
  up(db) {
    db.exec(`
      CREATE TABLE findings (
        id INTEGER PRIMARY KEY,
        finding_no TEXT NOT NULL UNIQUE,
        year INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('self_inspection', 'inspection', 'stocktake', 'computer_check')),
        -- The inspection or self-inspection it came from, in words (检查组, 通知文号); '' when none is named.
        source_ref TEXT NOT NULL DEFAULT '',
        stocktake_id INTEGER REFERENCES stocktakes (id),
        computer_id INTEGER REFERENCES computers (id),
        computer_check_id INTEGER REFERENCES computer_checks (id),
        found_on TEXT NOT NULL,
        description TEXT NOT NULL,
        place TEXT NOT NULL,
        severity TEXT NOT NULL CHECK (severity IN ('minor', 'serious', 'grave')),
        owner TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        UNIQUE (year, seq),
        CHECK (stocktake_id IS NULL OR source = 'stocktake'),
        CHECK (computer_check_id IS NULL OR source = 'computer_check')
      ) STRICT;
      CREATE INDEX findings_found ON findings (found_on, id);

      -- The deadline and the measures; the first row is written with the finding, a later one changes them (reason).
      CREATE TABLE finding_plans (
        id INTEGER PRIMARY KEY,
        finding_id INTEGER NOT NULL REFERENCES findings (id),
        deadline TEXT NOT NULL,
        measures TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX finding_plans_finding ON finding_plans (finding_id, id);

      CREATE TABLE finding_closes (
        id INTEGER PRIMARY KEY,
        finding_id INTEGER NOT NULL REFERENCES findings (id),
        done TEXT NOT NULL,
        closed_on TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX finding_closes_finding ON finding_closes (finding_id, id);

      -- The approver's word on a close: one per close, by an approver account (never the one who recorded it).
      CREATE TABLE finding_confirmations (
        close_id INTEGER PRIMARY KEY REFERENCES finding_closes (id),
        decision TEXT NOT NULL CHECK (decision IN ('confirmed', 'rejected')),
        way TEXT NOT NULL CHECK (way IN ('in_app', 'on_the_spot')),
        approver_id INTEGER NOT NULL REFERENCES accounts (id),
        note TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL
      ) STRICT;

      ${appendOnly('findings')}
      ${appendOnly('finding_plans')}
      ${appendOnly('finding_closes')}
      ${appendOnly('finding_confirmations')}
    `);
  },
};
