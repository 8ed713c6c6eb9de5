// Backup of the 100,000-item / 1,000,000-event ledger through backup.run (VACUUM INTO, hashes, the reopening
// verify, the record), against a plain copyFile of the same database file in the same run.
// Alone: `npx tsx test/bench/backup.ts` (builds the ledger first, about a minute); `npm run bench` runs it too.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LedgerService } from '../../db/service';
import { BENCH_USER, benchLedgerDir, buildBenchLedger, invokeOk, type RecordMetric } from './documents';
import { collector, writeResults } from './results';

const seconds = (fn: () => void) => {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e9;
};

export function benchBackup(record: RecordMetric, workDir: string): void {
  const service = new LedgerService({ dir: benchLedgerDir(workDir) });
  try {
    invokeOk(service, 'session.login', { username: BENCH_USER.username, password: BENCH_USER.password });
    // The generated ledger holds 绝密 items: only a 绝密 medium approved for backups may take it.
    const { id } = invokeOk(service, 'media.register', {
      code: 'BENCH-BK',
      type: 'hdd',
      model: 'bench',
      serial: 'BENCH-BK-1',
      capacity: '1TB',
      level: 'top_secret',
      responsible: '基准',
      department: '保密室',
      usageScope: '备份',
      enabledAt: '2026-01-01',
      backupApproved: true,
    }) as { id: number };
    const medium = join(workDir, 'medium');
    mkdirSync(medium, { recursive: true });
    // The copy first and last, the backup between: both sides see the same cache state on average.
    const copies = [seconds(() => copyFileSync(service.dbPath, join(workDir, 'copy-1.db')))];
    let size = 0;
    const backup = seconds(() => {
      size = (invokeOk(service, 'backup.run', { mediumId: id, folder: medium }) as { size: number }).size;
    });
    copies.push(seconds(() => copyFileSync(service.dbPath, join(workDir, 'copy-2.db'))));
    const copy = (copies[0]! + copies[1]!) / 2;
    record('backup.seconds', backup, 's');
    record('backup.file_copy_seconds', copy, 's');
    record('backup.vs_file_copy_ratio', backup / copy, 'ratio');
    record('backup.size_mb', size / 1024 / 1024, 'MB');
  } finally {
    service.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const work = mkdtempSync(join(tmpdir(), 'ledger-bench-backup-'));
  try {
    const { results, record } = collector();
    const { service, key } = buildBenchLedger(benchLedgerDir(work));
    service.close();
    key.fill(0);
    benchBackup(record, work);
    writeResults(results);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
