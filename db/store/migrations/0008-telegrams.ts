import type { Migration } from '../migrate';

/**
 * 密码电报 / 级发电 are a carrier of their own, kept apart: an item's carrier may be `telegram`, and a location is
 * marked for telegrams (only they are kept there). SQLite cannot widen a CHECK in place, so the carrier column is
 * replaced by one with the wider CHECK (values copied), which leaves the table's rows, indexes and triggers as they were.
 */
export const telegrams: Migration = {
  version: 8,
  name: 'telegrams',
  up(db) {
    db.exec(`
      ALTER TABLE documents ADD COLUMN carrier_kind TEXT NOT NULL DEFAULT 'paper' CHECK (carrier_kind IN ('paper', 'disc', 'other', 'telegram'));
      UPDATE documents SET carrier_kind = carrier;
      ALTER TABLE documents DROP COLUMN carrier;
      ALTER TABLE documents RENAME COLUMN carrier_kind TO carrier;
      ALTER TABLE locations ADD COLUMN telegrams INTEGER NOT NULL DEFAULT 0 CHECK (telegrams IN (0, 1));
    `);
  },
};
