import type { Migration } from '../migrate';

/**
 * The longest field the grams cover. Registration and corrections cap the title at 300 characters, 文号 at 100 and
 * 来文单位 below that, so every character of every searched field is covered.
 */
const MAX_FIELD_CHARS = 1000;

/** The searched fields (标题, 文号, 来文单位) of `row`: `new` or `old` in a trigger, or every item for the backfill. */
const fieldsOf = (row: 'new' | 'old' | 'documents') =>
  row === 'documents'
    ? 'SELECT id, title AS v FROM documents UNION ALL SELECT id, doc_number FROM documents UNION ALL SELECT id, origin_unit FROM documents'
    : `SELECT ${row}.id AS id, ${row}.title AS v UNION ALL SELECT ${row}.id, ${row}.doc_number UNION ALL SELECT ${row}.id, ${row}.origin_unit`;

/** Every 1- and 2-character substring of those fields with its item, folded by lower() as LIKE folds case. */
const gramsOf = (row: 'new' | 'old' | 'documents') => `
  SELECT lower(substr(f.v, p.n, w.len)) AS gram, f.id AS document_id
  FROM (${fieldsOf(row)}) f
  JOIN search_positions p ON p.n <= length(f.v)
  JOIN (SELECT 1 AS len UNION ALL SELECT 2) w ON p.n + w.len - 1 <= length(f.v)`;

/**
 * Searches of 1 or 2 characters (纪要, 通知, a surname, a digit) read an index instead of every item: the trigram
 * full-text index of migration 2 needs 3. documents_grams holds each item's distinct unigrams and bigrams of
 * 标题, 文号 and 来文单位, kept in step by triggers (items are never deleted), so a short search is one index range.
 */
export const shortSearch: Migration = {
  version: 10,
  name: 'short-search',
  up(db) {
    db.exec(`
      CREATE TABLE search_positions (n INTEGER PRIMARY KEY) STRICT;
      CREATE TABLE documents_grams (
        gram TEXT NOT NULL,
        document_id INTEGER NOT NULL,
        PRIMARY KEY (gram, document_id)
      ) STRICT, WITHOUT ROWID;`);
    const position = db.prepare('INSERT INTO search_positions (n) VALUES (?)');
    for (let n = 1; n <= MAX_FIELD_CHARS; n += 1) position.run(n);
    // In index order: the backfill appends to the table's b-tree instead of splitting pages all over it.
    db.exec(`
      INSERT OR IGNORE INTO documents_grams (gram, document_id) ${gramsOf('documents')} ORDER BY 1, 2;`);
    db.exec(`
      CREATE TRIGGER documents_grams_insert AFTER INSERT ON documents BEGIN
        INSERT OR IGNORE INTO documents_grams (gram, document_id) ${gramsOf('new')};
      END;
      CREATE TRIGGER documents_grams_update AFTER UPDATE OF title, doc_number, origin_unit ON documents BEGIN
        DELETE FROM documents_grams WHERE document_id = old.id AND gram IN (SELECT gram FROM (${gramsOf('old')}));
        INSERT OR IGNORE INTO documents_grams (gram, document_id) ${gramsOf('new')};
      END;`);
  },
};
