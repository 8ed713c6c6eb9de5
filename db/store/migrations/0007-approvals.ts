import type { Migration } from '../migrate';

const appendOnly = (table: string) => `
  CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
  CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`;

/**
 * Approvals (审批) as records of their own, append-only: the request (what, which item and copies, who asked, why),
 * at most one decision (by an approver account, on paper, or by a body outside the unit) and at most one use. The
 * events an approval enabled point at it.
 */
export const approvals: Migration = {
  version: 7,
  name: 'approvals',
  up(db) {
    db.exec(`
      CREATE TABLE approvals (
        id INTEGER PRIMARY KEY,
        approval_no TEXT NOT NULL UNIQUE,
        year INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('copy', 'compile', 'lend_outside_scope', 'take_out', 'destroy', 'forward', 'change_marking', 'media_downgrade', 'offsite_repair', 'correction', 'void')),
        subject_type TEXT NOT NULL CHECK (subject_type IN ('document', 'computer', 'medium', 'location')),
        subject_id INTEGER NOT NULL,
        copy_nos TEXT NOT NULL CHECK (json_valid(copy_nos)),
        count INTEGER CHECK (count > 0),
        reason TEXT NOT NULL,
        requested_by INTEGER NOT NULL REFERENCES accounts (id),
        requested_at TEXT NOT NULL,
        UNIQUE (year, seq)
      ) STRICT;
      CREATE INDEX approvals_requested ON approvals (requested_at);

      CREATE TABLE approval_decisions (
        approval_id INTEGER PRIMARY KEY REFERENCES approvals (id),
        decision TEXT NOT NULL CHECK (decision IN ('approved', 'refused')),
        way TEXT NOT NULL CHECK (way IN ('in_app', 'paper', 'on_the_spot', 'external')),
        -- The approver account; none for a decision from outside the unit.
        decided_by INTEGER REFERENCES accounts (id),
        decided_at TEXT NOT NULL,
        note TEXT NOT NULL,
        paper_no TEXT,
        external_body TEXT,
        external_doc_no TEXT,
        external_date TEXT,
        expires_at TEXT,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        CHECK ((way = 'external') = (decided_by IS NULL)),
        CHECK ((way = 'paper') = (paper_no IS NOT NULL)),
        CHECK ((way = 'external') = (external_body IS NOT NULL AND external_doc_no IS NOT NULL AND external_date IS NOT NULL)),
        CHECK ((decision = 'approved') = (expires_at IS NOT NULL))
      ) STRICT;
      CREATE INDEX approval_decisions_decided ON approval_decisions (decided_at);

      -- Used once: one row per approval, written by the action it enabled, in that action's transaction.
      CREATE TABLE approval_uses (
        approval_id INTEGER PRIMARY KEY REFERENCES approval_decisions (approval_id),
        used_at TEXT NOT NULL,
        used_by TEXT NOT NULL
      ) STRICT;

      ${appendOnly('approvals')}
      ${appendOnly('approval_decisions')}
      ${appendOnly('approval_uses')}

      ALTER TABLE events ADD COLUMN approval_id INTEGER REFERENCES approvals (id);
      ALTER TABLE device_events ADD COLUMN approval_id INTEGER REFERENCES approvals (id);
      CREATE INDEX events_approval ON events (approval_id) WHERE approval_id IS NOT NULL;
      CREATE INDEX device_events_approval ON device_events (approval_id) WHERE approval_id IS NOT NULL;
    `);
  },
};
