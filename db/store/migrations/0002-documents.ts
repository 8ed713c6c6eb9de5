import type { Migration } from '../migrate';

const LEVEL_CHECK = `IN ('top_secret', 'secret', 'confidential', 'internal')`;
/** The copy states the unit still answers for (model.ts HELD). */
const HELD = `('in_custody', 'on_loan')`;
const appendOnly = (table: string) => `
  CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
  CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`;

/**
 * The classified documents register: items, their numbered copies (each traceable on its own),
 * storage locations, the append-only event history and the batches (清退单, 销毁清单, 移交, 清查).
 */
export const documents: Migration = {
  version: 2,
  name: 'documents',
  up(db) {
    db.exec(`
      CREATE TABLE locations (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name TEXT NOT NULL,
        max_level TEXT NOT NULL CHECK (max_level ${LEVEL_CHECK}),
        keeper TEXT,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        receipt_no TEXT NOT NULL,
        origin TEXT NOT NULL CHECK (origin IN ('received', 'produced')),
        doc_number TEXT NOT NULL,
        title TEXT NOT NULL,
        origin_unit TEXT NOT NULL,
        carrier TEXT NOT NULL CHECK (carrier IN ('paper', 'disc', 'other')),
        level TEXT NOT NULL CHECK (level ${LEVEL_CHECK}),
        level_rank INTEGER NOT NULL,
        marking TEXT NOT NULL,
        issue_date TEXT NOT NULL,
        secrecy_end TEXT,
        scope TEXT NOT NULL CHECK (json_valid(scope)),
        must_return INTEGER NOT NULL CHECK (must_return IN (0, 1)),
        return_by TEXT,
        classified_by TEXT,
        classification_basis TEXT,
        attachments TEXT NOT NULL,
        remarks TEXT NOT NULL,
        declassified INTEGER NOT NULL DEFAULT 0 CHECK (declassified IN (0, 1)),
        last_review_year INTEGER,
        registered_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        -- Copies the unit still answers for (in custody or on loan), all and originals only; kept by the copies
        -- triggers below, so that "held" filters and reminders read one column instead of probing copies per item.
        held_copies INTEGER NOT NULL DEFAULT 0,
        held_originals INTEGER NOT NULL DEFAULT 0,
        CHECK (held_originals >= 0 AND held_originals <= held_copies),
        -- 收文编号 restart every year; a format without {year} repeats them from one year to the next.
        UNIQUE (year, receipt_no)
      ) STRICT;
      -- Named: the list walks it for the 收文编号 order (queries.ts ORDER_INDEX).
      CREATE UNIQUE INDEX documents_receipt_order ON documents (year, seq);
      CREATE INDEX documents_registered ON documents (registered_at);
      CREATE INDEX documents_level ON documents (level_rank, year, seq);
      CREATE INDEX documents_origin_unit ON documents (origin_unit);
      -- The list sorted by secrecy end (none last), with the level and held filters answered from the index.
      CREATE INDEX documents_secrecy_sort ON documents (secrecy_end IS NULL, secrecy_end, id, level, held_copies);
      -- Counts of a level filter with the held filter, from the index alone.
      CREATE INDEX documents_level_held ON documents (level, held_copies);
      -- One index per reminder (queries.ts reminderCondition), each holding only the items it can concern.
      CREATE INDEX documents_return_due ON documents (return_by) WHERE must_return = 1 AND held_originals > 0;
      CREATE INDEX documents_secrecy_ending ON documents (secrecy_end) WHERE declassified = 0 AND held_copies > 0;
      CREATE INDEX documents_review_due ON documents (year, last_review_year) WHERE level <> 'internal' AND declassified = 0 AND held_copies > 0;

      -- Chinese substrings of 3+ characters; shorter queries fall back to LIKE.
      CREATE VIRTUAL TABLE documents_fts USING fts5(title, doc_number, origin_unit, content = 'documents', content_rowid = 'id', tokenize = 'trigram');
      CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts (rowid, title, doc_number, origin_unit) VALUES (new.id, new.title, new.doc_number, new.origin_unit);
      END;
      CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, doc_number, origin_unit ON documents BEGIN
        INSERT INTO documents_fts (documents_fts, rowid, title, doc_number, origin_unit) VALUES ('delete', old.id, old.title, old.doc_number, old.origin_unit);
        INSERT INTO documents_fts (rowid, title, doc_number, origin_unit) VALUES (new.id, new.title, new.doc_number, new.origin_unit);
      END;
      CREATE TRIGGER documents_no_delete BEFORE DELETE ON documents BEGIN SELECT RAISE(ABORT, 'registered documents are never deleted'); END;

      CREATE TABLE copies (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents (id),
        copy_no INTEGER NOT NULL CHECK (copy_no > 0),
        reproduction INTEGER NOT NULL DEFAULT 0 CHECK (reproduction IN (0, 1)),
        source_copy_id INTEGER REFERENCES copies (id),
        status TEXT NOT NULL CHECK (status IN ('in_custody', 'on_loan', 'transmitted', 'returned', 'destroyed', 'missing')),
        location_id INTEGER REFERENCES locations (id),
        holder TEXT,
        holder_department TEXT,
        due_at TEXT,
        UNIQUE (document_id, copy_no)
      ) STRICT;
      CREATE INDEX copies_status ON copies (status, due_at, document_id);
      CREATE INDEX copies_document_status ON copies (document_id, status);
      CREATE INDEX copies_holder ON copies (holder, status, document_id) WHERE holder IS NOT NULL;
      CREATE INDEX copies_location ON copies (location_id, status, document_id) WHERE location_id IS NOT NULL;
      CREATE TRIGGER copies_no_delete BEFORE DELETE ON copies BEGIN SELECT RAISE(ABORT, 'registered copies are never deleted'); END;
      CREATE TRIGGER copies_held_insert AFTER INSERT ON copies WHEN new.status IN ${HELD} BEGIN
        UPDATE documents SET held_copies = held_copies + 1, held_originals = held_originals + (new.reproduction = 0) WHERE id = new.document_id;
      END;
      CREATE TRIGGER copies_held_update AFTER UPDATE OF status, document_id, reproduction ON copies
        -- Only when the copy enters or leaves the held states (a loan and its return do not touch the item's row).
        WHEN (old.status IN ${HELD}) IS NOT (new.status IN ${HELD}) OR old.document_id IS NOT new.document_id OR old.reproduction IS NOT new.reproduction BEGIN
        UPDATE documents SET held_copies = held_copies - 1, held_originals = held_originals - (old.reproduction = 0) WHERE id = old.document_id AND old.status IN ${HELD};
        UPDATE documents SET held_copies = held_copies + 1, held_originals = held_originals + (new.reproduction = 0) WHERE id = new.document_id AND new.status IN ${HELD};
      END;

      CREATE TABLE batches (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('return', 'destroy', 'handover', 'inventory')),
        batch_no TEXT NOT NULL UNIQUE,
        year INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        at TEXT NOT NULL,
        details TEXT NOT NULL CHECK (json_valid(details)),
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        UNIQUE (kind, year, seq)
      ) STRICT;

      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents (id),
        kind TEXT NOT NULL,
        at TEXT NOT NULL,
        counterpart TEXT,
        approver TEXT,
        batch_id INTEGER REFERENCES batches (id),
        details TEXT NOT NULL CHECK (json_valid(details)),
        imported INTEGER NOT NULL DEFAULT 0 CHECK (imported IN (0, 1)),
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX events_document ON events (document_id, id);
      CREATE INDEX events_kind_at ON events (kind, at);

      CREATE TABLE event_copies (
        event_id INTEGER NOT NULL REFERENCES events (id),
        copy_id INTEGER NOT NULL REFERENCES copies (id),
        PRIMARY KEY (event_id, copy_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX event_copies_copy ON event_copies (copy_id);

      ${appendOnly('events')}
      ${appendOnly('event_copies')}
      ${appendOnly('batches')}
    `);
  },
};
