import { NUMBER_SEPARATORS } from '../../domain/search';
import type { Migration } from '../migrate';

/**
 * An item's 文号 as the search compares it (numberKey in db/domain/search.ts): its doc_key already holds the 文号
 * after NFKC (migration 6, written by every registration and correction), so SQL only drops the separators and
 * folds ASCII case. `row` is `new` in a trigger or `documents` for the backfill.
 */
function numberOf(row: 'new' | 'documents'): string {
  let expr = `substr(${row}.doc_key, instr(${row}.doc_key, char(31)) + 1)`;
  for (const c of NUMBER_SEPARATORS) expr = `replace(${expr}, '${c}', '')`;
  return `lower(${expr})`;
}

/**
 * The register finds by number and keeps each user's own view of it:
 * - documents_numbers: each item's 文号 without brackets and spaces, by trigram (鲁保发2026 12号 finds 鲁保发〔2026〕12号);
 * - indexes for a 收文编号 written whole or as its number alone, and for a 份号;
 * - account_prefs: an account's choices on screen (the register's columns), one JSON value per name.
 */
export const register: Migration = {
  version: 12,
  name: 'register',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE documents_numbers USING fts5(number, tokenize = 'trigram');
      INSERT INTO documents_numbers (rowid, number) SELECT id, ${numberOf('documents')} FROM documents WHERE doc_key <> '';
      CREATE TRIGGER documents_numbers_insert AFTER INSERT ON documents WHEN new.doc_key <> '' BEGIN
        INSERT INTO documents_numbers (rowid, number) VALUES (new.id, ${numberOf('new')});
      END;
      CREATE TRIGGER documents_numbers_update AFTER UPDATE OF doc_key ON documents BEGIN
        DELETE FROM documents_numbers WHERE rowid = old.id;
        INSERT INTO documents_numbers (rowid, number) SELECT new.id, ${numberOf('new')} WHERE new.doc_key <> '';
      END;
      CREATE INDEX documents_seq ON documents (seq);
      CREATE INDEX documents_receipt_no ON documents (receipt_no COLLATE NOCASE);
      CREATE INDEX copies_copy_no ON copies (copy_no, document_id);
      CREATE TABLE account_prefs (
        account_id INTEGER NOT NULL REFERENCES accounts (id),
        name TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (account_id, name)
      ) STRICT;`);
  },
};
