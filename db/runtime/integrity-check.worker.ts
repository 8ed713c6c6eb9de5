// The thread of one background integrity check (integrity-check.ts starts it): the ledger's file checked on a
// read-only connection of its own while the session works on its own connection.
import { parentPort, workerData } from 'node:worker_threads';
import { toLedgerError } from '../errors';
import { checkLedgerFile } from '../store/open';
import type { CheckData, CheckOutcome } from './integrity-check';

const { path, key, nativeBinding } = workerData as CheckData;
// A view of the memory the session shares, not a copy: wiped by checkLedgerFile once the cipher holds the key, and by
// the session if it stops the check first.
const keyBytes = Buffer.from(key);
let outcome: CheckOutcome;
try {
  checkLedgerFile(path, keyBytes, nativeBinding ? { nativeBinding } : {});
  outcome = { ok: true };
} catch (err) {
  outcome = { ok: false, error: toLedgerError(err).toJSON() };
} finally {
  keyBytes.fill(0);
}
parentPort?.postMessage(outcome);
