// Whether a backup is due, and whether the last attempt since the last backup failed: real ledgers, real folders.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok, refused } from '../../testing';
import { backupLedger } from '../../backup/fixture';
import type { BackupStatusView } from '../../views';

const status = (t: ReturnType<typeof backupLedger>) => ok<BackupStatusView>(t.service, 'backup.status', {});

describe('backup.status', () => {
  it('names the last failed attempt until a backup succeeds', () => {
    const t = backupLedger();
    expect(status(t)).toMatchObject({ lastBackupAt: null, lastFailedAt: null });
    refused(t.service, 'backup.run', { mediumId: t.mediumId, folder: join(t.target, 'missing') });
    expect(status(t).lastFailedAt).toEqual(expect.any(String));
    t.backup();
    expect(status(t)).toMatchObject({ lastBackupAt: expect.any(String), lastFailedAt: null });
    refused(t.service, 'backup.run', { mediumId: t.mediumId, folder: join(t.target, 'missing') });
    expect(status(t).lastFailedAt).toEqual(expect.any(String));
  });

  it('does not count a refused input (a relative folder) as a failed backup', () => {
    const t = backupLedger();
    refused(t.service, 'backup.run', { mediumId: t.mediumId, folder: 'relative/path' });
    expect(status(t).lastFailedAt).toBeNull();
  });
});
