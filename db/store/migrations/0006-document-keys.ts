import { documentKey } from '../../domain/keys';
import type { Migration } from '../migrate';

/**
 * 来文单位 + 文号 + 份号 is registered once, by hand too: each item keeps the key it is compared by (trimmed, NFKC),
 * indexed, so that a full-width or space-padded 文号 an older ledger holds is found like any other.
 */
export const documentKeys: Migration = {
  version: 6,
  name: 'document-keys',
  up(db) {
    db.exec(`ALTER TABLE documents ADD COLUMN doc_key TEXT NOT NULL DEFAULT ''`);
    const rows = db.prepare(`SELECT id, origin_unit, doc_number FROM documents WHERE doc_number <> ''`).all() as {
      id: number;
      origin_unit: string;
      doc_number: string;
    }[];
    const update = db.prepare('UPDATE documents SET doc_key = ? WHERE id = ?');
    for (const r of rows) update.run(documentKey(r.origin_unit, r.doc_number), r.id);
    db.exec(`CREATE INDEX documents_doc_key ON documents (doc_key) WHERE doc_key <> ''`);
  },
};
