// A long printout in bounded memory: the print route paginates once and shows a chunk of its pages at a time
// (data-print-shown); the host prints each chunk to PDF and asks for the next (showPrintPages), and the chunks are
// joined into one PDF with pdf-lib. Chromium then never holds more than a chunk's pages laid out for print (a
// 10,000-row register printed whole peaked at about 5 GB in its renderer). The page numbers and 第 N 页 共 M 页 come
// from the one pagination, so they stay exact across chunks; each chunk must print as exactly its pages.
// Both hosts use this (Electron's hidden window, the test host's Chromium page): nothing here needs Electron.
import { PDFDocument } from 'pdf-lib';
import type { PrintAttribute } from '../preload/contract';
import { countPdfPages } from './pdf-pages';
import type { PrintAttributes } from './print-job';

/** The print route's page as a host reaches it. */
export interface PrintSurface {
  /** Runs a script in the page; resolves with its value (a promise's result when it gives one). */
  evaluate(script: string): Promise<unknown>;
  /** Prints what the page shows to PDF. */
  pdf(): Promise<Uint8Array>;
}

const ATTRIBUTES: PrintAttribute[] = [
  'data-print-ready',
  'data-print-id',
  'data-print-error',
  'data-print-rows',
  'data-print-title',
  'data-print-audit-seq',
  'data-print-orientation',
  'data-print-page-mm',
  'data-print-pages',
  'data-print-shown',
];
/** A register of 10,000 rows takes a while to fetch and measure. */
const READY_TIMEOUT_MS = 600_000;

/** Waits in the page until the route is laid out or failed (an attribute on <html>), then reads its attributes. */
export async function readPrintout(surface: Pick<PrintSurface, 'evaluate'>): Promise<PrintAttributes> {
  const wait = `new Promise((resolve) => {
    const html = document.documentElement;
    const done = () => html.hasAttribute('data-print-ready') || html.hasAttribute('data-print-error');
    if (done()) return resolve(true);
    new MutationObserver((_, o) => done() && (o.disconnect(), resolve(true))).observe(html, { attributes: true });
  })`;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error('The printout was not laid out in time.')), READY_TIMEOUT_MS);
  });
  try {
    await Promise.race([surface.evaluate(wait), late]);
  } finally {
    clearTimeout(timer);
  }
  const read = `Object.fromEntries(${JSON.stringify(ATTRIBUTES)}.map((n) => [n, document.documentElement.getAttribute(n)]))`;
  return (await surface.evaluate(read)) as PrintAttributes;
}

/** The pages [from, to) of a data-print-shown value. */
function range(shown: unknown): [number, number] {
  const m = typeof shown === 'string' ? /^(\d+)-(\d+)$/.exec(shown) : null;
  if (!m) throw new Error(`The print route shows no pages it names (${String(shown)}).`);
  return [Number(m[1]), Number(m[2])];
}

/** Whether the route shows its pages in more than one chunk (a short printout is one; labels are shown whole). */
export function inChunks(shown: PrintAttributes): boolean {
  return Boolean(shown['data-print-pages']) && range(shown['data-print-shown'])[1] < Number(shown['data-print-pages']);
}

/**
 * Shows the printout's chunks in order from its first page, and calls `visit` with each while it is shown. Gives the
 * pages in all. A route that does not show its pages in chunks (labels) is one chunk of pages not counted here (0).
 */
export async function forEachChunk(surface: PrintSurface, shown: PrintAttributes, visit: (from: number, to: number) => Promise<void>): Promise<number> {
  if (!shown['data-print-pages']) {
    await visit(0, 0);
    return 0;
  }
  const total = Number(shown['data-print-pages']);
  // The route first shows the first chunk; after a pass over the chunks (a printer's next copy) it starts again.
  let [from, to] = range(await surface.evaluate(`document.documentElement.getAttribute('data-print-shown')`));
  if (from !== 0) [from, to] = range(await surface.evaluate('showPrintPages(0)'));
  for (;;) {
    await visit(from, to);
    if (to >= total) return total;
    const next = range(await surface.evaluate(`showPrintPages(${to})`));
    if (next[0] !== to || next[1] <= to) throw new Error(`Asked for the pages from ${to} on, the print route shows ${next.join('-')}.`);
    [from, to] = next;
  }
}

/**
 * Prints the route to one PDF, a chunk at a time, and joins the chunks (a printout of one chunk is Chromium's PDF as
 * it is). Gives the PDF and its pages, each chunk checked to have printed as exactly its pages (none lost at an edge,
 * none doubled by a page box running over).
 */
export async function printPdfInChunks(surface: PrintSurface, shown: PrintAttributes): Promise<{ pdf: Uint8Array; pages: number }> {
  const join = inChunks(shown) ? await joiner() : null;
  let whole: Uint8Array | null = null;
  let joining = Promise.resolve();
  await forEachChunk(surface, shown, async (from, to) => {
    const pdf = await surface.pdf();
    const pages = countPdfPages(pdf);
    if (to > from && pages !== to - from) throw new Error(`The pages ${from + 1}-${to} printed as ${pages} pages.`);
    whole = pdf;
    // Joined once the page is asked for the next chunk: the host joins while Chromium lays that chunk out.
    if (join) joining = joining.then(() => new Promise<void>((next) => setImmediate(next))).then(() => join.add(pdf));
  });
  await joining;
  const pdf = join ? await join.save() : whole!;
  return { pdf, pages: countPdfPages(pdf) };
}

/** One PDF made of others' pages in order, titled as the first (Chromium names it by the page's title). */
async function joiner() {
  const joined = await PDFDocument.create();
  let first = true;
  return {
    async add(bytes: Uint8Array): Promise<void> {
      const part = await PDFDocument.load(bytes, { updateMetadata: false });
      if (first) {
        joined.setTitle(part.getTitle() ?? '');
        joined.setCreator(part.getCreator() ?? '');
        joined.setProducer(part.getProducer() ?? '');
        first = false;
      }
      for (const page of await joined.copyPages(part, part.getPageIndices())) joined.addPage(page);
    },
    // Without object streams the page objects stay countable (countPdfPages), as in Chromium's own PDFs.
    save: () => joined.save({ useObjectStreams: false }),
  };
}

export async function joinPdfs(pdfs: readonly Uint8Array[]): Promise<Uint8Array> {
  const join = await joiner();
  for (const pdf of pdfs) await join.add(pdf);
  return join.save();
}
