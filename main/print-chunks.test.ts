// Joining a printout's chunks: real PDFs (made with pdf-lib, as Chromium's chunks are joined) read back with poppler.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { countPdfPages } from './pdf-pages';
import { joinPdfs, printPdfInChunks, type PrintSurface } from './print-chunks';

const folder = mkdtempSync(join(tmpdir(), 'ledger-chunks-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A PDF of the pages [from, to) of `total`, each saying its number as a printout's footer does. */
async function chunk(from: number, to: number, total: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle('Unit register');
  // Fixed dates: the same chunk saved twice is the same bytes, whichever second each save falls in.
  pdf.setCreationDate(new Date(0));
  pdf.setModificationDate(new Date(0));
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let n = from + 1; n <= to; n += 1) pdf.addPage([842, 595]).drawText(`page ${n} of ${total}`, { x: 40, y: 40, size: 10, font });
  return pdf.save({ useObjectStreams: false });
}

function pagesText(pdf: Uint8Array): string[] {
  const path = join(folder, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, pdf);
  const pages = countPdfPages(pdf);
  return Array.from({ length: pages }, (_, i) => execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), path, '-'], { encoding: 'utf8' }).trim());
}

/**
 * The print route as a host sees it: pages shown `size` at a time, showPrintPages(from) showing the next; `extra`
 * makes the chunk starting there print one page too many (a page box that ran over).
 */
function route(total: number, size: number, extra?: number): { surface: PrintSurface; shown: Record<string, string> } {
  let shown: [number, number] = [0, Math.min(size, total)];
  const surface: PrintSurface = {
    async evaluate(script) {
      const asked = /^showPrintPages\((\d+)\)$/.exec(script);
      if (asked) shown = [Number(asked[1]), Math.min(Number(asked[1]) + size, total)];
      else if (!script.includes("getAttribute('data-print-shown')")) throw new Error(`unexpected script ${script}`);
      return shown.join('-');
    },
    pdf: () => chunk(shown[0], shown[1] + (shown[0] === extra ? 1 : 0), total),
  };
  return { surface, shown: { 'data-print-pages': String(total), 'data-print-shown': shown.join('-') } };
}

describe('a printout printed in chunks', () => {
  it('joins the chunks into one PDF: every page once, in order, the title kept, the pages countable', async () => {
    const joined = await joinPdfs([await chunk(0, 2, 6), await chunk(2, 5, 6), await chunk(5, 6, 6)]);
    expect(countPdfPages(joined)).toBe(6);
    expect(pagesText(joined)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `page ${n} of 6`));
    expect((await PDFDocument.load(joined)).getTitle()).toBe('Unit register');
  });

  it('prints each chunk the route shows, asks for the next at the edge, and joins them', async () => {
    const { surface, shown } = route(7, 3);
    const printed = await printPdfInChunks(surface, shown);
    expect(printed.pages).toBe(7);
    expect(pagesText(printed.pdf)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `page ${n} of 7`));
  });

  it('keeps a printout of one chunk as its own PDF, unjoined', async () => {
    const { surface, shown } = route(2, 3);
    const printed = await printPdfInChunks(surface, shown);
    expect(printed.pages).toBe(2);
    expect(printed.pdf).toEqual(await surface.pdf());
  });

  it('refuses a chunk that printed more pages than it shows, rather than a page doubled', async () => {
    const { surface, shown } = route(7, 3, 3);
    await expect(printPdfInChunks(surface, shown)).rejects.toThrow('The pages 4-6 printed as 4 pages.');
  });
});
