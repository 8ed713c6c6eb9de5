import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRaw, tempDir } from '../../testing';
import { migrate, schemaVersion } from '../migrate';
import { computerChecks } from './0020-computer-checks';
import { MIGRATIONS } from './index';

describe('migration 0020 computer checks', () => {
  it('gives an older ledger’s computers the security fields as not recorded, and an append-only check log', () => {
    expect(MIGRATIONS[19]).toBe(computerChecks);
    const db = openRaw(join(tempDir(), 'd.db'), randomBytes(32), { create: true });
    migrate(db, MIGRATIONS.slice(0, 19));
    db.prepare(
      `INSERT INTO computers (code, name, model, serial, os, level, network, purpose, department, responsible, location, enabled_at, status, remarks, created_at, created_by)
       VALUES ('BM-JSJ-1', '办公计算机', '联想', 'SN1', 'Windows 10', 'secret', 'standalone', '涉密文字处理', '办公室', '李明', '保密室', '2026-01-05', 'in_use', '', '2026-01-05T01:00:00.000Z', 'liming')`,
    ).run();
    migrate(db, MIGRATIONS.slice(0, 20));
    expect(schemaVersion(db)).toBe(20);
    // Nothing was recorded of an older computer: neither installed nor not installed.
    expect(db.prepare('SELECT monitoring, three_in_one, security_products FROM computers').get()).toEqual({
      monitoring: null,
      three_in_one: null,
      security_products: '[]',
    });
    expect(() => db.prepare(`UPDATE computers SET monitoring = 2`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE computers SET security_products = '{}'`).run()).toThrow(/CHECK/);
    const insert = db.prepare(
      `INSERT INTO computer_checks (computer_id, kind, at, checker, result, problems, recorded_at, recorded_by) VALUES (1, ?, '2026-11-20', '王芳', ?, ?, '2026-11-20T01:00:00.000Z', 'liming')`,
    );
    insert.run('antivirus', 'normal', '');
    // 发现问题 without saying what, an unknown kind: refused by the table itself.
    expect(() => insert.run('outbound', 'problems', '  ')).toThrow(/CHECK/);
    expect(() => insert.run('disk_wipe', 'normal', '')).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE computer_checks SET result = 'problems'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM computer_checks`).run()).toThrow(/append-only/);
    db.close();
  });
});
