import type { Migration } from '../migrate';

const appendOnly = (table: string) => `
  CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
  CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`;

/**
 * 传达 and 公开 on documents (issue 19, seed §1): a document's conveyance plan (range within its 知悉范围, manner, the
 * secrecy discipline stated) and its publication plan (what may be published, from when, how, by whose decision),
 * each a numbered version: a plan changed later is its next version, never an UPDATE. A publication plan carried out
 * (已公开, by the publication of its review) is a row of its own. Each row points at the document's event that shows it in the item's history; the
 * conveyances themselves are events ('convey') like every other step of the item.
 */
export const conveyance: Migration = {
  version: 18,
  name: 'conveyance',
  up(db) {
    db.exec(`
      CREATE TABLE conveyance_plans (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents (id),
        version INTEGER NOT NULL CHECK (version > 0),
        -- People or departments: [{ "name": ..., "department": ... }], every one within the document's 知悉范围.
        range TEXT NOT NULL CHECK (json_valid(range) AND json_array_length(range) > 0),
        manner TEXT NOT NULL CHECK (manner IN ('meeting', 'individual', 'reading')),
        discipline TEXT NOT NULL CHECK (length(trim(discipline)) > 0),
        at TEXT NOT NULL,
        event_id INTEGER NOT NULL UNIQUE REFERENCES events (id),
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        UNIQUE (document_id, version)
      ) STRICT;

      CREATE TABLE publication_plans (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents (id),
        version INTEGER NOT NULL CHECK (version > 0),
        extent TEXT NOT NULL CHECK (extent IN ('part', 'whole')),
        content TEXT NOT NULL CHECK (length(trim(content)) > 0),
        publish_from TEXT NOT NULL CHECK (length(publish_from) = 10),
        channel TEXT NOT NULL CHECK (length(trim(channel)) > 0),
        -- The originator's decision (external: body, 文号, date) or the unit's approver countersigning on the spot.
        decision_way TEXT NOT NULL CHECK (decision_way IN ('external', 'on_the_spot')),
        decided_by INTEGER REFERENCES accounts (id),
        decider TEXT NOT NULL,
        decision_doc_no TEXT,
        decided_on TEXT NOT NULL,
        at TEXT NOT NULL,
        event_id INTEGER NOT NULL UNIQUE REFERENCES events (id),
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        CHECK ((decision_way = 'external') = (decided_by IS NULL)),
        CHECK ((decision_way = 'external') = (decision_doc_no IS NOT NULL)),
        UNIQUE (document_id, version)
      ) STRICT;
      CREATE INDEX publication_plans_due ON publication_plans (publish_from);

      CREATE TABLE publication_done (
        plan_id INTEGER PRIMARY KEY REFERENCES publication_plans (id),
        -- Carried out by the publication of a cleared review (0019): 先审查后公开, never recorded by hand.
        review_id INTEGER NOT NULL UNIQUE REFERENCES publication_reviews (id),
        at TEXT NOT NULL,
        reference TEXT NOT NULL,
        event_id INTEGER NOT NULL UNIQUE REFERENCES events (id),
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL
      ) STRICT;

      ${appendOnly('conveyance_plans')}
      ${appendOnly('publication_plans')}
      ${appendOnly('publication_done')}
    `);
  },
};
