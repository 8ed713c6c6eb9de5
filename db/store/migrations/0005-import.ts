import type { Migration } from '../migrate';

/**
 * For importing old registers: device history taken over from them (停用 / 报废 / 销毁) is marked as imported, as
 * document events already are, so the register is complete without pretending this app checked the approvals;
 * and 文号 is indexed, since every imported copy is checked against the 文号 + 份号 already registered.
 */
export const importSupport: Migration = {
  version: 5,
  name: 'import',
  up(db) {
    db.exec(`
      ALTER TABLE device_events ADD COLUMN imported INTEGER NOT NULL DEFAULT 0 CHECK (imported IN (0, 1));
      CREATE INDEX documents_doc_number ON documents (doc_number) WHERE doc_number <> '';
    `);
  },
};
