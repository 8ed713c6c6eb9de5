// Printing at scale: a 10,000-row documents register saved as PDF through the path the app uses (the test host's
// Chromium loads the renderer's print route, which prepares the rows through the backend, lays them out with its
// paged-media CSS, prints to PDF, counts the pages and records the print), against the same rows as a bare HTML
// table printed to PDF by the same Chromium binary in the same run, and the memory the app's print takes: the host's
// Chromium renderer processes and the host (this process) sampled together. Needs the built renderer (npx
// electron-vite build). Alone: npx tsx test/bench/print.ts
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { PrintPayload } from '../../db/ledger/print/commands';
import { CHROMIUM, CHROMIUM_ARGS, startHost, type RunningHost } from '../host/server';
import { collector, writeResults } from './results';

type RecordMetric = (name: string, value: number, unit: string) => void;

const ROWS = 10_000;
const ROUNDS = 3;
const KDF = { N: 2 ** 12, r: 8, p: 1 };
const TOPICS = ['保密自查自评', '涉密载体管理', '网络安全检查', '定密工作', '保密教育培训', '涉密人员管理', '机要文件交换', '保密技术防护'];
const SUFFIXES = ['工作的通知', '的意见', '实施方案', '情况的报告', '会议纪要', '管理办法'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const procRead = (pid: number, file: string) => {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return ''; // the process has ended
  }
};

/** Each process's children (Linux /proc). */
function processTree(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    // The parent is the field after the command name, which is in parentheses and may hold spaces.
    const ppid = Number(procRead(pid, 'stat').split(') ')[1]?.split(' ')[1]);
    if (pid && ppid) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  return children;
}

function descendants(tree: Map<number, number[]>, root: number): number[] {
  const found: number[] = [];
  for (let todo = [root]; todo.length;) {
    const kids = tree.get(todo.pop()!) ?? [];
    found.push(...kids);
    todo.push(...kids);
  }
  return found;
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(procRead(pid, 'status'))?.[1] ?? 0) / 1024;

/**
 * Samples, every 250 ms until stopped, the resident memory of the host (this process) and of the renderer processes
 * of the Chromium the host started (a child of this process that was not there before, `before`), summed; gives the
 * highest sum.
 */
function sampleMemory(before: ReadonlySet<number>): () => number {
  let peak = 0;
  const sample = () => {
    const tree = processTree();
    const hostChromium = (tree.get(process.pid) ?? []).filter((pid) => !before.has(pid));
    const renderers = hostChromium.flatMap((root) => descendants(tree, root)).filter((pid) => procRead(pid, 'cmdline').includes('--type=renderer'));
    peak = Math.max(peak, rssMb(process.pid) + renderers.reduce((sum, pid) => sum + rssMb(pid), 0));
  };
  const timer = setInterval(sample, 250);
  sample();
  return () => {
    clearInterval(timer);
    sample();
    return peak;
  };
}

function must<T>(host: RunningHost, name: string, input: unknown): T {
  const r = host.invoke(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
}

/** The same rows as a table and nothing else: no app, no backend, no page frame. */
function bareTable(payload: PrintPayload): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const head = payload.document.columns.map((c) => `<th>${esc(c.label)}</th>`).join('');
  const body = payload.document.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('');
  return `<!doctype html><meta charset="utf-8"><style>@page { size: A4 landscape; margin: 16mm 12mm 15mm 12mm }
    body { font: 8.5pt "Noto Serif CJK SC", serif } table { width: 100%; border-collapse: collapse } td, th { border: 0.6pt solid #000; padding: 1.5pt 3pt }</style>
    <table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

export async function benchPrint(record: RecordMetric, work: string): Promise<void> {
  const dir = mkdtempSync(join(work, 'print-'));
  const host = await startHost({ dir, kdf: KDF });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    must(host, 'ledger.setup', { unitName: '基准测试单位', username: 'bench', displayName: '基准', password: 'bench12345' });
    const locationId = must<{ id: number }>(host, 'locations.create', { code: 'BMG-01', name: '一号保密柜', maxLevel: 'secret' }).id;
    for (let i = 0; i < ROWS; i += 1) {
      must(host, 'documents.receive', {
        docNumber: `鲁X发〔2026〕${i + 1}号`,
        title: `关于${TOPICS[i % TOPICS.length]}${SUFFIXES[i % SUFFIXES.length]}（第${i + 1}号）`,
        originUnit: '山东省某某厅办公室',
        marking: i % 5 === 0 ? '机密★10年' : '秘密★5年',
        issueDate: '2026-11-02',
        scope: ['办公室'],
        copies: 2,
        locationId,
        signedBy: '李明',
      });
    }
    const request = { kind: 'sheet', name: 'documents', filters: {} } as const;
    const print = async (req: unknown) => {
      const res = await fetch(`${host.origin}/__ledger/print`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-ledger-token': host.token },
        body: JSON.stringify({ request: req, target: 'pdf' }),
      });
      const out = (await res.json()) as { ok: boolean; value?: { pages: number }; error?: { message: string } };
      if (!out.ok) throw new Error(out.error?.message);
      return out.value!.pages;
    };
    // Warm both Chromiums (the host's starts on its first print) with a one-page printout.
    const bench = new Set(processTree().get(process.pid));
    await print({ kind: 'sheet', name: 'loans' });
    const payload = must<PrintPayload>(host, 'print.prepare', { request });
    const html = bareTable(payload);

    const app: number[] = [];
    const bare: number[] = [];
    const peaks: number[] = [];
    let pages = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const runApp = async () => {
        const peak = sampleMemory(bench);
        const t = performance.now();
        pages = await print(request);
        app.push(performance.now() - t);
        peaks.push(peak());
      };
      const runBare = async () => {
        const page = await browser.newPage();
        const t = performance.now();
        await page.setContent(html);
        await page.pdf({ format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true });
        bare.push(performance.now() - t);
        await page.close();
      };
      // Alternate the order so neither side always runs on a warmer machine.
      for (const run of round % 2 ? [runBare, runApp] : [runApp, runBare]) await run();
    }
    record('print.register_10k_pdf_s', median(app) / 1000, 's');
    record('print.register_10k_pages', pages, 'pages');
    record('print.register_10k_peak_rss_mb', Math.max(...peaks), 'MB');
    record('print.plain_table_10k_pdf_s', median(bare) / 1000, 's');
    record('print.vs_plain_table_ratio', median(app) / median(bare), 'ratio');
  } finally {
    await browser.close();
    await host.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { results, record } = collector();
  const work = mkdtempSync(join(tmpdir(), 'ledger-bench-'));
  try {
    await benchPrint(record, work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  writeResults(results);
}
