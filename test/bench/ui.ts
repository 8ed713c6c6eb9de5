// The screen at ten years of records: the browser test host on the documents bench's ledger (100,000 items,
// 1,000,000 events, the production key derivation) in Debian's Chromium. Each time is taken in the page, from the
// custodian's own input event (its timeStamp) to the frame that shows the answer (the first animation frame after
// the DOM holds it, then a task: that frame is painted). Baselines in the same run: the backend call alone.
// Alone: `npx tsx test/bench/ui.ts` builds the ledger first (about a minute on a quiet machine); BENCH_UI_ITEMS=2000
// (an even number) for a quick look, printed and not written to results.json. BENCH_UI_LEDGER=<folder> takes a ledger
// the documents bench built before (user bench): a copy of it is measured, and written when it holds the bench's
// 100,000 items. BENCH_UI_SHOTS=<folder> keeps a screenshot of each screen measured. Needs the built renderer
// (npx electron-vite build, or LEDGER_RENDERER_DIR).
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import type { DocumentListItem } from '../../preload/contract';
import { LedgerService } from '../../db/service';
import { CHROMIUM, CHROMIUM_ARGS, startHost, type RunningHost } from '../host/server';
import { BENCH_USER, DOCUMENTS, benchLedgerDir, buildBenchLedger, invokeOk, type RecordMetric } from './documents';
import { collector, writeResults } from './results';
import { deltas, median, quantile } from './stats';

const LOGINS = 3;
const REGISTER_OPENS = 5;
const SEARCHES = 20;
/** Wheel steps down the register's first page (about half of its 100 rows reach the top) and back, twice. */
const WHEEL_STEPS = 40;
const WHEEL_PX = 120;
const IDLE_MS = 2_000;
/** No single wait may hang the bench: a screen that never comes is an error, not a number. */
const WAIT_MS = 60_000;
/** The register as it opens: the store's first page (renderer/src/features/documents/store.ts). */
const FIRST_PAGE = { sort: 'receiptNo', order: 'desc', offset: 0, limit: 100 } as const;

type ListPage = { total: number; rows: DocumentListItem[] };

/** What "shown" means for one measurement: this selector is in the DOM, that one is not, a counter reads these digits. */
interface Shown {
  selector: string;
  absent?: string;
  digits?: { selector: string; value: string };
}
/** The input that starts the clock: the first such event (an `input` event only once the field holds `value`). */
interface Start {
  event: 'keydown' | 'click' | 'input';
  key?: string;
  value?: string;
}

// In-page scripts as plain source: tsx compiles functions with helpers (keepNames) that do not exist in the page.
const ARM = `({ start, shown, waitMs }) => {
  window.__benchProbe = new Promise((resolve, reject) => {
    let startedAt = null;
    let done = false;
    const isShown = () => {
      if (!document.querySelector(shown.selector)) return false;
      if (shown.absent && document.querySelector(shown.absent)) return false;
      if (shown.digits) {
        const text = document.querySelector(shown.digits.selector)?.textContent ?? '';
        if (text.replace(/\\D/g, '') !== shown.digits.value) return false;
      }
      return true;
    };
    const check = () => {
      if (done || startedAt === null || !isShown()) return;
      done = true;
      observer.disconnect();
      document.removeEventListener(start.event, onStart, true);
      clearTimeout(timer);
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - startedAt)));
    };
    const onStart = (e) => {
      if (startedAt !== null) return;
      if (start.key && e.key !== start.key) return;
      if (start.value !== undefined && e.target?.value !== start.value) return;
      startedAt = e.timeStamp;
      check();
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    document.addEventListener(start.event, onStart, true);
    const timer = setTimeout(() => {
      done = true;
      observer.disconnect();
      reject(new Error(startedAt === null ? 'the input never came' : 'the screen never showed ' + JSON.stringify(shown)));
    }, waitMs);
  });
}`;

/** Animation frame timestamps until stopped, and how many register rows passed by (the scroll really moved). */
const FRAMES = `() => {
  const frames = { times: [], rows: new Set(), stop: false };
  const frame = (t) => {
    frames.times.push(t);
    const first = document.querySelector('[data-testid="documents-table"] [data-testid^="documents-open-"]');
    if (first) frames.rows.add(first.getAttribute('data-testid'));
    if (!frames.stop) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  window.__benchFrames = frames;
}`;
const STOP_FRAMES = `(() => {
  const frames = window.__benchFrames;
  frames.stop = true;
  return { times: frames.times, rows: frames.rows.size };
})()`;

/** Times from `start` to the frame that shows `shown`, the input given by `act`. */
async function timed(page: Page, start: Start, shown: Shown, act: () => Promise<void>): Promise<number> {
  await page.evaluate(`(${ARM})(${JSON.stringify({ start, shown, waitMs: WAIT_MS })})`);
  await act();
  return (await page.evaluate('window.__benchProbe')) as number;
}

