import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRaw, tempDir } from '../../testing';
import { migrate, schemaVersion } from '../migrate';
import { telegramReminders } from './0017-telegram-reminders';
import { MIGRATIONS } from './index';

describe('migration 0017 telegram reminders', () => {
  it('indexes an older ledger’s telegrams and nothing else, and the reminders’ telegram counts read through it', () => {
    expect(MIGRATIONS[16]).toBe(telegramReminders);
    const db = openRaw(join(tempDir(), 'd.db'), randomBytes(32), { create: true });
    migrate(db, MIGRATIONS.slice(0, 16));
    const insert = db.prepare(
      `INSERT INTO documents (year, seq, receipt_no, origin, doc_number, title, origin_unit, carrier, level, level_rank, marking, issue_date, scope, must_return, held_copies, held_originals, return_by, attachments, remarks, registered_at, created_at, created_by)
       VALUES (2026, ?, ?, 'received', ?, '通知', '省保密局', ?, 'secret', 2, '机密★10年', '2026-11-02', '[]', 1, 1, 1, ?, '', '', '2026-11-03', '2026-11-03T01:00:00.000Z', 'liming')`,
    );
    insert.run(1, '2026-0001', 'A1', 'telegram', '2026-12-01');
    insert.run(2, '2026-0002', 'A2', 'paper', '2026-12-01');
    insert.run(3, '2026-0003', 'A3', 'telegram', '2027-01-15');
    migrate(db, MIGRATIONS.slice(0, 17));
    expect(schemaVersion(db)).toBe(17);
    // INDEXED BY: read through the index, or refused.
    const due = db
      .prepare(`SELECT receipt_no FROM documents d INDEXED BY documents_telegrams WHERE d.carrier = 'telegram' AND d.return_by < '2027-01-01'`)
      .all();
    expect(due).toEqual([{ receipt_no: '2026-0001' }]);
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT count(*) FROM documents d WHERE d.carrier = 'telegram' AND d.held_copies > 0`).all() as {
      detail: string;
    }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('documents_telegrams');
    db.close();
  });
});
