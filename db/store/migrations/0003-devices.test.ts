import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRaw, tempDir } from '../../testing';
import { migrate, schemaVersion } from '../migrate';
import type { Db } from '../sql';
import { devices } from './0003-devices';
import { MIGRATIONS } from './index';

/** An encrypted database with migrations 1 to 3 applied. */
function devicesDb(): Db {
  const db = openRaw(join(tempDir(), 'd.db'), randomBytes(32), { create: true });
  migrate(db, MIGRATIONS.slice(0, 3));
  return db;
}

const NOW = `'2026-11-25T01:00:00.000Z', 'zhangwei'`;
const insertComputer = (db: Db, code: string, level: string, network: string, extra: Partial<{ serial: string; disk: string | null }> = {}) =>
  db
    .prepare(
      `INSERT INTO computers (code, name, model, serial, disk_serial, os, level, network, purpose, department, responsible, location, enabled_at, status, remarks, created_at, created_by)
       VALUES (?, 'pc', 'm', ?, ?, 'os', ?, ?, 'p', 'd', 'r', 'l', '2026-01-05', 'in_use', '', ${NOW})`,
    )
    .run(code, extra.serial ?? `SN-${code}`, extra.disk === undefined ? null : extra.disk, level, network);
const insertMedium = (db: Db, code: string, level: string, everClassified: number, serial = `SN-${code}`) =>
  db
    .prepare(
      `INSERT INTO media (code, type, model, serial, capacity, level, ever_classified, responsible, department, usage_scope, enabled_at, status, remarks, created_at, created_by)
       VALUES (?, 'usb', 'm', ?, '32GB', ?, ?, 'r', 'd', 's', '2026-02-01', 'in_use', '', ${NOW})`,
    )
    .run(code, serial, level, everClassified);

