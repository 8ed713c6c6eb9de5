// A stocktake's scan at scale: a 10,000-copy ledger (2,500 documents × 4 copies over 10 cabinets) in the browser
// test host and Debian's Chromium; a stocktake of one cabinet (1,000 copies) on its screen. Each scan is typed as a
// keyboard-wedge scanner types it (fast keys, then Enter); its time is taken in the page, from the Enter key's event
// to the frame that shows the copy in the list of copies found (a MutationObserver sees the row, then an animation
// frame and a task: that frame is painted). Baselines in the same run, in turns with the scans: a document's
// 收文编号 typed into the register's search box and Enter, to its row shown; the scan through the backend alone.
// Alone: `npx tsx test/bench/stocktake.ts` (about five minutes under load; BENCH_STOCKTAKE_DOCUMENTS=600 for a quick
// look, printed and not written to results.json). Needs the built renderer (npx electron-vite build, or
// LEDGER_RENDERER_DIR).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import type { DocumentDetail, LocationView } from '../../db/views';
import { CHROMIUM, CHROMIUM_ARGS, startHost, type RunningHost } from '../host/server';
import { BENCH_USER, type RecordMetric } from './documents';
import { collector, writeResults } from './results';
import { median, quantile } from './stats';

const CABINETS = 10;
const DOCUMENTS = 2_500;
export const COPIES_PER_DOCUMENT = 4;
/** Scans timed (and as many 收文编号 searches), in ROUNDS blocks taking turns. */
const SCANS = 60;
const ROUNDS = 3;
/** A wedge scanner's keys: a few milliseconds apart, then Enter. */
const WEDGE_KEY_MS = 5;
/** A person's keys (the scanner lets them through to the field). */
const HAND_KEY_MS = 60;
/** Cheap scrypt: the scan is measured here, not the sign-in. */
const KDF = { N: 2 ** 12, r: 8, p: 1 };
/** No single wait may hang the bench: a screen that never comes is an error, not a number. */
const WAIT_MS = 30_000;
const TOPICS = ['保密自查自评', '涉密载体管理', '网络安全检查', '定密工作', '保密教育培训', '涉密人员管理', '机要文件交换', '保密技术防护'];
const SUFFIXES = ['工作的通知', '的意见', '实施方案', '情况的报告', '会议纪要', '管理办法'];

export interface BenchCopy {
  copyId: number;
  documentId: number;
  receiptNo: string;
  copyNo: number;
  code: string;
}
export interface BenchCabinet {
  id: number;
  name: string;
  code: string;
  copies: BenchCopy[];
}
export interface CopiesLedger {
  cabinets: BenchCabinet[];
  documents: { id: number; receiptNo: string; cabinetId: number }[];
}

