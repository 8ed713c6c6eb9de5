import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRaw, tempDir } from '../../testing';
import { migrate, schemaVersion } from '../migrate';
import { cabinetLevels } from './0016-cabinet-levels';
import { MIGRATIONS } from './index';

describe('migration 0016 cabinet levels', () => {
  it('indexes an older ledger’s items by id with their level, read without the items’ rows', () => {
    expect(MIGRATIONS[15]).toBe(cabinetLevels);
    const db = openRaw(join(tempDir(), 'd.db'), randomBytes(32), { create: true });
    migrate(db, MIGRATIONS.slice(0, 15));
    const insert = db.prepare(
      `INSERT INTO documents (year, seq, receipt_no, origin, doc_number, title, origin_unit, carrier, level, level_rank, marking, issue_date, scope, must_return, attachments, remarks, registered_at, created_at, created_by)
       VALUES (2026, ?, ?, 'received', ?, '通知', '省保密局', 'paper', ?, 2, '机密★10年', '2026-11-02', '[]', 0, '', '', '2026-11-03', '2026-11-03T01:00:00.000Z', 'liming')`,
    );
    insert.run(1, '2026-0001', 'A1', 'secret');
    insert.run(2, '2026-0002', 'A2', 'internal');
    migrate(db, MIGRATIONS.slice(0, 16));
    expect(schemaVersion(db)).toBe(16);
    const q = `SELECT id, level FROM documents INDEXED BY documents_level_of WHERE id = ?`;
    expect(db.prepare(`EXPLAIN QUERY PLAN ${q}`).all(1)).toMatchObject([{ detail: expect.stringMatching(/COVERING INDEX documents_level_of/) }]);
    expect([1, 2].map((id) => db.prepare(q).get(id))).toEqual([
      { id: 1, level: 'secret' },
      { id: 2, level: 'internal' },
    ]);
    db.close();
  });
});
