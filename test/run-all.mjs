// `npm test`: the type check, the linter (the layer rules), dead code (knip) and the format check, then every suite
// (unit, the fault suite in its bounded form, then e2e through the browser test host), then one line of totals.
// Each static check counts as one test, so a broken layer is a failed test.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const UNIT = 'test-reports/unit.json';
const FAULTS = 'test-reports/faults.json';
const E2E = 'test-reports/e2e.json';
rmSync('test-reports', { recursive: true, force: true });

const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' }).status ?? 1;
const bin = (name) => `node_modules/.bin/${name}`;

const statics = [
  ['tsc -b', bin('tsc'), ['-b']],
  ['eslint .', bin('eslint'), ['.']],
  ['knip', bin('knip'), ['--no-progress']],
  ['prettier --check', bin('prettier'), ['--check', '.']],
].map(([name, cmd, args]) => {
  const ok = run(cmd, args) === 0;
  console.log(`${name}: ${ok ? 'passed' : 'FAILED'}`);
  return ok;
});
const staticPassed = statics.filter(Boolean).length;
const staticFailed = statics.length - staticPassed;

const unitStatus = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${UNIT}`]);
// Fewer kill rounds than `npm run test:faults`, the same checks (test/faults/harness.ts: sized).
const faultsStatus = run(bin('vitest'), ['run', '-c', 'vitest.faults.config.ts', '--reporter=default', '--reporter=json', `--outputFile=${FAULTS}`], {
  FAULTS_BOUNDED: '1',
});
const buildStatus = run(bin('electron-vite'), ['build']);
const e2eStatus = buildStatus === 0 ? run(bin('playwright'), ['test']) : 1;

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
const unit = read(UNIT);
const faults = read(FAULTS);
const e2e = read(E2E);
const passed = staticPassed + (unit?.numPassedTests ?? 0) + (faults?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0) + (e2e?.stats?.flaky ?? 0);
// A suite that crashed before reporting counts as one failure, so a broken run never looks green.
const failed =
  staticFailed + (unit ? unit.numFailedTests : 1) + (faults ? faults.numFailedTests : 1) + (e2e ? e2e.stats.unexpected : 1) + (buildStatus === 0 ? 0 : 1);
const skipped =
  (unit?.numPendingTests ?? 0) + (unit?.numTodoTests ?? 0) + (faults?.numPendingTests ?? 0) + (faults?.numTodoTests ?? 0) + (e2e?.stats?.skipped ?? 0);

if (e2e?.stats?.flaky) console.log(`\ne2e: ${e2e.stats.flaky} passed only on its retry (flaky): see the list above`);
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(unitStatus === 0 && faultsStatus === 0 && e2eStatus === 0 && failed === 0 ? 0 : 1);
