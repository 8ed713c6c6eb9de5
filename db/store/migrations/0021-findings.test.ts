import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRaw, tempDir } from '../../testing';
import { migrate, schemaVersion } from '../migrate';
import { findings } from './0021-findings';
import { MIGRATIONS } from './index';

describe('migration 0021 findings', () => {
  it('keeps findings, their plans, closes and confirmations as history no one rewrites', () => {
    expect(MIGRATIONS[20]).toBe(findings);
    const db = openRaw(join(tempDir(), 'd.db'), randomBytes(32), { create: true });
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS.slice(0, 20));
    // An older ledger with an approver: the migration adds the tables and touches nothing else.
    db.exec(`INSERT INTO accounts (username, display_name, roles, created_at) VALUES ('wangju', '王局长', '["approver"]', '2026-11-01')`);
    migrate(db, MIGRATIONS.slice(0, 21));
    expect(schemaVersion(db)).toBe(21);
    const rec = `'2026-11-25T01:00:00.000Z', 'liming'`;
    db.exec(`INSERT INTO findings (finding_no, year, seq, source, found_on, description, place, severity, owner, recorded_at, recorded_by)
             VALUES ('ZG-2026-001', 2026, 1, 'self_inspection', '2026-11-20', '保密柜钥匙未随身保管', '办公室', 'minor', '李明', ${rec})`);
    db.exec(
      `INSERT INTO finding_plans (finding_id, deadline, measures, at, recorded_at, recorded_by) VALUES (1, '2026-12-20', '钥匙专人保管', '2026-11-20', ${rec})`,
    );
    db.exec(`INSERT INTO finding_closes (finding_id, done, closed_on, recorded_at, recorded_by) VALUES (1, '已整改', '2026-11-24', ${rec})`);
    db.exec(
      `INSERT INTO finding_confirmations (close_id, decision, way, approver_id, at, recorded_at, recorded_by) VALUES (1, 'confirmed', 'in_app', 1, '2026-11-25', ${rec})`,
    );

    const tables = { findings: 'owner', finding_plans: 'deadline', finding_closes: 'done', finding_confirmations: 'decision' };
    for (const [table, column] of Object.entries(tables)) {
      expect(() => db.exec(`DELETE FROM ${table}`), table).toThrow(/append-only/);
      expect(() => db.exec(`UPDATE ${table} SET ${column} = ${column}`), table).toThrow(/append-only/);
    }
    const finding = (values: string) =>
      db.exec(`INSERT INTO findings (finding_no, year, seq, source, stocktake_id, computer_check_id, found_on, description, place, severity, owner, recorded_at, recorded_by)
               VALUES (${values}, '2026-11-20', 'x', 'x', 'minor', 'x', ${rec})`);
    // A severity or source of no kind, a stocktake link on a self-inspection, a stocktake that does not exist, the same number twice.
    expect(() =>
      db.exec(`INSERT INTO findings (finding_no, year, seq, source, found_on, description, place, severity, owner, recorded_at, recorded_by)
             VALUES ('ZG-2026-002', 2026, 2, 'self_inspection', '2026-11-20', 'x', 'x', 'urgent', 'x', ${rec})`),
    ).toThrow(/CHECK/);
    expect(() => finding(`'ZG-2026-002', 2026, 2, 'rumour', NULL, NULL`)).toThrow(/CHECK/);
    expect(() => finding(`'ZG-2026-002', 2026, 2, 'self_inspection', NULL, 3`)).toThrow(/CHECK/);
    expect(() => finding(`'ZG-2026-002', 2026, 2, 'stocktake', 9, NULL`)).toThrow(/FOREIGN KEY/);
    expect(() => finding(`'ZG-2026-001', 2026, 2, 'inspection', NULL, NULL`)).toThrow(/UNIQUE/);
    expect(() => finding(`'ZG-2026-002', 2026, 2, 'computer_check', NULL, 9`)).toThrow(/FOREIGN KEY/);
    // One word per close; a confirmation by no account.
    expect(() =>
      db.exec(
        `INSERT INTO finding_confirmations (close_id, decision, way, approver_id, at, recorded_at, recorded_by) VALUES (1, 'rejected', 'in_app', 1, '2026-11-25', ${rec})`,
      ),
    ).toThrow(/UNIQUE|PRIMARY/);
    db.exec(`INSERT INTO finding_closes (finding_id, done, closed_on, recorded_at, recorded_by) VALUES (1, '再次', '2026-11-24', ${rec})`);
    expect(() =>
      db.exec(
        `INSERT INTO finding_confirmations (close_id, decision, way, approver_id, at, recorded_at, recorded_by) VALUES (2, 'confirmed', 'in_app', 7, '2026-11-25', ${rec})`,
      ),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db.exec(
        `INSERT INTO finding_confirmations (close_id, decision, way, approver_id, at, recorded_at, recorded_by) VALUES (2, 'maybe', 'in_app', 1, '2026-11-25', ${rec})`,
      ),
    ).toThrow(/CHECK/);
    db.close();
  });
});
