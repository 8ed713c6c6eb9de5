// `npm run bench`: measured numbers, written to test/bench/results.json and quoted in README.
// Ratios compare two workloads measured in the same run; absolute numbers depend on the machine.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { LedgerService } from '../../db/service';
import { openLedgerDb } from '../../db/store/open';
import type { Db } from '../../db/store/sql';
import { benchBackup } from './backup';
import { benchDocuments } from './documents';
import { benchPrint } from './print';
import { collector, writeResults } from './results';
import { benchImport } from './import';
import { benchLabels } from './labels';
import { median } from './stats';
import { benchStocktake } from './stocktake';
import { benchStatistics } from './statistics';
import { benchUi } from './ui';

const { results, record } = collector();
const time = (fn: () => void) => {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
};

const ROWS = 50_000;
const BATCH = 1_000;
const TITLE = '关于加强网络失泄密防范工作的通知（第';

/** The same insert workload on any connection: register-like rows in transactions of 1,000. */
function insertWorkload(db: Db): number {
  db.exec(`CREATE TABLE bench_items (id INTEGER PRIMARY KEY, title TEXT NOT NULL, issuer TEXT NOT NULL, level TEXT NOT NULL, created_at TEXT NOT NULL) STRICT;
           CREATE INDEX bench_items_level ON bench_items (level, created_at);`);
  const insert = db.prepare('INSERT INTO bench_items (title, issuer, level, created_at) VALUES (?, ?, ?, ?)');
  const batch = db.transaction((from: number) => {
    for (let i = from; i < from + BATCH; i += 1)
      insert.run(`${TITLE}${i}号）`, '山东省某某厅办公室', ['绝密', '机密', '秘密'][i % 3]!, new Date(1_700_000_000_000 + i * 1000).toISOString());
  });
  return time(() => {
    for (let from = 0; from < ROWS; from += BATCH) batch(from);
  });
}

function plainDb(path: string): Db {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  return db;
}

const work = mkdtempSync(join(tmpdir(), 'ledger-bench-'));
try {
  const encryptedMs: number[] = [];
  const plainMs: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    // Alternate the order so neither side always runs on a warmer cache.
    const runs: [string, () => number][] = [
      [
        'enc',
        () => {
          const db = openLedgerDb(join(work, `enc-${round}.db`), randomBytes(32), { create: true });
          try {
            return insertWorkload(db);
          } finally {
            db.close();
          }
        },
      ],
      [
        'plain',
        () => {
          const db = plainDb(join(work, `plain-${round}.db`));
          try {
            return insertWorkload(db);
          } finally {
            db.close();
          }
        },
      ],
    ];
    for (const [kind, fn] of round % 2 ? runs.reverse() : runs) (kind === 'enc' ? encryptedMs : plainMs).push(fn());
  }
  record('store.insert_rows_per_s', ROWS / (median(encryptedMs) / 1000), 'rows/s');
  record('store.plain_insert_rows_per_s', ROWS / (median(plainMs) / 1000), 'rows/s');
  record('store.encrypted_vs_plain_insert_ratio', median(encryptedMs) / median(plainMs), 'ratio');

  // Unlock: scrypt with the production cost, open, session start; the whole-file check runs after it, beside the session
  // (db/runtime/integrity-check.ts), and is not in this time.
  const dir = join(work, 'ledger');
  const service = new LedgerService({ dir });
  const setup = service.invoke('ledger.setup', { unitName: '基准测试单位', username: 'bench', displayName: '基准', password: 'bench12345' });
  if (!setup.ok) throw new Error(setup.error.message);
  service.invoke('session.logout', {});
  const unlocks: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    unlocks.push(
      time(() => {
        const r = service.invoke('session.login', { username: 'bench', password: 'bench12345' });
        if (!r.ok) throw new Error(r.error.message);
      }),
    );
    service.invoke('session.logout', {});
  }
  record('store.unlock_ms', median(unlocks), 'ms');
  await benchDocuments(record, work);
  benchBackup(record, work);
  // A year's figures and the annual pack's Word document, on the same ledger.
  await benchStatistics(record, work);
  // The screen, on the ledger the documents bench built.
  await benchUi(record, work);
  await benchPrint(record, work);
  await benchImport(record, work);
  // Each on a 10,000-copy ledger of its own, made through the backend's commands.
  await benchStocktake(record, work);
  await benchLabels(record, work);
} finally {
  rmSync(work, { recursive: true, force: true });
}

writeResults(results);
