// The ledger side of a backup: which media may take one, and the history of verified backups.
import { DEVICE_LEVELS, levelOfRank, levelRankSql, secretRank, type DeviceLevel } from '../domain/levels';
import type { MediumRefusal } from '../domain/errors';
import { LedgerError } from '../errors';
import { insertDeviceEvent, type MediumRow } from '../ledger/devices/devices';
import type { Recorder } from '../ledger/documents/model';
import { all, get, run, sql, type Db } from '../store/sql';
import { recorderName } from '../ledger/recorders';
import type { BackupView, DeviceLevelCode } from '../views';
import type { Manifest } from './manifest';

// A device's level weighed as state secrecy counts it; documents.level_rank already stores 内部 at 0, where this puts it.
const DEVICE_RANK = sql.trusted(levelRankSql('level', secretRank));

/**
 * The highest level the ledger holds, which a backup medium must match or exceed: documents with a copy still held
 * (in custody or on loan) and not declassified, and classified computers and media not yet scrapped or destroyed
 * (the registers describe them, so the backup is as sensitive as they are).
 */
export function highestLevelHeld(db: Db): DeviceLevel {
  const r = get<{ r: number | null }>(
    db,
    sql`SELECT max(r) AS r FROM (
          SELECT max(level_rank) AS r FROM documents WHERE held_copies > 0 AND declassified = 0
          UNION ALL SELECT max(${DEVICE_RANK}) FROM computers WHERE status NOT IN ('scrapped', 'destroyed')
          UNION ALL SELECT max(${DEVICE_RANK}) FROM media WHERE status NOT IN ('scrapped', 'destroyed'))`,
  )?.r;
  return levelOfRank(r ?? 0, DEVICE_LEVELS, secretRank) ?? 'non_secret';
}

/** The medium by id or code, if it is approved for a backup of this ledger; E_MEDIUM_NOT_APPROVED says which condition failed. */
export function requireApprovedMedium(db: Db, medium: number | string): MediumRow {
  const row =
    typeof medium === 'number'
      ? get<MediumRow>(db, sql`SELECT * FROM media WHERE id = ${medium}`)
      : get<MediumRow>(db, sql`SELECT * FROM media WHERE code = ${medium}`);
  const refuse = (reason: MediumRefusal, extra: { status?: string; mediumLevel?: DeviceLevel; ledgerLevel?: DeviceLevel } = {}): never => {
    throw new LedgerError('E_MEDIUM_NOT_APPROVED', { reason, medium: row?.code ?? String(medium), ...extra });
  };
  if (!row) return refuse('not-registered');
  if (row.status !== 'in_use') refuse('not-in-service', { status: row.status });
  if (!row.backup_approved) refuse('not-approved-for-backup');
  if (row.level === 'non_secret') refuse('non-classified');
  const held = highestLevelHeld(db);
  if (secretRank(row.level) < secretRank(held)) refuse('level-too-low', { mediumLevel: row.level, ledgerLevel: held });
  return row;
}

/** The backup event on the medium (its history) and the row of the backup history. */
export function recordBackup(rec: Recorder, medium: MediumRow, folder: string, name: string, manifest: Manifest, seconds: number): number {
  const db = manifest.files['ledger.db'];
  insertDeviceEvent(rec, 'medium', medium.id, 'backup', rec.now, { folder, name, auditHead: manifest.auditHead, sha256: db.sha256, size: db.size });
  return Number(
    run(
      rec.db,
      sql`INSERT INTO backups (at, medium_id, folder, name, db_sha256, db_size, audit_seq, audit_hash, counts, seconds, recorded_by)
                    VALUES (${rec.now}, ${medium.id}, ${folder}, ${name}, ${db.sha256}, ${db.size}, ${manifest.auditHead.seq}, ${manifest.auditHead.hash},
                            ${JSON.stringify(manifest.counts)}, ${seconds}, ${rec.actor})`,
    ).lastInsertRowid,
  );
}

interface BackupRow {
  id: number;
  at: string;
  medium_id: number;
  code: string;
  serial: string;
  level: DeviceLevelCode;
  folder: string;
  name: string;
  db_sha256: string;
  db_size: number;
  audit_seq: number;
  audit_hash: string;
  counts: string;
  seconds: number;
  recorded_by: string;
  recorder_name: string;
}

export function listBackups(db: Db, page: { offset: number; limit: number }): { total: number; rows: BackupView[] } {
  const total = get<{ n: number }>(db, sql`SELECT count(*) AS n FROM backups`)?.n ?? 0;
  const rows = all<BackupRow>(
    db,
    sql`SELECT b.*, m.code, m.serial, m.level, ${recorderName('b.recorded_by')} AS recorder_name FROM backups b JOIN media m ON m.id = b.medium_id
        ORDER BY b.at DESC, b.id DESC LIMIT ${page.limit} OFFSET ${page.offset}`,
  );
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      at: r.at,
      medium: { id: r.medium_id, code: r.code, serial: r.serial, level: r.level },
      folder: r.folder,
      name: r.name,
      dbSha256: r.db_sha256,
      dbSize: r.db_size,
      auditHead: { seq: r.audit_seq, hash: r.audit_hash },
      counts: JSON.parse(r.counts) as Record<string, number>,
      seconds: r.seconds,
      recordedBy: r.recorder_name,
    })),
  };
}

export function lastBackupAt(db: Db): string | null {
  return get<{ at: string | null }>(db, sql`SELECT max(at) AS at FROM backups`)?.at ?? null;
}

export function approvedMedia(db: Db): MediumRow[] {
  return all<MediumRow>(db, sql`SELECT * FROM media WHERE backup_approved = 1 AND status = 'in_use' AND level <> 'non_secret' ORDER BY code`);
}
