// Writing a backup: VACUUM INTO (same cipher and key) under a temporary name, flushed, renamed, then verified.
import { closeSync, constants, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, accessSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { auditHead } from '../audit/chain';
import type { TargetReason } from '../domain/errors';
import { LedgerError, toLedgerError } from '../errors';
import { createPrivateFile, PRIVATE_DIR_MODE, readJsonFile, writeFileAtomic } from '../store/files';
import { readKeyFile } from '../store/keyring';
import { applyKey } from '../store/open';
import type { Db } from '../store/sql';
import { BACKUP_DB_FILE, BACKUP_KEY_FILE, hashFile, MANIFEST_FILE, MANIFEST_FORMAT, MANIFEST_VERSION, type Manifest } from './manifest';
import { checkBackupFiles, openCopy, tableCounts, verifyContent } from './verify';

/** The steps a backup reports, in order; hosts show them, tests act at one of them. */
export const BACKUP_STEPS = ['copy', 'keys', 'manifest', 'flush', 'verify', 'rename', 'marker'] as const;
export type BackupStep = (typeof BACKUP_STEPS)[number];

const PARTIAL_SUFFIX = '.partial';
export const MARKER_FILE = '.secrecy-ledger-medium.json';
const markerSchema = z.object({ ledgerId: z.string(), medium: z.object({ id: z.number(), code: z.string(), serial: z.string() }), boundAt: z.string() });
export type Marker = z.infer<typeof markerSchema>;

/** The live ledger a backup is made from: another connection is opened on it with the key. */
export interface BackupSource {
  dbPath: string;
  keyPath: string;
  key: Buffer;
  nativeBinding?: string | undefined;
}

export interface BackupRequest {
  source: BackupSource;
  folder: string;
  /** Final folder name, e.g. 涉密载体台账备份-20261125-093000. */
  name: string;
  about: Pick<Manifest, 'appVersion' | 'schemaVersion' | 'ledgerId' | 'createdAt' | 'createdBy' | 'unitName' | 'medium'>;
  onProgress?: ((step: BackupStep) => void) | undefined;
}

export interface BackupResult {
  path: string;
  manifest: Manifest;
}

export function backupName(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  // Local time: the name is what the custodian reads on the medium.
  return `涉密载体台账备份-${at.getFullYear()}${p(at.getMonth() + 1)}${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}`;
}

/** The target folder exists, is a folder and takes a file. */
function assertTargetFolder(folder: string): void {
  let isDir: boolean;
  try {
    isDir = statSync(folder).isDirectory();
  } catch {
    throw new LedgerError('E_BACKUP_TARGET_UNAVAILABLE', { reason: 'missing', folder });
  }
  if (!isDir) throw new LedgerError('E_BACKUP_TARGET_UNAVAILABLE', { reason: 'not-a-folder', folder });
  try {
    accessSync(folder, constants.W_OK);
    const probe = join(folder, `.secrecy-ledger-probe-${process.pid}`);
    closeSync(openSync(probe, 'w'));
    rmSync(probe);
  } catch (err) {
    throw targetError(err, folder, 'not-writable');
  }
}

function readMarker(folder: string): Marker | null {
  if (!existsSync(join(folder, MARKER_FILE))) return null;
  const parsed = markerSchema.safeParse(readJsonFile(join(folder, MARKER_FILE), 'E_BACKUP_FOLDER_BOUND'));
  if (!parsed.success) throw new LedgerError('E_BACKUP_FOLDER_BOUND', { reason: 'unreadable-marker' });
  return parsed.data;
}

/** A folder bound to another medium or another ledger is refused; true when the folder is not bound yet. */
function checkMarker(folder: string, ledgerId: string, medium: Marker['medium']): boolean {
  const marker = readMarker(folder);
  if (!marker) return true;
  if (marker.ledgerId !== ledgerId) throw new LedgerError('E_BACKUP_FOLDER_BOUND', { reason: 'other-ledger', boundTo: marker.medium.code });
  if (marker.medium.id !== medium.id || marker.medium.serial.toLowerCase() !== medium.serial.toLowerCase()) {
    throw new LedgerError('E_BACKUP_FOLDER_BOUND', { reason: 'other-medium', boundTo: marker.medium.code, medium: medium.code });
  }
  return false;
}

/**
 * Writes one backup folder and proves it: nothing carries the final name until every file is flushed,
 * and a copy that fails the check is removed. Throws E_DISK_FULL, E_BACKUP_TARGET_UNAVAILABLE or E_BACKUP_DAMAGED.
 */
export function writeBackup(req: BackupRequest): BackupResult {
  const { folder, source } = req;
  const progress = req.onProgress ?? (() => {});
  assertTargetFolder(folder);
  const unbound = checkMarker(folder, req.about.ledgerId, req.about.medium);
  const final = join(folder, req.name);
  if (existsSync(final)) throw new LedgerError('E_BACKUP_TARGET_UNAVAILABLE', { reason: 'exists', folder });
  const partial = join(folder, `.${req.name}${PARTIAL_SUFFIX}`);
  let renamed = false;
  try {
    removeLeftovers(folder);
    mkdirSync(partial, { mode: PRIVATE_DIR_MODE });
    progress('copy');
    const live = openSource(source);
    try {
      // Not a file copy: VACUUM INTO reads one consistent snapshot through SQLite, WAL included, and keeps the cipher and key.
      createPrivateFile(join(partial, BACKUP_DB_FILE)); // VACUUM INTO fills an empty file, keeping its mode
      live.prepare('VACUUM INTO ?').run(join(partial, BACKUP_DB_FILE));
    } finally {
      live.close();
    }
    progress('keys');
    // Failed-attempt counters and sealed attempts belong to the live file, not to a restore point.
    writeFileAtomic(
      join(partial, BACKUP_KEY_FILE),
      JSON.stringify({ ...readKeyFile(source.keyPath), throttle: { failures: 0, lastFailureAt: null }, pendingAudit: [] }, null, 1),
    );
    const copy = openCopy(join(partial, BACKUP_DB_FILE), source.key, source.nativeBinding);
    let manifest: Manifest;
    try {
      manifest = {
        format: MANIFEST_FORMAT,
        formatVersion: MANIFEST_VERSION,
        ...req.about,
        counts: tableCounts(copy),
        auditHead: auditHead(copy, req.about.ledgerId),
        files: { [BACKUP_DB_FILE]: hashFile(join(partial, BACKUP_DB_FILE)), [BACKUP_KEY_FILE]: hashFile(join(partial, BACKUP_KEY_FILE)) },
      };
    } finally {
      copy.close();
    }
    progress('manifest');
    writeFileAtomic(join(partial, MANIFEST_FILE), JSON.stringify(manifest, null, 1));
    progress('flush');
    for (const f of [BACKUP_DB_FILE, BACKUP_KEY_FILE, MANIFEST_FILE]) fsyncPath(join(partial, f));
    fsyncPath(partial);
    // Verified before it gets its final name: a folder named like a backup is always a proven one.
    progress('verify');
    verifyBackup(partial, source.key, source.nativeBinding);
    progress('rename');
    renameSync(partial, final);
    renamed = true;
    fsyncPath(folder);
    progress('marker');
    if (unbound)
      writeFileAtomic(
        join(folder, MARKER_FILE),
        JSON.stringify({ ledgerId: req.about.ledgerId, medium: req.about.medium, boundAt: req.about.createdAt } satisfies Marker, null, 1),
      );
    return { path: final, manifest };
  } catch (err) {
    // Nothing that failed may stay behind looking like a backup.
    removeQuietly(partial);
    if (renamed) removeQuietly(final);
    // Whatever failed, a folder that is gone is the reason (a pulled medium); a LedgerError of our own stands.
    throw !existsSync(folder) || !(err instanceof LedgerError) || err.code === 'E_IO' ? targetError(err, folder, 'write-failed') : err;
  }
}

/** Manifest and hashes, then the copy reopened with the key: integrity, identity, counts, audit head. */
export function verifyBackup(folder: string, key: Buffer, nativeBinding?: string): Manifest {
  const manifest = checkBackupFiles(folder);
  const db = openCopy(join(folder, BACKUP_DB_FILE), key, nativeBinding);
  try {
    verifyContent(db, manifest);
  } finally {
    db.close();
  }
  return manifest;
}

function openSource(source: BackupSource): Db {
  const db = new Database(source.dbPath, { fileMustExist: true, ...(source.nativeBinding ? { nativeBinding: source.nativeBinding } : {}) });
  applyKey(db, source.key);
  return db;
}

export function fsyncPath(path: string): void {
  if (process.platform === 'win32' && statSync(path).isDirectory()) return; // folders cannot be opened for fsync on Windows
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Partial folders of backups an earlier process did not finish (killed, power lost). */
function removeLeftovers(folder: string): void {
  for (const entry of readdirSync(folder)) if (entry.startsWith('.') && entry.endsWith(PARTIAL_SUFFIX)) removeQuietly(join(folder, entry));
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    /* the medium may be gone; then nothing of it is left to look valid either */
  }
}

/** A disk that filled up is E_DISK_FULL; anything else that stops writing to the folder is the target's fault. */
function targetError(err: unknown, folder: string, reason: TargetReason): LedgerError {
  const e = toLedgerError(err);
  if (e.code === 'E_DISK_FULL') return e;
  const cause = String(e.details?.cause ?? (err as { code?: string }).code ?? e.code);
  return new LedgerError('E_BACKUP_TARGET_UNAVAILABLE', { reason: existsSync(folder) ? reason : 'vanished', cause, folder });
}
