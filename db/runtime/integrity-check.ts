// The whole-file integrity check of an open ledger, off the sign-in path. A custodian signs in once the refusals that
// must come before the first write are made (key, identity, version, page 1: db/store/open.ts); the check of every
// page (seconds on a decade's ledger) then runs on a thread of its own, on its own read-only connection, while the
// session works. Sessions ends the session when it finds damage. Backups also run integrity_check, on their copy: that
// proves the copy, not the ledger in use, so it is no reason to skip this one.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LedgerError, toLedgerError, type LedgerErrorShape } from '../errors';

/** What the check's thread is given: the key in memory shared with it (not copied into a message), wiped after use. */
export interface CheckData {
  path: string;
  key: SharedArrayBuffer;
  nativeBinding: string | undefined;
}

export type CheckOutcome = { ok: true } | { ok: false; error: LedgerErrorShape };

export interface IntegrityCheck {
  /**
   * Ends the check: its result is dropped, the key it was given wiped and its thread terminated. A thread inside the
   * check's one SQLite statement stops when that statement returns; closing its connection then frees the cipher's copy.
   */
  stop(): void;
  /** Settles once the thread has exited. */
  readonly exited: Promise<void>;
}

/** The checks' threads not yet exited, in this process. */
let running = 0;

/** How many check threads have not yet exited (a lock or logout leaves none behind once they have). */
export const runningChecks = (): number => running;

/** Built beside the backend (a main-build entry in electron.vite.config.ts); run from source, through tsx, elsewhere. */
const BUILT = join(import.meta.dirname, 'integrity-check.worker.js');
const FROM_SOURCE = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(join(import.meta.dirname, 'integrity-check.worker.ts')).href)}); });`;

/** Starts the check of the ledger at `path`; `done` gets null when it is whole, the error otherwise (E_CORRUPT: damaged). */
export function checkInBackground(path: string, key: Buffer, nativeBinding: string | undefined, done: (error: LedgerError | null) => void): IntegrityCheck {
  const shared = new SharedArrayBuffer(key.length);
  const given = Buffer.from(shared);
  given.set(key);
  let live = true;
  const settle = (error: LedgerError | null) => {
    if (!live) return;
    live = false;
    given.fill(0);
    done(error);
  };
  const built = existsSync(BUILT);
  const data: CheckData = { path, key: shared, nativeBinding };
  const worker = built ? new Worker(BUILT, { workerData: data }) : new Worker(FROM_SOURCE, { eval: true, workerData: data });
  // The check never keeps a process alive: a CLI command ends, and with it the check.
  worker.unref();
  running += 1;
  worker.on('message', (outcome: CheckOutcome) =>
    settle(outcome.ok ? null : new LedgerError(outcome.error.code, outcome.error.message, outcome.error.details)),
  );
  worker.on('error', (err) => settle(toLedgerError(err)));
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', () => {
      running -= 1;
      settle(new LedgerError('E_INTERNAL', 'the integrity check ended without a result'));
      resolve();
    });
  });
  return {
    stop() {
      live = false;
      given.fill(0);
      void worker.terminate();
    },
    exited,
  };
}
