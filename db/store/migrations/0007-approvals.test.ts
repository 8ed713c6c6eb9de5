import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRaw, tempDir } from '../../testing';
import { migrate, schemaVersion } from '../migrate';
import { approvals } from './0007-approvals';
import { MIGRATIONS } from './index';

describe('migration 0007 approvals', () => {
  it('adds the append-only approval tables and points older events at no approval', () => {
    expect(MIGRATIONS[6]).toBe(approvals);
    const db = openRaw(join(tempDir(), 'a.db'), randomBytes(32), { create: true });
    migrate(db, MIGRATIONS.slice(0, 6));
    db.prepare(
      `INSERT INTO device_events (device, device_id, kind, at, details, recorded_at, recorded_by) VALUES ('computer', 1, 'status', '2026-11-02', '{}', '2026-11-02T01:00:00.000Z', 'liming')`,
    ).run();
    migrate(db, MIGRATIONS.slice(0, 7));
    expect(schemaVersion(db)).toBe(7);
    expect(db.prepare('SELECT approval_id FROM device_events').all()).toEqual([{ approval_id: null }]);
    db.prepare(`INSERT INTO accounts (username, display_name, roles, created_at) VALUES ('liming', '李明', '["custodian"]', '2026-11-02T01:00:00.000Z')`).run();
    db.prepare(
      `INSERT INTO approvals (approval_no, year, seq, kind, subject_type, subject_id, copy_nos, count, reason, requested_by, requested_at)
       VALUES ('SP-2026-0001', 2026, 1, 'copy', 'document', 1, '[1]', 2, '会议', 1, '2026-11-02T01:00:00.000Z')`,
    ).run();
    db.prepare(
      `INSERT INTO approval_decisions (approval_id, decision, way, decided_by, decided_at, note, expires_at, recorded_at, recorded_by)
       VALUES (1, 'approved', 'in_app', 1, '2026-11-02T02:00:00.000Z', '', '2026-12-02T02:00:00.000Z', '2026-11-02T02:00:00.000Z', 'wang')`,
    ).run();
    db.prepare(`INSERT INTO approval_uses (approval_id, used_at, used_by) VALUES (1, '2026-11-03T01:00:00.000Z', 'liming')`).run();
    for (const [table, column] of [
      ['approvals', 'reason'],
      ['approval_decisions', 'note'],
      ['approval_uses', 'used_by'],
    ]) {
      expect(() => db.prepare(`UPDATE ${table} SET ${column} = 'x'`).run()).toThrow(/append-only/);
      expect(() => db.prepare(`DELETE FROM ${table}`).run()).toThrow(/append-only/);
    }
    // Used once, decided once.
    expect(() => db.prepare(`INSERT INTO approval_uses (approval_id, used_at, used_by) VALUES (1, '2026-11-04T01:00:00.000Z', 'liming')`).run()).toThrow(
      /UNIQUE|PRIMARY/,
    );
    // A decision from outside the unit names its body, document number and date, and no account.
    db.prepare(
      `INSERT INTO approvals (approval_no, year, seq, kind, subject_type, subject_id, copy_nos, reason, requested_by, requested_at)
       VALUES ('SP-2026-0002', 2026, 2, 'forward', 'document', 1, '[]', '', 1, '2026-11-02T01:00:00.000Z')`,
    ).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO approval_decisions (approval_id, decision, way, decided_by, decided_at, note, expires_at, recorded_at, recorded_by)
           VALUES (2, 'approved', 'external', NULL, '2026-11-02', '', '2026-12-02', '2026-11-02', 'liming')`,
        )
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});