export function hostOk<T>(host: RunningHost, name: string, input: unknown): T {
  const r = host.invoke(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

/**
 * The ledger set up and filled through the backend's own commands (documents.receive, as a custodian does), signed
 * in: document i goes to cabinet i mod 10, one in three is 机密, the rest 秘密.
 */
export function buildCopiesLedger(host: RunningHost, documentCount = DOCUMENTS): CopiesLedger {
  hostOk(host, 'ledger.setup', BENCH_USER);
  for (let i = 1; i <= CABINETS; i += 1)
    hostOk(host, 'locations.create', { code: `BMG-${String(i).padStart(2, '0')}`, name: `${i}号保密柜`, maxLevel: 'secret' });
  const cabinets: BenchCabinet[] = hostOk<LocationView[]>(host, 'locations.list', {}).map((l) => ({ id: l.id, name: l.name, code: l.labelCode, copies: [] }));
  const documents: CopiesLedger['documents'] = [];
  for (let i = 0; i < documentCount; i += 1) {
    const cabinet = cabinets[i % CABINETS]!;
    const doc = hostOk<DocumentDetail>(host, 'documents.receive', {
      docNumber: `鲁保发〔2026〕${i + 1}号`,
      title: `关于${TOPICS[i % TOPICS.length]}${SUFFIXES[i % SUFFIXES.length]}`,
      originUnit: '山东省国家保密局',
      marking: i % 3 === 0 ? '机密★10年' : '秘密★5年',
      issueDate: '2026-11-02',
      scope: ['办公室'],
      copies: COPIES_PER_DOCUMENT,
      locationId: cabinet.id,
      signedBy: '李明',
    });
    documents.push({ id: doc.id, receiptNo: doc.receiptNo, cabinetId: cabinet.id });
    for (const c of doc.copyList) cabinet.copies.push({ copyId: c.id, documentId: doc.id, receiptNo: doc.receiptNo, copyNo: c.copyNo, code: c.labelCode });
  }
  return { cabinets, documents };
}

/** A backend call's time (the host runs the backend in this process). */
const elapsed = (fn: () => unknown) => {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
};

/** `count` items spread evenly over `xs` (the same ones every run). */
export const spread = <T>(xs: readonly T[], count: number): T[] => Array.from({ length: count }, (_, i) => xs[Math.floor((i * xs.length) / count)]!);

// In-page scripts as plain source (tsx compiles functions with helpers that do not exist in the page). The app's
// scanner reads every key first (the window, capture phase) and stops a scan's Enter there, so the clock is a
// listener put on the window before the app's scripts run: it is the first to see each Enter.
const ENTER_CLOCK = `(() => {
  let keys = [];
  window.__benchBursts = [];
  window.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return void (e.key.length === 1 && keys.push(e.timeStamp));
    // Each burst's mean gap between its keys, Enter included: how fast the "scanner" really typed.
    if (keys.length) window.__benchBursts.push((e.timeStamp - keys[0]) / keys.length);
    keys = [];
    window.__benchEnterAt = e.timeStamp;
    window.__benchOnEnter?.();
  }, true);
})();`;
// Resolves with the time from the next Enter to the painted frame in which `shown` is in the DOM and `absent` is
// not: a MutationObserver sees it, then an animation frame and a task (that frame is painted). Rejects at once
// when a new `refused` element comes instead (the screen said the scan was not read).
const ARM = `({ shown, absent, refused, waitMs }) => {
  window.__benchEnterAt = null;
  performance.clearResourceTimings();
  const before = refused && document.querySelector(refused);
  window.__benchScan = new Promise((resolve, reject) => {
    let done = false;
    const finish = () => {
      done = true;
      observer.disconnect();
      window.__benchOnEnter = null;
      clearTimeout(timer);
    };
    const check = () => {
      const startedAt = window.__benchEnterAt;
      if (done || startedAt === null) return;
      const no = refused && document.querySelector(refused);
      if (no && no !== before) {
        finish();
        return reject(new Error('refused: ' + no.textContent));
      }
      if (!document.querySelector(shown) || (absent && document.querySelector(absent))) return;
      finish();
      // When the first backend answer after the Enter reached the page: what is left is the screen's own work.
      const reply = performance.getEntriesByType('resource').find((r) => r.name.includes('/__ledger/invoke') && r.startTime >= startedAt);
      requestAnimationFrame(() => setTimeout(() => resolve({ ms: performance.now() - startedAt, replyMs: reply ? reply.responseEnd - startedAt : null })));
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    window.__benchOnEnter = check;
    const timer = setTimeout(() => {
      const enter = window.__benchEnterAt;
      finish();
      reject(new Error(enter === null ? 'no Enter came' : 'the screen never showed ' + shown));
    }, waitMs);
  });
}`;

/** Enter to the painted frame, and to the first backend answer reaching the page (null: none was asked). */
interface Timed {
  ms: number;
  replyMs: number | null;
}

const IDLE = 'new Promise((ok) => requestIdleCallback(() => ok(), { timeout: 2000 }))';

interface Expect {
  shown: string;
  absent?: string;
  refused?: string;
}

/**
 * `text` typed into whatever has the focus, `keyMs` apart, then Enter: timed from the Enter to the frame showing it.
 * Typing starts when the page is idle: Playwright sends a key only once the page took the one before, so keys sent
 * to a busy page arrive late, where a real scanner's keys keep their pace (and a late key splits the burst).
 */
async function typedThenEnter(page: Page, text: string, keyMs: number, expect: Expect): Promise<Timed> {
  await page.evaluate(`(${ARM})(${JSON.stringify({ ...expect, waitMs: WAIT_MS })})`);
  await page.evaluate(IDLE);
  await page.keyboard.type(text, { delay: keyMs });
  await page.keyboard.press('Enter');
  return (await page.evaluate('window.__benchScan')) as Timed;
}

const REFUSED = '[data-testid="stocktake-feedback"][data-tone="error"]';
/** Times one code is scanned again after its burst was misread before the bench gives up. */
const RETRIES = 3;

/**
 * A wedge scan on the stocktake screen. A burst slowed by a loaded machine is typing, not a scan, to the scanner
 * (and a wrong code to the screen): the field is emptied and the code scanned again, and the misreads counted.
 */
async function wedgeScan(page: Page, code: string, shown: string, misreads: { n: number }): Promise<Timed> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await typedThenEnter(page, code, WEDGE_KEY_MS, { shown, refused: REFUSED });
    } catch (err) {
      if (!(err instanceof Error && err.message.includes('Error: refused:')) || attempt === RETRIES) throw err;
      misreads.n += 1;
      await page.getByTestId('stocktake-scan').fill('');
    }
  }
}

