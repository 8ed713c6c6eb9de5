import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRaw, tempDir } from '../../testing';
import { migrate } from '../migrate';
import { MIGRATIONS } from './index';

describe('migration 4: backups', () => {
  it('keeps the backup history append-only and tied to a registered medium', () => {
    const db = openRaw(join(tempDir(), 'b.db'), randomBytes(32), { create: true });
    migrate(db, MIGRATIONS.slice(0, 4));
    db.pragma('foreign_keys = ON');
    db.prepare(
      `INSERT INTO media (code, type, model, serial, capacity, level, ever_classified, responsible, department, usage_scope, enabled_at, status, backup_approved, remarks, created_at, created_by)
       VALUES ('BK-1', 'hdd', 'm', 'SN1', '1TB', 'secret', 1, 'r', 'd', 's', '2026-02-01', 'in_use', 1, '', 'x', 'y')`,
    ).run();
    const insert = (mediumId: number) =>
      db
        .prepare(
          `INSERT INTO backups (at, medium_id, folder, name, db_sha256, db_size, audit_seq, audit_hash, counts, seconds, recorded_by) VALUES ('t', ?, '/m', 'n', ?, 10, 1, 'h', '{}', 0.5, 'u')`,
        )
        .run(mediumId, 'a'.repeat(64));
    insert(1);
    expect(() => insert(99)).toThrow(/FOREIGN KEY/);
    expect(() => db.exec(`UPDATE backups SET folder = '/x'`)).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM backups')).toThrow(/append-only/);
    db.close();
  });
});
