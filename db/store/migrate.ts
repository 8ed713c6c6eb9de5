import { LedgerError } from '../errors';
import type { Db } from './sql';

export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}

/** Checks the list is strictly increasing from 1 with no gaps; a wrong list is a programming error. */
export function checkMigrations(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Refuses a ledger written by a newer app before anything is changed. */
export function assertNotTooNew(db: Db, migrations: readonly Migration[]): void {
  const version = schemaVersion(db);
  if (version > migrations.length) {
    throw new LedgerError('E_LEDGER_TOO_NEW', {
      fileVersion: version,
      appVersion: migrations.length,
    });
  }
}

/** Runs every pending migration in one transaction; on any failure nothing of them remains. */
export function migrate(db: Db, migrations: readonly Migration[]): { from: number; to: number } {
  checkMigrations(migrations);
  assertNotTooNew(db, migrations);
  const from = schemaVersion(db);
  if (from === migrations.length) return { from, to: from };
  db.transaction(() => {
    for (const m of migrations.slice(from)) m.up(db);
    db.pragma(`user_version = ${migrations.length}`);
  }).immediate();
  return { from, to: migrations.length };
}