const rowOf = (documentId: number) => `[data-testid="documents-table"] [data-testid="documents-open-${documentId}"]`;

/**
 * The baseline: a document's 收文编号 typed into the register's search box and Enter, to the register showing its
 * row. Typed at a person's pace: a wedge's burst would be a scan (the scanner takes it from the field).
 */
async function registerSearches(page: Page, documents: readonly CopiesLedger['documents'][number][], last: { id: number | null }): Promise<Timed[]> {
  const out: Timed[] = [];
  for (const d of documents) {
    // The search names one document, so the register opens it after showing its row: back to the register each time.
    await page.getByTestId('menu-documents').click();
    await page.getByTestId('documents-search').click();
    await page.keyboard.press('Control+A');
    out.push(await typedThenEnter(page, d.receiptNo, HAND_KEY_MS, { shown: rowOf(d.id), ...(last.id === null ? {} : { absent: rowOf(last.id) }) }));
    last.id = d.id;
  }
  return out;
}

/** The stocktake's screen opened from the 清查 list, the cabinet's label scanned, then copies found in it, one by one. */
async function stocktakeScans(page: Page, no: string, cabinet: BenchCabinet, copies: readonly BenchCopy[], misreads: { n: number }): Promise<Timed[]> {
  await page.getByTestId('menu-stocktakes').click();
  await page.getByTestId(`stocktake-row-${no}`).click();
  await page.getByTestId('stocktake-scan').waitFor();
  await wedgeScan(page, cabinet.code, '[data-testid="stocktake-feedback"][data-tone="ok"]', misreads);
  // The list of copies found, where each scan's copy shows.
  await page.locator('[data-testid="stocktake-cabinet"] .ant-tabs-tab[data-node-key="present"]').click();
  await page.getByTestId('stocktake-present').waitFor();
  const out: Timed[] = [];
  for (const c of copies) out.push(await wedgeScan(page, c.code, `[data-testid="stocktake-present"] tr[data-row-key="${c.code}"]`, misreads));
  return out;
}

