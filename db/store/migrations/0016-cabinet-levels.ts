import type { Migration } from '../migrate';

/**
 * 概览's cabinets: what is in each cabinet, by level, reads each copy 在柜's item for its level. Through the items'
 * table that is a row of a decade's register per copy (0.4–1.4 s on the bench's 300,000 copies under load); through
 * this index of item and level, a few hundred pages that stay in the cache (helper's measurement on a scratch copy).
 */
export const cabinetLevels: Migration = {
  version: 16,
  name: 'cabinet-levels',
  up(db) {
    db.exec(`CREATE INDEX documents_level_of ON documents (id, level);`);
  },
};
