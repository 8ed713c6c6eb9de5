// Checking a backup folder: the manifest and the file hashes need no key; the full check reopens the copy with it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { auditHead } from '../audit/chain';
import { LedgerError } from '../errors';
import { APPLICATION_ID, applyKey } from '../store/open';
import { MIGRATIONS } from '../store/migrations';
import { all, get, sql, type Db } from '../store/sql';
import { APP_VERSION } from '../version';
import { BACKUP_FILES, hashFile, MANIFEST_FILE, readManifest, type Manifest } from './manifest';

/** The manifest, once every file it lists is present with its size and SHA-256, and the backup is not from a newer app. */
export function checkBackupFiles(folder: string): Manifest {
  if (!existsSync(folder)) throw new LedgerError('E_BACKUP_TARGET_UNAVAILABLE', { reason: 'missing', folder });
  const manifest = readManifest(join(folder, MANIFEST_FILE));
  assertNotNewer(manifest);
  for (const name of BACKUP_FILES) {
    const path = join(folder, name);
    if (!existsSync(path)) throw damaged(name, 'missing');
    const { sha256, size } = hashFile(path);
    const expected = manifest.files[name];
    if (size !== expected.size) throw damaged(name, 'size', { expectedSize: expected.size, size });
    if (sha256 !== expected.sha256) throw damaged(name, 'hash');
  }
  return manifest;
}

/** A backup written by a newer app or schema is refused before anything is read from it. */
function assertNotNewer(manifest: Manifest): void {
  if (manifest.schemaVersion > MIGRATIONS.length || compareVersions(manifest.appVersion, APP_VERSION) > 0) {
    throw new LedgerError('E_LEDGER_TOO_NEW', {
      backup: true,
      fileVersion: manifest.schemaVersion,
      appVersion: MIGRATIONS.length,
      backupApp: manifest.appVersion,
    });
  }
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** Opens a copied ledger database with its key, read-only (no migrations, nothing written). */
export function openCopy(path: string, key: Buffer, nativeBinding?: string): Db {
  const db = new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    applyKey(db, key);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) throw damaged('ledger.db', 'not-a-ledger');
    return db;
  } catch (err) {
    db.close();
    if (err instanceof LedgerError) throw err;
    throw damaged('ledger.db', 'unreadable', { cause: (err as { code?: string }).code ?? String(err) });
  }
}

/** Row count of every table (FTS shadow tables included: VACUUM INTO copies them too). */
export function tableCounts(db: Db): Record<string, number> {
  const tables = all<{ name: string }>(
    db,
    sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`,
  );
  // Table names come from the schema itself, never from input.
  return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]));
}

/** The full check of a copy: integrity, identity, row counts and audit head as the manifest says. */
export function verifyContent(db: Db, manifest: Manifest): void {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  if (rows.length !== 1 || rows[0]?.integrity_check !== 'ok')
    throw damaged('ledger.db', 'integrity', { check: rows.slice(0, 5).map((r) => r.integrity_check) });
  const ledgerId = get<{ value: string }>(db, sql`SELECT value FROM ledger_meta WHERE key = 'ledger_id'`)?.value;
  if (ledgerId !== manifest.ledgerId) throw damaged('ledger.db', 'ledger-id');
  const counts = tableCounts(db);
  const differing = [...new Set([...Object.keys(counts), ...Object.keys(manifest.counts)])].filter((t) => counts[t] !== manifest.counts[t]);
  if (differing.length) throw damaged('ledger.db', 'counts', { tables: differing });
  const head = auditHead(db, manifest.ledgerId);
  if (head.seq !== manifest.auditHead.seq || head.hash !== manifest.auditHead.hash) throw damaged('ledger.db', 'audit-head');
}

function damaged(file: string, reason: string, extra: Record<string, unknown> = {}): LedgerError {
  return new LedgerError('E_BACKUP_DAMAGED', { file, reason, ...extra });
}
