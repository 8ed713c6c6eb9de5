// The prints print.prepare made and print.record has not yet recorded, held in memory by ledger: a print entry can
// only claim what the backend laid out (its title, rows and the audit head on its pages), never figures a caller sends.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../store/sql';

export interface PreparedPrint {
  /** Who prepared it: only they record it. */
  username: string;
  request: unknown;
  title: string;
  rows: number;
  auditSeq: number;
  /** A print of labels: their codes, for the print entry. */
  codes?: string[];
}

/** Previews prepare too and are never recorded: only the latest are kept. */
const KEPT = 200;

const byLedger = new WeakMap<Db, Map<string, PreparedPrint>>();

export function keepPrepared(db: Db, print: PreparedPrint): string {
  const prints = byLedger.get(db) ?? new Map<string, PreparedPrint>();
  byLedger.set(db, prints);
  const id = randomUUID();
  prints.set(id, print);
  for (const oldest of prints.keys()) {
    if (prints.size <= KEPT) break;
    prints.delete(oldest);
  }
  return id;
}

/** The prepared print by its id; undefined when unknown, already recorded, or another account's. */
export function findPrepared(db: Db, id: string, username: string): PreparedPrint | undefined {
  const print = byLedger.get(db)?.get(id);
  return print?.username === username ? print : undefined;
}

/** Recorded: a print is recorded once. */
export function forgetPrepared(db: Db, id: string): void {
  byLedger.get(db)?.delete(id);
}