describe('migration 0003 devices', () => {
  it('is the third migration and sets user_version 3', () => {
    expect(MIGRATIONS[2]).toBe(devices);
    expect(devices.version).toBe(3);
    const db = devicesDb();
    expect(schemaVersion(db)).toBe(3);
    db.close();
  });

  it('creates the device tables, all STRICT, and STRICT is enforced', () => {
    const db = devicesDb();
    const list = db.pragma('table_list') as { schema: string; name: string; strict: number }[];
    const mine = ['computers', 'media', 'device_events', 'media_usage', 'departures'];
    for (const name of mine) expect({ name, strict: list.find((t) => t.schema === 'main' && t.name === name)?.strict }).toEqual({ name, strict: 1 });
    insertComputer(db, 'C1', 'secret', 'standalone');
    expect(() =>
      db
        .prepare(
          `INSERT INTO media_usage (medium_id, computer_id, at, user_name, purpose, data_level, recorded_at, recorded_by) VALUES ('one', 1, 'now', 'u', 'p', 'secret', ${NOW})`,
        )
        .run(),
    ).toThrow(/cannot store TEXT/);
    expect(() => db.prepare(`UPDATE computers SET name = X'00'`).run()).toThrow(/cannot store BLOB/);
    expect(() => insertMedium(db, 'M1', 'secret', 'yes' as unknown as number)).toThrow(/cannot store TEXT/);
    db.close();
  });

  it('CHECK: a classified computer is never on internet or egov_extranet, on INSERT or UPDATE; a non-classified one may be', () => {
    const db = devicesDb();
    for (const level of ['top_secret', 'secret', 'confidential']) {
      for (const network of ['internet', 'egov_extranet'])
        expect(() => insertComputer(db, `X-${level}-${network}`, level, network)).toThrow(/CHECK constraint failed/);
    }
    insertComputer(db, 'C1', 'secret', 'classified_intranet');
    insertComputer(db, 'C2', 'non_secret', 'internet');
    insertComputer(db, 'C3', 'non_secret', 'egov_extranet');
    expect(() => db.prepare(`UPDATE computers SET network = 'internet' WHERE code = 'C1'`).run()).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare(`UPDATE computers SET level = 'confidential' WHERE code = 'C3'`).run()).toThrow(/CHECK constraint failed/);
    expect(() => insertComputer(db, 'C4', 'secret', 'wifi')).toThrow(/CHECK constraint failed/);
    expect(() => insertComputer(db, 'C5', 'internal', 'standalone')).toThrow(/CHECK constraint failed/);
    expect(db.prepare('SELECT code, level, network FROM computers ORDER BY code').all()).toEqual([
      { code: 'C1', level: 'secret', network: 'classified_intranet' },
      { code: 'C2', level: 'non_secret', network: 'internet' },
      { code: 'C3', level: 'non_secret', network: 'egov_extranet' },
    ]);
    db.close();
  });

  it('CHECK: a medium that ever held secrets is never 非涉密', () => {
    const db = devicesDb();
    expect(() => insertMedium(db, 'M0', 'non_secret', 1)).toThrow(/CHECK constraint failed/);
    insertMedium(db, 'M1', 'secret', 1);
    insertMedium(db, 'M2', 'non_secret', 0);
    expect(() => db.prepare(`UPDATE media SET level = 'non_secret' WHERE code = 'M1'`).run()).toThrow(/CHECK constraint failed/);
    db.prepare(`UPDATE media SET level = 'confidential', ever_classified = 1 WHERE code = 'M2'`).run();
    expect(() => db.prepare(`UPDATE media SET level = 'non_secret' WHERE code = 'M2'`).run()).toThrow(/CHECK constraint failed/);
    expect(() => insertMedium(db, 'M3', 'secret', 2)).toThrow(/CHECK constraint failed/);
    db.close();
  });

  it('codes and serials are unique whatever the case; disk serials too, except absent or empty', () => {
    const db = devicesDb();
    insertComputer(db, 'C1', 'secret', 'standalone', { serial: 'ABC', disk: 'DISK-1' });
    expect(() => insertComputer(db, 'c1', 'secret', 'standalone')).toThrow(/UNIQUE/);
    expect(() => insertComputer(db, 'C2', 'secret', 'standalone', { serial: 'abc' })).toThrow(/UNIQUE/);
    expect(() => insertComputer(db, 'C2', 'secret', 'standalone', { disk: 'disk-1' })).toThrow(/UNIQUE/);
    insertComputer(db, 'C2', 'secret', 'standalone', { disk: null });
    insertComputer(db, 'C3', 'secret', 'standalone', { disk: null });
    insertComputer(db, 'C4', 'secret', 'standalone', { disk: '' });
    insertComputer(db, 'C5', 'secret', 'standalone', { disk: '' });
    insertMedium(db, 'M1', 'secret', 1, 'USB-1');
    expect(() => insertMedium(db, 'm1', 'secret', 1)).toThrow(/UNIQUE/);
    expect(() => insertMedium(db, 'M2', 'secret', 1, 'usb-1')).toThrow(/UNIQUE/);
    db.close();
  });

  it('device_events, media_usage and departures refuse UPDATE and DELETE; device_events details must be JSON', () => {
    const db = devicesDb();
    insertComputer(db, 'C1', 'secret', 'standalone');
    insertMedium(db, 'M1', 'secret', 1);
    db.prepare(
      `INSERT INTO device_events (device, device_id, kind, at, details, recorded_at, recorded_by) VALUES ('computer', 1, 'enable', '2026-01-05', '{}', ${NOW})`,
    ).run();
    db.prepare(
      `INSERT INTO media_usage (medium_id, computer_id, at, user_name, purpose, data_level, recorded_at, recorded_by) VALUES (1, 1, 'now', 'u', 'p', 'secret', ${NOW})`,
    ).run();
    db.prepare(
      `INSERT INTO departures (person, at, handed_to, supervisor, recorded_at, recorded_by) VALUES ('王芳', '2026-11-25', '李明', '陈主任', ${NOW})`,
    ).run();
    const before = ['device_events', 'media_usage', 'departures'].map((t) => db.prepare(`SELECT * FROM ${t}`).all());
    for (const [table, column] of [
      ['device_events', 'kind'],
      ['media_usage', 'purpose'],
      ['departures', 'person'],
    ] as const) {
      expect(() => db.prepare(`UPDATE ${table} SET ${column} = 'x'`).run()).toThrow(new RegExp(`${table} is append-only`));
      expect(() => db.prepare(`UPDATE ${table} SET recorded_by = 'x' WHERE id = 1`).run()).toThrow(/append-only/);
      expect(() => db.prepare(`DELETE FROM ${table} WHERE id = 1`).run()).toThrow(new RegExp(`${table} is append-only`));
      expect(() => db.prepare(`DELETE FROM ${table}`).run()).toThrow(/append-only/);
    }
    expect(['device_events', 'media_usage', 'departures'].map((t) => db.prepare(`SELECT * FROM ${t}`).all())).toEqual(before);
    expect(() =>
      db
        .prepare(`INSERT INTO device_events (device, device_id, kind, at, details, recorded_at, recorded_by) VALUES ('computer', 1, 'x', 'now', '{', ${NOW})`)
        .run(),
    ).toThrow(/CHECK constraint failed/);
    expect(() =>
      db
        .prepare(`INSERT INTO device_events (device, device_id, kind, at, details, recorded_at, recorded_by) VALUES ('printer', 1, 'x', 'now', '{}', ${NOW})`)
        .run(),
    ).toThrow(/CHECK constraint failed/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO media_usage (medium_id, computer_id, at, user_name, purpose, data_level, recorded_at, recorded_by) VALUES (1, 1, 'now', 'u', 'p', 'classified', ${NOW})`,
        )
        .run(),
    ).toThrow(/CHECK constraint failed/);
    // The registers themselves are not append-only: status and responsible change in place (history keeps before/after).
    db.prepare(`UPDATE computers SET status = 'stopped'`).run();
    db.close();
  });
});
