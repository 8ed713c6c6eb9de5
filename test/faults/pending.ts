// Fault tests written before their fix is in the tree (issue 14) run only with FAULTS_PENDING=1; the default run
// skips them, named, until the fix lands here. A fix that lands moves to LANDED, and its tests run every time.
import { describe } from 'vitest';

const FIXES = {
  folderLock: 'H14-CORE item 1: one owner per ledger folder (E_LEDGER_IN_USE naming the holder)',
  keyFile: 'H14-CORE item 2: key file read-modify-write under the lock; a damaged slot is E_CORRUPT',
  clocks: 'H14-CORE item 4: throttle bounded by 15 min, future failures taken as now, monotonic idle lock',
  lockWhenBusy: 'H14-CORE item 3 follow-up: a lock whose audit entry meets a busy database still locks the session',
  futureThrottle: 'H14-CORE item 4 follow-up: a future failure time moved to now when first seen, not at the next attempt',
  streamingImport: 'H14-IO item 4: streaming .xlsx reader with limits (E_IMPORT_TOO_LARGE naming the limit)',
  encodings: 'H14-IO item 2: invalid GB18030 refused with the offset and line of the first bad byte',
  csvFormulas: 'H14-IO item 1: CSV export neutralizes formula-leading cells, import reads them back',
} as const;
export type Fix = keyof typeof FIXES;

const LANDED = new Set<Fix>(['folderLock', 'keyFile', 'encodings', 'clocks', 'streamingImport', 'csvFormulas']);
const RUN_ALL = process.env.FAULTS_PENDING === '1';

/** describe(), or describe.skip() with the fix it waits for in its name while that fix has not landed. */
export function describeAfter(fix: Fix, name: string, body: () => void): void {
  if (RUN_ALL || LANDED.has(fix)) describe(name, body);
  else describe.skip(`${name} [waits for ${FIXES[fix]}]`, body);
}
