// Restoring a backup: staged and checked beside the live ledger, then switched in by renames under an intent file,
// so a crash at any point leaves the old or the new ledger whole (completePendingRestore finishes the switch).
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LedgerError } from '../errors';
import { PRIVATE_DIR_MODE, readJsonFile, writeFileAtomic } from '../store/files';
import { normalizeRecoveryCode, passwordSlotId, readKeyFile, RECOVERY_SLOT_ID, unwrapDecoy, unwrapKey, type KdfParams, type KeyFile } from '../store/keyring';
import { fsyncPath } from './backup';
import { BACKUP_FILES, hashFile, type Manifest } from './manifest';

export const RESTORE_INTENT_FILE = 'restore-intent.json';
const STAGING_PREFIX = '.restore-staging-';
/** Files of a live ledger folder: the database, its WAL companions and the key file. */
const LIVE_FILES = ['ledger.db', 'ledger.db-wal', 'ledger.db-shm', 'ledger.keys'] as const;
const SWAPPED = ['ledger.db', 'ledger.keys'] as const;

export const RESTORE_STEPS = ['stage', 'verify', 'prepare', 'intent', 'switch', 'done'] as const;
export type RestoreStep = (typeof RESTORE_STEPS)[number];

export type BackupCredentials = { username: string; password: string } | { username: string; recoveryCode: string };

const intentSchema = z.object({ staging: z.string().startsWith(STAGING_PREFIX), preRestore: z.string().startsWith('pre-restore-'), at: z.string() });

/** The database key from the backup's own key file: a password of an account in that backup, or its recovery code. */
export function unlockBackup(keyPath: string, manifest: Manifest, credentials: BackupCredentials, kdf: KdfParams): { key: Buffer; keyFile: KeyFile } {
  const keyFile = readKeyFile(keyPath);
  if (keyFile.ledgerId !== manifest.ledgerId) throw new LedgerError('E_BACKUP_DAMAGED', { file: 'ledger.keys', reason: 'ledger-id' });
  if ('password' in credentials) {
    const slot = keyFile.slots.find((s) => s.id === passwordSlotId(keyFile.ledgerId, credentials.username));
    const key = slot ? unwrapKey(keyFile.ledgerId, slot, credentials.password) : unwrapDecoy(credentials.password, kdf);
    if (!key) throw new LedgerError('E_WRONG_PASSWORD');
    return { key, keyFile };
  }
  const slot = keyFile.slots.find((s) => s.id === RECOVERY_SLOT_ID);
  const key = slot ? unwrapKey(keyFile.ledgerId, slot, normalizeRecoveryCode(credentials.recoveryCode)) : null;
  if (!key) throw new LedgerError('E_WRONG_RECOVERY_CODE');
  return { key, keyFile };
}

/** Copies the backup's files into a staging folder inside the ledger folder and checks the copies against the manifest. */
export function stageBackup(folder: string, manifest: Manifest, dir: string, stamp: string): string {
  const staging = join(dir, `${STAGING_PREFIX}${stamp}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true, mode: PRIVATE_DIR_MODE });
  for (const name of BACKUP_FILES) {
    copyFileSync(join(folder, name), join(staging, name));
    chmodSync(join(staging, name), 0o600); // an older backup's files may be readable by all
    // The copy is what goes live, so the copy is what must match (the medium may change under us).
    const { sha256, size } = hashFile(join(staging, name));
    if (sha256 !== manifest.files[name].sha256 || size !== manifest.files[name].size) {
      rmSync(staging, { recursive: true, force: true });
      throw new LedgerError('E_BACKUP_DAMAGED', { file: name, reason: 'hash' });
    }
    fsyncPath(join(staging, name));
  }
  fsyncPath(staging);
  return staging;
}

/**
 * Switches the staged ledger in. The live files move into `pre-restore-<stamp>/` (kept as the pre-restore copy),
 * the staged ones take their place. Every step is a rename recorded by the intent file first.
 */
export function switchLedger(dir: string, staging: string, stamp: string, onStep: (step: RestoreStep) => void = () => {}): string {
  const preRestore = `pre-restore-${stamp}`;
  onStep('intent');
  writeFileAtomic(join(dir, RESTORE_INTENT_FILE), JSON.stringify({ staging: staging.slice(dir.length + 1), preRestore, at: new Date().toISOString() }));
  onStep('switch');
  completePendingRestore(dir);
  return join(dir, preRestore);
}

/**
 * Finishes a switch an interrupted process left (run before the ledger is opened). Idempotent: each file is either
 * still where it was or already moved, and renames are atomic. Without an intent, leftover staging folders go.
 */
export function completePendingRestore(dir: string): 'none' | 'completed' | 'rolled-back' {
  const intentPath = join(dir, RESTORE_INTENT_FILE);
  if (!existsSync(intentPath)) {
    if (existsSync(dir)) for (const entry of readdirSync(dir)) if (entry.startsWith(STAGING_PREFIX)) rmSync(join(dir, entry), { recursive: true, force: true });
    return 'none';
  }
  const parsed = intentSchema.safeParse(readJsonFile(intentPath, 'E_CORRUPT'));
  if (!parsed.success) throw new LedgerError('E_CORRUPT', { file: RESTORE_INTENT_FILE });
  const intent = parsed.data;
  const staging = join(dir, intent.staging);
  const pre = join(dir, intent.preRestore);
  mkdirSync(pre, { recursive: true, mode: PRIVATE_DIR_MODE });
  const staged = (name: string) => existsSync(join(staging, name));
  let outcome: 'completed' | 'rolled-back' = 'completed';
  if (SWAPPED.every((name) => staged(name) || existsSync(join(dir, name)))) {
    // Out: the WAL companions always belong to the old ledger; the database and key file while their new ones wait.
    for (const name of LIVE_FILES) {
      const old = join(dir, name);
      if (existsSync(old) && (!(SWAPPED as readonly string[]).includes(name) || staged(name))) renameSync(old, join(pre, name));
    }
    for (const name of SWAPPED) if (staged(name)) renameSync(join(staging, name), join(dir, name));
  } else {
    // The staged files are gone (removed by hand): put the old ledger back as it was.
    for (const name of LIVE_FILES) if (existsSync(join(pre, name)) && !existsSync(join(dir, name))) renameSync(join(pre, name), join(dir, name));
    outcome = 'rolled-back';
  }
  fsyncPath(dir);
  rmSync(intentPath);
  rmSync(staging, { recursive: true, force: true });
  // A first restore into an empty folder keeps no empty pre-restore folder.
  if (readdirSync(pre).length === 0) rmSync(pre, { recursive: true });
  fsyncPath(dir);
  return outcome;
}
