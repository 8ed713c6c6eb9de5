import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRaw, tempDir } from '../../testing';
import { migrate, schemaVersion } from '../migrate';
import { pendingReceipts } from './0011-pending-receipts';
import { MIGRATIONS } from './index';

describe('migration 0011 pending receipts', () => {
  it('lists the transmissions an older ledger still waits a receipt for, then keeps the list as events come', () => {
    expect(MIGRATIONS[10]).toBe(pendingReceipts);
    const db = openRaw(join(tempDir(), 'd.db'), randomBytes(32), { create: true });
    migrate(db, MIGRATIONS.slice(0, 10));
    db.exec(`INSERT INTO documents (year, seq, receipt_no, origin, doc_number, title, origin_unit, carrier, level, level_rank, marking, issue_date, scope, must_return, attachments, remarks, registered_at, created_at, created_by)
             VALUES (2026, 1, '2026-0001', 'received', 'A1', '通知', '省保密局', 'paper', 'secret', 2, '机密★10年', '2026-11-02', '[]', 0, '', '', '2026-11-03', '2026-11-03T01:00:00.000Z', 'liming')`);
    const event = db.prepare(
      `INSERT INTO events (document_id, kind, at, details, imported, recorded_at, recorded_by) VALUES (1, ?, ?, ?, ?, '2026-11-20T01:00:00.000Z', 'liming')`,
    );
    const sent = Number(event.run('transmit', '2026-11-04T09:00:00.000Z', '{}', 0).lastInsertRowid);
    const answered = Number(event.run('forward', '2026-11-05', '{}', 0).lastInsertRowid);
    event.run('receipt_confirmed', '2026-11-06', JSON.stringify({ eventId: answered }), 0);
    event.run('transmit', '2026-01-05', '{}', 1); // imported history waits for nothing
    event.run('lend', '2026-11-07', '{}', 0);

    migrate(db, MIGRATIONS.slice(0, 11));
    expect(schemaVersion(db)).toBe(11);
    const pending = () => db.prepare('SELECT event_id, document_id, sent_on FROM pending_receipts ORDER BY event_id').all();
    expect(pending()).toEqual([{ event_id: sent, document_id: 1, sent_on: '2026-11-04' }]);

    const later = Number(event.run('transmit', '2026-11-21', '{}', 0).lastInsertRowid);
    expect(pending()).toEqual([
      { event_id: sent, document_id: 1, sent_on: '2026-11-04' },
      { event_id: later, document_id: 1, sent_on: '2026-11-21' },
    ]);
    event.run('receipt_confirmed', '2026-11-22', JSON.stringify({ eventId: sent }), 0);
    expect(pending()).toEqual([{ event_id: later, document_id: 1, sent_on: '2026-11-21' }]);
    db.close();
  });
});
