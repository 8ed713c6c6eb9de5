// Test fixture for the backup tests: a ledger with an approved backup medium and a target folder. Tests only.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mediumInput } from '../ledger/devices/fixture';
import { dataSnapshot, makeLedger, ok, tempDir, type SetUpLedger } from '../testing';

const BACKUP_MEDIUM = mediumInput(1, { code: 'BM-BF-01', type: 'hdd', serial: 'HDD-BACKUP-01', capacity: '1TB', backupApproved: true, level: 'secret' });

export interface BackupLedger extends SetUpLedger {
  mediumId: number;
  /** The folder where the medium is mounted. */
  target: string;
  backup(folder?: string): { path: string; name: string; sha256: string; auditHead: { seq: number; hash: string }; counts: Record<string, number> };
  /** The data (all tables but the audit log) and the key file: what a failed backup or restore must leave as it was. */
  live(): { data: unknown; keys: string };
}

export function backupLedger(): BackupLedger {
  const t = makeLedger();
  const mediumId = ok<{ id: number }>(t.service, 'media.register', BACKUP_MEDIUM).id;
  const target = tempDir('ledger-medium-');
  return Object.assign(t, {
    mediumId,
    target,
    backup: (folder = target) => ok<ReturnType<BackupLedger['backup']>>(t.service, 'backup.run', { mediumId, folder }),
    live: () => ({ data: dataSnapshot(t), keys: existsSync(t.keyPath) ? createHash('sha256').update(readFileSync(t.keyPath)).digest('hex') : '' }),
  });
}
