import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRaw, tempDir } from '../../testing';
import { migrate, schemaVersion } from '../migrate';
import { stocktakes } from './0013-stocktakes';
import { MIGRATIONS } from './index';

describe('migration 0013 stocktakes', () => {
  it('keeps stocktakes, their cabinets, scans, retractions, resolutions and closes as history no one rewrites', () => {
    expect(MIGRATIONS[12]).toBe(stocktakes);
    const db = openRaw(join(tempDir(), 'd.db'), randomBytes(32), { create: true });
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 13));
    expect(schemaVersion(db)).toBe(13);
    db.exec(`INSERT INTO locations (code, name, max_level, created_at) VALUES ('G-01', '一号柜', 'secret', '2026-11-03')`);
    db.exec(`INSERT INTO documents (year, seq, receipt_no, origin, doc_number, title, origin_unit, carrier, level, level_rank, marking, issue_date, scope, must_return, attachments, remarks, registered_at, created_at, created_by)
             VALUES (2026, 1, '2026-0001', 'received', '鲁保发〔2026〕3号', '通知', '省国家保密局', 'paper', 'secret', 2, '机密★10年', '2026-11-02', '[]', 0, '', '', '2026-11-03', '2026-11-03T01:00:00.000Z', 'liming')`);
    db.exec(`INSERT INTO copies (document_id, copy_no, status, location_id) VALUES (1, 1, 'in_custody', 1)`);
    db.exec(`INSERT INTO stocktakes (stocktake_no, year, seq, started_at, checkers, levels, devices, recorded_at, recorded_by)
             VALUES ('QC-2026-001', 2026, 1, '2026-11-25', '["李明","王芳"]', '["secret"]', 0, '2026-11-25T01:00:00.000Z', 'liming')`);
    db.exec(`INSERT INTO stocktake_cabinets (stocktake_id, location_id) VALUES (1, 1)`);
    db.exec(`INSERT INTO stocktake_scans (stocktake_id, location_id, code, kind, item_id, at, recorded_at, recorded_by)
             VALUES (1, 1, 'SL7KD00001Q', 'copy', 1, '2026-11-25T01:01:00.000Z', '2026-11-25T01:01:00.000Z', 'liming')`);
    db.exec(`INSERT INTO stocktake_retractions (scan_id, at, recorded_at, recorded_by) VALUES (1, '2026-11-25', '2026-11-25T01:02:00.000Z', 'liming')`);
    db.exec(`INSERT INTO stocktake_resolutions (stocktake_id, copy_id, location_id, from_location_id, action, at, recorded_at, recorded_by)
             VALUES (1, 1, 1, NULL, 'flag', '2026-11-25', '2026-11-25T01:03:00.000Z', 'liming')`);
    db.exec(
      `INSERT INTO batches (kind, batch_no, year, seq, at, details, recorded_at, recorded_by) VALUES ('inventory', 'QC-2026-001', 2026, 1, '2026-11-26', '{}', '2026-11-26', 'liming')`,
    );
    db.exec(
      `INSERT INTO stocktake_closes (stocktake_id, at, batch_id, tally, counts, recorded_at, recorded_by) VALUES (1, '2026-11-26', 1, '{}', '{}', '2026-11-26', 'liming')`,
    );

    const tables = {
      stocktakes: 'id',
      stocktake_cabinets: 'location_id',
      stocktake_scans: 'code',
      stocktake_retractions: 'at',
      stocktake_resolutions: 'action',
      stocktake_closes: 'tally',
    };
    for (const [table, column] of Object.entries(tables)) {
      expect(() => db.exec(`DELETE FROM ${table}`), table).toThrow(/append-only/);
      expect(() => db.exec(`UPDATE ${table} SET ${column} = ${column}`), table).toThrow(/append-only/);
    }
    // A second close of the same stocktake, a scan of a stocktake that does not exist, a resolution of another kind.
    expect(() =>
      db.exec(
        `INSERT INTO stocktake_closes (stocktake_id, at, batch_id, tally, counts, recorded_at, recorded_by) VALUES (1, '2026-11-27', 1, '{}', '{}', 'x', 'x')`,
      ),
    ).toThrow();
    expect(() => db.exec(`INSERT INTO stocktake_scans (stocktake_id, code, at, recorded_at, recorded_by) VALUES (9, 'x', 'x', 'x', 'x')`)).toThrow(
      /FOREIGN KEY/,
    );
    expect(() =>
      db.exec(
        `INSERT INTO stocktake_resolutions (stocktake_id, copy_id, location_id, action, at, recorded_at, recorded_by) VALUES (1, 1, 1, 'ignore', 'x', 'x', 'x')`,
      ),
    ).toThrow(/CHECK/);
    db.close();
  });
});
