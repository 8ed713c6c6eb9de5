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
}

/**
 * How long after sign-in the check starts: the overview is read and drawn first, not beside a read of every page (on
 * a two-core PC the check took the overview from 0.8 s to 1.4-3.8 s, under load).
 */
const START_AFTER_MS = 2_000;

/** Checks waiting to start or whose thread has not yet exited, in this process. */
let running = 0;

/** How many checks are waiting or running (a lock or logout leaves none behind once their threads have exited). */
export const runningChecks = (): number => running;

/** Built beside the backend (a main-build entry in electron.vite.config.ts); run from source, through tsx, elsewhere. */
const BUILT = join(import.meta.dirname, 'integrity-check.worker.js');
const FROM_SOURCE = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(join(import.meta.dirname, 'integrity-check.worker.ts')).href)}); });`;

/** Starts the check of the ledger at `path`; `done` gets null when it is whole, the error otherwise (E_CORRUPT: damaged). */
export function checkInBackground(
  path: string,
  key: Buffer,
  nativeBinding: string | undefined,
  done: (error: LedgerError | null) => void,
  startAfterMs = START_AFTER_MS,
): IntegrityCheck {
  const shared = new SharedArrayBuffer(key.length);
  const given = Buffer.from(shared);
  given.set(key);
  let live = true;
  let worker: Worker | null = null;
  const settle = (error: LedgerError | null) => {
    if (!live) return;
    live = false;
    given.fill(0);
    done(error);
  };
  const start = () => {
    const data: CheckData = { path, key: shared, nativeBinding };
    worker = existsSync(BUILT) ? new Worker(BUILT, { workerData: data }) : new Worker(FROM_SOURCE, { eval: true, workerData: data });
    // The check never keeps a process alive: a CLI command ends, and with it the check.
    worker.unref();
    worker.on('message', (outcome: CheckOutcome) =>
      settle(outcome.ok ? null : new LedgerError(outcome.error.code, outcome.error.message, outcome.error.details)),
    );
    worker.on('error', (err) => settle(toLedgerError(err)));
    worker.once('exit', () => {
      running -= 1;
      settle(new LedgerError('E_INTERNAL', 'the integrity check ended without a result'));
    });
  };
  running += 1;
  const timer = setTimeout(start, startAfterMs);
  timer.unref();
  return {
    stop() {
      if (!live) return;
      live = false;
      given.fill(0);
      if (worker) void worker.terminate();
      else {
        clearTimeout(timer);
        running -= 1;
      }
    },
  };
}
