// The manifest of a backup folder: what it holds and how to prove the files are the ones written.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { z } from 'zod';
import { LedgerError } from '../errors';
import { readJsonFile } from '../store/files';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_FORMAT = 'secrecy-ledger-backup';
export const MANIFEST_VERSION = 1;
export const BACKUP_DB_FILE = 'ledger.db';
export const BACKUP_KEY_FILE = 'ledger.keys';
/** The files a backup folder holds besides the manifest, in the order they are written. */
export const BACKUP_FILES = [BACKUP_DB_FILE, BACKUP_KEY_FILE] as const;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const fileEntry = z.object({ sha256, size: z.number().int().min(0) });

export const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  formatVersion: z.number().int().min(1),
  appVersion: z.string().min(1).max(40),
  schemaVersion: z.number().int().min(1),
  ledgerId: z.string().uuid(),
  createdAt: z.iso.datetime({ offset: true }),
  createdBy: z.string().min(1).max(64),
  unitName: z.string().max(100),
  counts: z.record(z.string(), z.number().int().min(0)),
  auditHead: z.object({ seq: z.number().int().min(0), hash: sha256 }),
  medium: z.object({ id: z.number().int().positive(), code: z.string().min(1), serial: z.string().min(1) }),
  files: z.object({ [BACKUP_DB_FILE]: fileEntry, [BACKUP_KEY_FILE]: fileEntry }),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** Reads and checks a manifest; a missing or malformed one means the folder is not a backup. */
export function readManifest(path: string): Manifest {
  const raw = readJsonFile(path, 'E_NOT_A_BACKUP');
  // The version is looked at before the shape: a newer format may have other fields.
  const version = z.object({ format: z.literal(MANIFEST_FORMAT), formatVersion: z.number().int() }).safeParse(raw);
  if (!version.success) throw new LedgerError('E_NOT_A_BACKUP');
  if (version.data.formatVersion > MANIFEST_VERSION) {
    throw new LedgerError('E_LEDGER_TOO_NEW', {
      backup: true,
      fileVersion: version.data.formatVersion,
      appVersion: MANIFEST_VERSION,
    });
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw new LedgerError('E_NOT_A_BACKUP', { issues: parsed.error.issues.slice(0, 5).map((i) => i.path.join('.')) });
  return parsed.data;
}

/** SHA-256 and size of a file, read in chunks (a backup of a large ledger is hundreds of megabytes). */
export function hashFile(path: string): { sha256: string; size: number } {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  const chunk = Buffer.allocUnsafe(1 << 20);
  let size = 0;
  try {
    for (let n = readSync(fd, chunk, 0, chunk.length, null); n > 0; n = readSync(fd, chunk, 0, chunk.length, null)) {
      hash.update(chunk.subarray(0, n));
      size += n;
    }
  } finally {
    closeSync(fd);
  }
  return { sha256: hash.digest('hex'), size };
}
