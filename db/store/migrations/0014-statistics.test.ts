import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRaw, tempDir } from '../../testing';
import { migrate, schemaVersion } from '../migrate';
import { statistics } from './0014-statistics';
import { MIGRATIONS } from './index';

describe('migration 0014 statistics', () => {
  it('indexes an older ledger for the figures: late returns and missing copies by time, events with their item, held items, originals', () => {
    expect(MIGRATIONS[13]).toBe(statistics);
    const db = openRaw(join(tempDir(), 'd.db'), randomBytes(32), { create: true });
    migrate(db, MIGRATIONS.slice(0, 13));
    db.prepare(
      `INSERT INTO documents (year, seq, receipt_no, origin, doc_number, title, origin_unit, carrier, level, level_rank, marking, issue_date, scope, must_return, attachments, remarks, registered_at, created_at, created_by)
       VALUES (2026, 1, '2026-0001', 'received', 'A1', '通知', '省保密局', 'paper', 'secret', 2, '机密★10年', '2026-11-02', '[]', 0, '', '', '2026-11-03', '2026-11-03T01:00:00.000Z', 'liming')`,
    ).run();
    const event = db.prepare(
      `INSERT INTO events (document_id, kind, at, details, recorded_at, recorded_by) VALUES (1, ?, ?, ?, '2026-11-20T01:00:00.000Z', 'liming')`,
    );
    event.run('return_loan', '2026-11-13', JSON.stringify({ overdue: [2] }));
    event.run('return_loan', '2026-11-14', JSON.stringify({ overdue: [] }));
    event.run('inventory', '2026-11-15', JSON.stringify({ missing: [3], present: [1] }));
    migrate(db, MIGRATIONS.slice(0, 14));
    expect(schemaVersion(db)).toBe(14);
    // Each partial index holds only the event it is for (INDEXED BY: read through the index, or refused).
    const through = (index: string, kind: string, list: string) =>
      db.prepare(`SELECT at FROM events INDEXED BY ${index} WHERE kind = '${kind}' AND json_array_length(details, '$.${list}') > 0 AND at > ''`).all();
    expect(through('events_late_returns', 'return_loan', 'overdue')).toEqual([{ at: '2026-11-13' }]);
    expect(through('events_inventory_missing', 'inventory', 'missing')).toEqual([{ at: '2026-11-15' }]);
    const names = (
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('events_kind_at', 'documents_held_now', 'copies_originals')`).all() as {
        name: string;
      }[]
    )
      .map((r) => r.name)
      .sort();
    expect(names).toEqual(['copies_originals', 'documents_held_now', 'events_kind_at']);
    db.close();
  });
});
