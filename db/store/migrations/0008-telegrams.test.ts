import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRaw, tempDir } from '../../testing';
import { migrate, schemaVersion } from '../migrate';
import { telegrams } from './0008-telegrams';
import { MIGRATIONS } from './index';

describe('migration 0008 telegrams', () => {
  it('lets an item be a telegram and a location be marked for telegrams, keeping every item, copy and event as it was', () => {
    expect(MIGRATIONS[7]).toBe(telegrams);
    const db = openRaw(join(tempDir(), 'd.db'), randomBytes(32), { create: true });
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 7));
    db.exec(`INSERT INTO locations (code, name, max_level, created_at) VALUES ('BMG-01', '一号柜', 'secret', '2026-11-03T01:00:00.000Z')`);
    const insert = (seq: number, carrier: string) =>
      db.exec(`INSERT INTO documents (year, seq, receipt_no, origin, doc_number, title, origin_unit, carrier, level, level_rank, marking, issue_date, scope, must_return, return_by, attachments, remarks, registered_at, created_at, created_by, doc_key)
               VALUES (2026, ${seq}, '2026-000${seq}', 'received', '鲁保发〔2026〕3号', '通知', '省国家保密局', '${carrier}', 'secret', 2, '机密★10年', '2026-11-02', '[]', 1, '2026-12-31', '', '', '2026-11-03', '2026-11-03T01:00:00.000Z', 'liming', 'k')`);
    insert(1, 'disc');
    db.exec(`INSERT INTO copies (document_id, copy_no, status, location_id) VALUES (1, 1, 'in_custody', 1)`);
    db.exec(
      `INSERT INTO events (document_id, kind, at, details, recorded_at, recorded_by) VALUES (1, 'receive', '2026-11-03', '{}', '2026-11-03T01:00:00.000Z', 'liming')`,
    );
    expect(() => insert(2, 'telegram')).toThrow(/CHECK/);

    migrate(db, MIGRATIONS.slice(0, 8));
    expect(schemaVersion(db)).toBe(8);
    expect(db.prepare('SELECT id, carrier, held_copies, doc_key FROM documents').all()).toEqual([{ id: 1, carrier: 'disc', held_copies: 1, doc_key: 'k' }]);
    expect(db.prepare('SELECT code, telegrams FROM locations').all()).toEqual([{ code: 'BMG-01', telegrams: 0 }]);
    insert(2, 'telegram');
    expect(db.prepare(`SELECT receipt_no FROM documents WHERE carrier = 'telegram'`).all()).toEqual([{ receipt_no: '2026-0002' }]);
    expect(() => insert(3, 'fax')).toThrow(/CHECK/);
    expect(() => db.exec(`UPDATE locations SET telegrams = 2`)).toThrow(/CHECK/);
    // The item's copies, events, full-text index and triggers still answer.
    expect(db.prepare(`SELECT rowid FROM documents_fts WHERE documents_fts MATCH '保密局'`).all()).toEqual([{ rowid: 1 }, { rowid: 2 }]);
    expect(() => db.exec('DELETE FROM documents WHERE id = 1')).toThrow(/never deleted/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
