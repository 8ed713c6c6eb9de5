// 统计 at scale, on the documents bench's ledger (100,000 documents, exactly 1,000,000 document events over 2019-2026,
// see populate in ./documents.ts): a year's figures (statistics.figures for 2025, the last whole year: about 12,500
// documents and 125,000 of the events) through the LedgerService, p95 of RUNS calls, against a documents.list page
// (the register's filtered, sorted page) through the same service in the same run, in turns; the annual pack of that
// year (statistics.pack: the document and the rows of its tables) and its Word document (statistics.packDocx with one
// PNG per chart, as the renderer sends them; it builds the pack again to check the figures did not move).
// The bench ledger holds document events only: its device, media-use, backup and refusal figures count next to nothing.
// Alone: `npx tsx test/bench/statistics.ts` (builds the ledger first, about two minutes; more under load);
// `npm run bench` runs it too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';
import type { ReportDocument } from '../../db/domain/report';
import { LedgerService } from '../../db/service';
import { BENCH_USER, benchLedgerDir, buildBenchLedger, invokeOk, type RecordMetric } from './documents';
import { collector, writeResults } from './results';
import { median, quantile } from './stats';

const YEAR = 2025;
const RUNS = 30;
const PACK_RUNS = 3;
const PAGE = { levels: ['secret', 'confidential'], status: 'held', sort: 'secrecyEnd', order: 'asc', offset: 0, limit: 50 };

const ms = (fn: () => void) => {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
};

/** A chart as chartPng draws it for Word (640 × 320 at pixel ratio 2), with a little drawing so it is not all one colour. */
function chartPng(n: number): string {
  const image = new PNG({ width: 1280, height: 640 });
  image.data.fill(255);
  for (let x = 0; x < 1280; x += 1)
    for (let y = 640 - ((x * (n + 3)) % 600); y < 640; y += 1) {
      const i = (y * 1280 + x) * 4;
      image.data[i] = 84;
      image.data[i + 1] = 112;
      image.data[i + 2] = 198;
    }
  return PNG.sync.write(image).toString('base64');
}

interface Pack {
  document: ReportDocument;
  digest: string;
}

const tableRows = (document: ReportDocument) => document.blocks.reduce((n, b) => n + (b.kind === 'table' ? b.rows.length : 0), 0);

async function asyncOk<T>(service: LedgerService, name: string, input: unknown): Promise<T> {
  const r = await service.invokeAsync(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

/** On the documents bench's ledger in workDir (built by benchDocuments, or by buildBenchLedger when alone). */
export async function benchStatistics(record: RecordMetric, workDir: string): Promise<void> {
  const service = new LedgerService({ dir: benchLedgerDir(workDir) });
  try {
    invokeOk(service, 'session.login', { username: BENCH_USER.username, password: BENCH_USER.password });
    const year = { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` };
    // Warm both, then take turns so neither always runs on a warmer cache.
    for (let i = 0; i < 3; i += 1) {
      invokeOk(service, 'statistics.figures', year);
      invokeOk(service, 'documents.list', PAGE);
    }
    const figures: number[] = [];
    const pages: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const pair: [number[], () => unknown][] = [
        [figures, () => invokeOk(service, 'statistics.figures', year)],
        [pages, () => invokeOk(service, 'documents.list', { ...PAGE, offset: (i % 20) * 50 })],
      ];
      for (const [out, fn] of i % 2 ? pair.reverse() : pair) out.push(ms(fn));
    }
    record('statistics.year_p95_ms', quantile(figures, 0.95), 'ms');
    record('statistics.baseline_page_p95_ms', quantile(pages, 0.95), 'ms');
    record('statistics.year_vs_page_ratio', quantile(figures, 0.95) / quantile(pages, 0.95), 'ratio');

    // The annual pack, read as the screen and the print read it (the renderer draws its charts from it), then written.
    const packMs: number[] = [];
    const docxS: number[] = [];
    let rows = 0;
    for (let i = 0; i < PACK_RUNS; i += 1) {
      let pack: Pack | undefined;
      packMs.push(ms(() => (pack = invokeOk(service, 'statistics.pack', { year: YEAR }) as Pack)));
      rows = tableRows(pack!.document);
      const charts = Object.fromEntries(pack!.document.blocks.flatMap((b, n) => (b.kind === 'chart' ? [[b.chart.id, chartPng(n)]] : [])));
      const t = process.hrtime.bigint();
      await asyncOk(service, 'statistics.packDocx', { year: YEAR, digest: pack!.digest, charts });
      docxS.push(Number(process.hrtime.bigint() - t) / 1e9);
    }
    record('statistics.pack_ms', median(packMs), 'ms');
    record('statistics.pack_table_rows', rows, 'rows');
    record('statistics.pack_docx_s', median(docxS), 's');
    invokeOk(service, 'session.logout', {});
  } finally {
    service.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const work = mkdtempSync(join(tmpdir(), 'ledger-bench-statistics-'));
  try {
    const { service, key } = buildBenchLedger(benchLedgerDir(work));
    service.close();
    key.fill(0);
    const { results, record } = collector();
    await benchStatistics(record, work);
    writeResults(results);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
