import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRaw, tempDir } from '../../testing';
import { migrate, schemaVersion } from '../migrate';
import { awaitingReturn } from './0015-awaiting-return';
import { MIGRATIONS } from './index';

describe('migration 0015 awaiting return', () => {
  it('indexes an older ledger’s items owed to the issuer: only those that must go back and still hold originals, not voided', () => {
    expect(MIGRATIONS[14]).toBe(awaitingReturn);
    const db = openRaw(join(tempDir(), 'd.db'), randomBytes(32), { create: true });
    migrate(db, MIGRATIONS.slice(0, 14));
    const insert = db.prepare(
      `INSERT INTO documents (year, seq, receipt_no, origin, doc_number, title, origin_unit, carrier, level, level_rank, marking, issue_date, scope, must_return, held_copies, held_originals, attachments, remarks, registered_at, created_at, created_by)
       VALUES (2026, ?, ?, 'received', ?, '通知', '省保密局', 'paper', 'secret', 2, '机密★10年', '2026-11-02', '[]', ?, ?, ?, '', '', '2026-11-03', '2026-11-03T01:00:00.000Z', 'liming')`,
    );
    insert.run(1, '2026-0001', 'A1', 1, 2, 2); // owed, 2 originals held
    insert.run(2, '2026-0002', 'A2', 1, 0, 0); // owed, all returned
    insert.run(3, '2026-0003', 'A3', 0, 3, 3); // kept by the unit
    migrate(db, MIGRATIONS.slice(0, 15));
    expect(schemaVersion(db)).toBe(15);
    // INDEXED BY: read through the index, or refused.
    const owed = db
      .prepare(
        `SELECT receipt_no, held_originals FROM documents INDEXED BY documents_awaiting_return WHERE must_return = 1 AND held_originals > 0 AND voided_at IS NULL`,
      )
      .all();
    expect(owed).toEqual([{ receipt_no: '2026-0001', held_originals: 2 }]);
    db.close();
  });
});
