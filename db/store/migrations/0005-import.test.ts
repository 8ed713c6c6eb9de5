import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRaw, tempDir } from '../../testing';
import { migrate, schemaVersion } from '../migrate';
import { importSupport } from './0005-import';
import { MIGRATIONS } from './index';

describe('migration 0005 import', () => {
  it('marks existing device history as not imported, accepts only 0 and 1, and keeps device history append-only', () => {
    expect(MIGRATIONS[4]).toBe(importSupport);
    const db = openRaw(join(tempDir(), 'd.db'), randomBytes(32), { create: true });
    migrate(db, MIGRATIONS.slice(0, 4));
    const insert = `INSERT INTO device_events (device, device_id, kind, at, details, recorded_at, recorded_by) VALUES ('computer', 1, 'enable', '2026-01-05', '{}', '2026-11-25T01:00:00.000Z', 'zhangwei')`;
    db.exec(insert);
    migrate(db, MIGRATIONS.slice(0, 5));
    expect(schemaVersion(db)).toBe(5);
    expect(db.prepare('SELECT imported FROM device_events').all()).toEqual([{ imported: 0 }]);
    expect(() => db.exec(insert.replace('recorded_by)', 'recorded_by, imported)').replace("'zhangwei')", "'zhangwei', 2)"))).toThrow(/CHECK/);
    expect(() => db.exec('UPDATE device_events SET imported = 1')).toThrow(/append-only/);
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT 1 FROM documents WHERE doc_number = '鲁发〔2026〕3号' AND doc_number <> ''`).all() as {
      detail: string;
    }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('documents_doc_number');
    db.close();
  });
});
