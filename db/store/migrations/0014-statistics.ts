import type { Migration } from '../migrate';

/**
 * 统计 (db/ledger/statistics) of a year on a ten-year ledger, measured on the bench's 100,000 items and 1,000,000
 * events: without these, a year's figures read every loan's return, every held item's row and every received item's
 * copies one by one (seconds). Each index holds only what one figure counts, or covers what it reads:
 * - the returns that named copies back late, and the inventories that found copies missing (their JSON says so);
 * - events by kind and time with their item, so a figure reads no event row (replaces events_kind_at, same prefix);
 * - the items held now with their level and carrier; each item's originals still registered (份数 as corrected).
 */
export const statistics: Migration = {
  version: 14,
  name: 'statistics',
  up(db) {
    db.exec(`
      CREATE INDEX events_late_returns ON events (at) WHERE kind = 'return_loan' AND json_array_length(details, '$.overdue') > 0;
      CREATE INDEX events_inventory_missing ON events (at) WHERE kind = 'inventory' AND json_array_length(details, '$.missing') > 0;
      DROP INDEX events_kind_at;
      CREATE INDEX events_kind_at ON events (kind, at, document_id);
      CREATE INDEX documents_held_now ON documents (level, carrier, held_copies, voided_at) WHERE voided_at IS NULL AND held_copies > 0;
      CREATE INDEX copies_originals ON copies (document_id) WHERE reproduction = 0 AND status <> 'voided';
    `);
  },
};
