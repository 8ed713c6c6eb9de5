// Labels at scale: 1,000 copy labels (250 documents × 4 copies, 3×8 A4 sheets) saved as PDF through the path the
// app uses (the test host's Chromium loads the renderer's print route, which prepares the labels through the
// backend, draws each label's Code 128 and QR with bwip-js, prints to PDF, counts the pages and records the print),
// timed from the request to the PDF written to a file. Baseline in the same run: a documents register printout of
// about as many pages through the same route. Alone: `npx tsx test/bench/labels.ts` (a few minutes). Needs the built
// renderer (npx electron-vite build, or LEDGER_RENDERER_DIR).
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LABEL_PRESETS } from '../../db/domain/labels';
import type { PrintOutcome } from '../../preload/contract';
import { startHost, type RunningHost } from '../host/server';
import type { RecordMetric } from './documents';
import { collector, writeResults } from './results';
import { median } from './stats';
import { COPIES_PER_DOCUMENT, buildCopiesLedger, hostOk, spread } from './stocktake';

const LABELS = 1_000;
const ROUNDS = 3;
const KDF = { N: 2 ** 12, r: 8, p: 1 };

/** One print job through the host, as the preview's 保存为 PDF sends it; the PDF written to `file`. */
async function printToFile(host: RunningHost, request: unknown, file: string): Promise<{ ms: number; pages: number; bytes: number }> {
  const t = performance.now();
  const res = await fetch(`${host.origin}/__ledger/print`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-ledger-token': host.token },
    body: JSON.stringify({ request, target: 'pdf' }),
  });
  const out = (await res.json()) as { ok: boolean; value?: PrintOutcome; error?: { code: string; message: string } };
  if (!out.ok || !out.value?.pdfBase64) throw new Error(`print: ${out.error?.code} ${out.error?.message}`);
  writeFileSync(file, Buffer.from(out.value.pdfBase64, 'base64'));
  return { ms: performance.now() - t, pages: out.value.pages, bytes: statSync(file).size };
}

export async function benchLabels(record: RecordMetric, workDir: string): Promise<void> {
  const started = Date.now();
  const log = (what: string) => console.log(`  labels: ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const dir = mkdtempSync(join(workDir, 'labels-'));
  const host = await startHost({ dir, kdf: KDF });
  try {
    const ledger = buildCopiesLedger(host);
    log('ledger built');
    const documents = spread(ledger.documents, LABELS / COPIES_PER_DOCUMENT);
    const labels = {
      kind: 'labels',
      items: { copies: documents.map((d) => ({ documentId: d.id })) },
      layout: { kind: 'sheet', preset: '3x8', ...LABEL_PRESETS['3x8'] },
      language: 'zh-CN',
    };
    const prepared = hostOk<{ document: { labels?: unknown[] } }>(host, 'print.prepare', { request: labels });
    if (prepared.document.labels?.length !== LABELS) throw new Error(`${prepared.document.labels?.length} labels prepared, not ${LABELS}`);
    // About as many register pages: the 机密 third of the register (one row a document).
    const register = { kind: 'sheet', name: 'documents', filters: { levels: ['secret'] }, language: 'zh-CN' };
    // Warm the host's Chromium (it starts on its first print) with a one-page printout.
    await printToFile(host, { kind: 'sheet', name: 'loans' }, join(dir, 'warm.pdf'));

    const labelRuns: { ms: number; pages: number; bytes: number }[] = [];
    const registerRuns: { ms: number; pages: number; bytes: number }[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const runs: [typeof labelRuns, unknown, string][] = [
        [labelRuns, labels, 'labels'],
        [registerRuns, register, 'register'],
      ];
      // Alternate the order so neither side always runs on a warmer machine.
      for (const [out, request, name] of round % 2 ? runs.reverse() : runs) out.push(await printToFile(host, request, join(dir, `${name}-${round}.pdf`)));
      log(`round ${round + 1}`);
    }
    const labelMs = median(labelRuns.map((r) => r.ms));
    const registerMs = median(registerRuns.map((r) => r.ms));
    const labelPages = labelRuns[0]!.pages;
    const perSheet = LABEL_PRESETS['3x8'].columns * LABEL_PRESETS['3x8'].rows;
    if (labelPages !== Math.ceil(LABELS / perSheet)) throw new Error(`${labelPages} label sheets printed, not ${Math.ceil(LABELS / perSheet)}`);
    const registerPages = registerRuns[0]!.pages;
    record('labels.pdf_1000_s', labelMs / 1000, 's');
    record('labels.pdf_1000_pages', labelPages, 'pages');
    record('labels.pdf_1000_bytes', labelRuns[0]!.bytes, 'bytes');
    record('labels.register_baseline_pdf_s', registerMs / 1000, 's');
    record('labels.register_baseline_pages', registerPages, 'pages');
    // Per page: the two printouts' page counts are close, not equal.
    record('labels.vs_register_per_page_ratio', labelMs / labelPages / (registerMs / registerPages), 'ratio');
  } finally {
    await host.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const work = mkdtempSync(join(tmpdir(), 'ledger-bench-labels-'));
  try {
    const { results, record } = collector();
    await benchLabels(record, work);
    writeResults(results);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
