import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRaw, tempDir } from '../../testing';
import { migrate, schemaVersion } from '../migrate';
import { corrections } from './0009-corrections';
import { MIGRATIONS } from './index';

describe('migration 0009 corrections', () => {
  it('lets a copy be voided, keeping every copy, its links, indexes and held counts, and adds voided_at and location_events', () => {
    expect(MIGRATIONS[8]).toBe(corrections);
    const db = openRaw(join(tempDir(), 'd.db'), randomBytes(32), { create: true });
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 8));
    db.exec(`INSERT INTO locations (code, name, max_level, created_at) VALUES ('G-01', '一号柜', 'secret', '2026-11-03')`);
    db.exec(`INSERT INTO documents (year, seq, receipt_no, origin, doc_number, title, origin_unit, carrier, level, level_rank, marking, issue_date, scope, must_return, attachments, remarks, registered_at, created_at, created_by)
             VALUES (2026, 1, '2026-0001', 'received', '鲁保发〔2026〕3号', '通知', '省国家保密局', 'paper', 'secret', 2, '机密★10年', '2026-11-02', '[]', 0, '', '', '2026-11-03', '2026-11-03T01:00:00.000Z', 'liming')`);
    db.exec(`INSERT INTO copies (document_id, copy_no, status, location_id) VALUES (1, 1, 'in_custody', 1), (1, 2, 'on_loan', 1)`);
    db.exec(`INSERT INTO copies (document_id, copy_no, reproduction, source_copy_id, status, location_id) VALUES (1, 3, 1, 1, 'in_custody', 1)`);
    db.exec(`INSERT INTO events (document_id, kind, at, details, recorded_at, recorded_by) VALUES (1, 'receive', '2026-11-03', '{}', '2026-11-03', 'liming')`);
    db.exec(`INSERT INTO event_copies (event_id, copy_id) VALUES (1, 1), (1, 2)`);
    const indexes = () => db.prepare(`SELECT type, name FROM sqlite_master WHERE tbl_name = 'copies' AND type <> 'table' ORDER BY name`).all();
    const before = indexes();

    migrate(db, MIGRATIONS.slice(0, 9));
    expect(schemaVersion(db)).toBe(9);
    expect(indexes()).toEqual(before);
    expect(db.prepare('SELECT id, copy_no, status, source_copy_id FROM copies ORDER BY id').all()).toEqual([
      { id: 1, copy_no: 1, status: 'in_custody', source_copy_id: null },
      { id: 2, copy_no: 2, status: 'on_loan', source_copy_id: null },
      { id: 3, copy_no: 3, status: 'in_custody', source_copy_id: 1 },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // The held counts are kept by the triggers as before: voiding a copy takes it off the item's held copies.
    db.exec(`UPDATE documents SET held_copies = 3, held_originals = 2`);
    db.exec(`UPDATE copies SET status = 'voided' WHERE id = 1`);
    expect(db.prepare('SELECT held_copies, held_originals, voided_at FROM documents').get()).toEqual({ held_copies: 2, held_originals: 1, voided_at: null });
    expect(() => db.exec(`DELETE FROM copies WHERE id = 1`)).toThrow(/never deleted/);
    expect(() => db.exec(`INSERT INTO copies (document_id, copy_no, status) VALUES (1, 9, 'gone')`)).toThrow(/CHECK/);

    db.exec(
      `INSERT INTO location_events (location_id, kind, at, details, recorded_at, recorded_by) VALUES (1, 'correct', '2026-11-04', '{}', '2026-11-04', 'liming')`,
    );
    expect(() => db.exec(`UPDATE location_events SET kind = 'x'`)).toThrow(/append-only/);
    db.close();
  });
});