async function frameTimes(page: Page, during: () => Promise<void>): Promise<{ frames: number[]; rows: number }> {
  await page.evaluate(`(${FRAMES})()`);
  await during();
  const { times, rows } = (await page.evaluate(STOP_FRAMES)) as { times: number[]; rows: number };
  return { frames: deltas(times), rows };
}

/** A backend call's time (the host runs the backend in this process). */
const elapsed = (fn: () => unknown) => {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
};

function hostOk(host: RunningHost, name: string, input: unknown): unknown {
  const r = host.invoke(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value;
}
const list = (host: RunningHost, input: unknown) => hostOk(host, 'documents.list', input) as ListPage;

const OVERVIEW: Shown = { selector: '[data-testid="reminders-card"] [data-testid="reminder-loanOverdue"]', absent: '.ant-spin-spinning' };
/** The register's rows, once no question for them is on its way (aria-busy: the spinner shows only for a slow answer). */
const rowsOf = (first?: DocumentListItem): Shown => ({
  selector: `[data-testid="documents-table"] ${first ? `[data-testid="documents-open-${first.id}"]` : '[data-testid^="documents-open-"]'}`,
  absent: '.ant-spin-spinning, [aria-busy="true"]',
});

/**
 * 3-character searches as a custodian types them: parts of titles spread over the register, each with its expected
 * first row and total (so the screen is known to show this search's answer, not the previous one's).
 */
function searches(host: RunningHost): { query: string; page: ListPage; backendMs: number }[] {
  const { total } = list(host, { ...FIRST_PAGE, limit: 1 });
  const out: { query: string; page: ListPage; backendMs: number }[] = [];
  for (let i = 0; out.length < SEARCHES && i < SEARCHES * 5; i += 1) {
    const title = [...list(host, { ...FIRST_PAGE, offset: (i * 7919) % total, limit: 1 }).rows[0]!.title];
    const at = (i * 5) % (title.length - 2);
    const query = title.slice(at, at + 3).join('');
    if (out.some((s) => s.query === query)) continue;
    const input = { ...FIRST_PAGE, query };
    const page = list(host, input);
    // The screen must change between two searches for the second to be seen.
    if (page.total === 0 || out.at(-1)?.page.total === page.total) continue;
    // Timed once warm, as the screen's call is (the same query was just run).
    out.push({ query, page, backendMs: elapsed(() => list(host, input)) });
  }
  return out;
}

/** Measures the screen on the ledger in `workDir`; answers how many items it holds. */
export async function benchUi(record: RecordMetric, workDir: string, options: { shots?: string } = {}): Promise<{ items: number }> {
  const started = Date.now();
  const log = (what: string) => console.log(`  ui: ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const dir = benchLedgerDir(workDir);
  if (options.shots) mkdirSync(options.shots, { recursive: true });
  const shot = async (page: Page, name: string) => {
    if (options.shots) await page.screenshot({ path: join(options.shots, `${name}.png`) });
  };

  // The baseline of the sign-in: the same password through the backend alone (the key derivation, open, checks).
  const backend = new LedgerService({ dir });
  const backendLogins: number[] = [];
  try {
    for (let i = 0; i < LOGINS; i += 1) {
      backendLogins.push(elapsed(() => invokeOk(backend, 'session.login', { username: BENCH_USER.username, password: BENCH_USER.password })));
      invokeOk(backend, 'session.logout', {});
    }
  } finally {
    backend.close();
  }

  const host = await startHost({ dir });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 860 } })).newPage();
    page.setDefaultTimeout(WAIT_MS);

    // Password typed, Enter: the key derivation, the ledger opened, the overview with its reminder counts.
    const logins: number[] = [];
    for (let i = 0; i < LOGINS; i += 1) {
      if (i > 0) hostOk(host, 'session.logout', {});
      await page.goto(host.url);
      await page.getByTestId('login-username').fill(BENCH_USER.username);
      await page.getByTestId('login-password').fill(BENCH_USER.password);
      logins.push(await timed(page, { event: 'keydown', key: 'Enter' }, OVERVIEW, () => page.getByTestId('login-password').press('Enter')));
    }
    await shot(page, 'overview');
    record('ui.login_to_overview_ms', median(logins), 'ms');
    record('ui.backend_login_ms', median(backendLogins), 'ms');
    record('ui.login_vs_backend_login_ratio', median(logins) / median(backendLogins), 'ratio');
    log('signed in');

    // Menu click to the register's first rows, from the overview each time (the first time loads the page's code).
    const opens: number[] = [];
    for (let i = 0; i < REGISTER_OPENS; i += 1) {
      if (i > 0) await timed(page, { event: 'click' }, OVERVIEW, () => page.getByTestId('menu-overview').click());
      opens.push(await timed(page, { event: 'click' }, rowsOf(), () => page.getByTestId('menu-documents').click()));
    }
    await shot(page, 'register');
    const backendPage = median(Array.from({ length: REGISTER_OPENS }, () => elapsed(() => list(host, FIRST_PAGE))));
    record('ui.open_register_ms', median(opens), 'ms');
    record('ui.open_register_first_ms', opens[0]!, 'ms');
    record('ui.open_register_vs_backend_list_ratio', median(opens) / backendPage, 'ratio');
    log('register opened');

    // The last key of a 3-character search to its rows (typed at 60 ms a key: the box asks as it is typed).
    const queries = searches(host);
    const box = page.getByTestId('documents-search');
    const searchMs: number[] = [];
    for (const { query, page: expected } of queries) {
      await box.click();
      await page.keyboard.press('Control+A');
      searchMs.push(
        await timed(
          page,
          { event: 'input', value: query },
          { ...rowsOf(expected.rows[0]), digits: { selector: '[data-testid="documents-total"]', value: String(expected.total) } },
          () => page.keyboard.type(query, { delay: 60 }),
        ),
      );
    }
    await shot(page, 'search');
    const backendSearch = quantile(
      queries.map((q) => q.backendMs),
      0.95,
    );
    record('ui.search_to_rows_p95_ms', quantile(searchMs, 0.95), 'ms');
    record('ui.search_backend_p95_ms', backendSearch, 'ms');
    record('ui.search_vs_backend_ratio', quantile(searchMs, 0.95) / backendSearch, 'ratio');
    log(`${queries.length} searches`);

    // Scrolling the register's first page down and up by the wheel, against the same page left alone.
    const unfiltered = list(host, FIRST_PAGE);
    await timed(
      page,
      { event: 'input', value: '' },
      { ...rowsOf(unfiltered.rows[0]), digits: { selector: '[data-testid="documents-total"]', value: String(unfiltered.total) } },
      async () => {
        await box.click();
        await page.keyboard.press('Control+A');
        await page.keyboard.press('Backspace');
      },
    );
    const table = await page.getByTestId('documents-table').boundingBox();
    if (!table) throw new Error('the register table is not on screen');
    await page.mouse.move(table.x + table.width / 2, table.y + Math.min(table.height / 2, 300));
    const idle = await frameTimes(page, () => new Promise((ok) => setTimeout(ok, IDLE_MS)));
    const scroll = await frameTimes(page, async () => {
      for (const direction of [1, -1, 1, -1]) {
        for (let i = 0; i < WHEEL_STEPS; i += 1) {
          await page.mouse.wheel(0, direction * WHEEL_PX);
          await new Promise((ok) => setTimeout(ok, 16));
        }
      }
    });
    await shot(page, 'scrolled');
    // Less than a screenful passing by would be no scroll at all: the number would mean nothing.
    if (scroll.rows < 20) throw new Error(`the register did not scroll (${scroll.rows} first rows seen)`);
    record('ui.scroll_frame_p95_ms', quantile(scroll.frames, 0.95), 'ms');
    record('ui.idle_frame_p95_ms', quantile(idle.frames, 0.95), 'ms');
    record('ui.scroll_vs_idle_frame_ratio', quantile(scroll.frames, 0.95) / quantile(idle.frames, 0.95), 'ratio');
    log(`scrolled (${scroll.frames.length} frames, ${scroll.rows} rows at the top in turn)`);
    return { items: unfiltered.total };
  } finally {
    await browser.close();
    await host.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const given = process.env.BENCH_UI_LEDGER;
  const wanted = Number(process.env.BENCH_UI_ITEMS ?? DOCUMENTS);
  if (!given && (!Number.isInteger(wanted) || wanted < 2 || wanted % 2 !== 0 || wanted > DOCUMENTS))
    throw new Error(`BENCH_UI_ITEMS must be an even number of items up to ${DOCUMENTS}`);
  const work = mkdtempSync(join(tmpdir(), 'ledger-bench-ui-'));
  try {
    const { results, record } = collector();
    if (given) {
      // A copy: the bench signs in and out, which the audit log records. The lock file is the other owner's.
      cpSync(given, benchLedgerDir(work), { recursive: true, filter: (from) => !from.endsWith('ledger.lock') });
    } else {
      const { service, key } = buildBenchLedger(benchLedgerDir(work), wanted);
      service.close();
      key.fill(0);
    }
    const { items } = await benchUi(record, work, { shots: process.env.BENCH_UI_SHOTS });
    if (items === DOCUMENTS) writeResults(results);
    else console.log(`not written to results.json: ${items} items, not the bench's ${DOCUMENTS}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