export async function benchStocktake(record: RecordMetric, workDir: string, documents = DOCUMENTS): Promise<void> {
  const started = Date.now();
  const log = (what: string) => console.log(`  stocktake: ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const dir = mkdtempSync(join(workDir, 'stocktake-'));
  const host = await startHost({ dir, kdf: KDF });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const ledger = buildCopiesLedger(host, documents);
    const cabinet = ledger.cabinets[0]!;
    log(`${documents * COPIES_PER_DOCUMENT} copies in ${CABINETS} cabinets, ${cabinet.copies.length} in the one stocktaken`);
    const { id, no } = hostOk<{ id: number; no: string }>(host, 'stocktake.start', { cabinetIds: [cabinet.id], devices: false, checkers: ['王芳', '李明'] });
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 860 } });
    await context.addInitScript(ENTER_CLOCK);
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    await page.goto(host.url);
    await page.getByTestId('menu-documents').waitFor();

    const searchDocs = spread(
      ledger.documents.filter((d) => d.cabinetId === cabinet.id),
      SCANS,
    );
    const scanCopies = spread(cabinet.copies, SCANS);
    // Half the cabinet found when the screen's scans end, as in the middle of a real one (its lists as long as they
    // get): the copies before them scanned through the backend alone (in this process), the baseline of the backend.
    const screened = new Set(scanCopies.map((c) => c.code));
    const backend = spread(
      cabinet.copies.filter((c) => !screened.has(c.code)),
      cabinet.copies.length / 2 - SCANS,
    ).map((c) => elapsed(() => hostOk(host, 'stocktake.scan', { id, cabinetId: cabinet.id, code: c.code })));
    log(`${backend.length} copies of ${cabinet.copies.length} scanned through the backend first`);
    const searchTimes: Timed[] = [];
    const scanTimes: Timed[] = [];
    const last = { id: null as number | null };
    const misreads = { n: 0 };
    let bursts: number[] = [];
    const share = SCANS / ROUNDS;
    for (let round = 0; round < ROUNDS; round += 1) {
      const part = <T>(xs: T[]) => xs.slice(round * share, (round + 1) * share);
      const runs = [
        async () => searchTimes.push(...(await registerSearches(page, part(searchDocs), last))),
        async () => {
          await page.evaluate('window.__benchBursts = []');
          scanTimes.push(...(await stocktakeScans(page, no, cabinet, part(scanCopies), misreads)));
          bursts = [...bursts, ...((await page.evaluate('window.__benchBursts')) as number[])];
        },
      ];
      // Alternate the order so neither side always runs on a warmer (or less loaded) machine.
      for (const run of round % 2 ? runs.reverse() : runs) await run();
      const ms = (xs: Timed[]) => median(part(xs).map((t) => t.ms)).toFixed(0);
      log(`round ${round + 1}: scans median ${ms(scanTimes)} ms, searches median ${ms(searchTimes)} ms`);
    }
    log(
      `${misreads.n} bursts misread (a key late on the loaded machine) and scanned again; the scanner's keys ${median(bursts).toFixed(1)} ms apart (median of the bursts' means)`,
    );
    const scans = scanTimes.map((t) => t.ms);
    const searches = searchTimes.map((t) => t.ms);
    const replies = scanTimes.map((t) => t.replyMs).filter((t) => t !== null);
    log(`the scan's answer reached the page ${median(replies).toFixed(0)} ms after the Enter (median; p95 ${quantile(replies, 0.95).toFixed(0)} ms)`);
    record('stocktake.scan_to_screen_p95_ms', quantile(scans, 0.95), 'ms');
    record('stocktake.scan_to_screen_p50_ms', median(scans), 'ms');
    record('stocktake.scan_answer_in_page_p95_ms', quantile(replies, 0.95), 'ms');
    record('stocktake.scan_backend_p95_ms', quantile(backend, 0.95), 'ms');
    record('stocktake.register_search_to_row_p95_ms', quantile(searches, 0.95), 'ms');
    record('stocktake.scan_vs_register_search_ratio', quantile(scans, 0.95) / quantile(searches, 0.95), 'ratio');
  } finally {
    await browser.close();
    await host.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const work = mkdtempSync(join(tmpdir(), 'ledger-bench-stocktake-'));
  try {
    const { results, record } = collector();
    const documents = Number(process.env.BENCH_STOCKTAKE_DOCUMENTS ?? DOCUMENTS);
    if (!Number.isInteger(documents) || documents < CABINETS * SCANS || documents > DOCUMENTS)
      throw new Error(`BENCH_STOCKTAKE_DOCUMENTS must be a whole number from ${CABINETS * SCANS} to ${DOCUMENTS}`);
    await benchStocktake(record, work, documents);
    if (documents === DOCUMENTS) writeResults(results);
    else console.log(`not written to results.json: ${documents} documents, not the bench's ${DOCUMENTS}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
